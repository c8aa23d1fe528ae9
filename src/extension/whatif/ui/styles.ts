/** The what-if tab's styles: a string put in a <style> inside the panel's shadow root (or the popup). */
export const WHATIF_CSS = `
.whatif { font: 13px/1.4 system-ui, sans-serif; color: inherit; display: flex; flex-direction: column; gap: 12px; }
.whatif h3 { font-size: 13px; margin: 0 0 6px; }
.whatif section { border: 1px solid rgba(127,127,127,.35); border-radius: 6px; padding: 8px; }
.whatif ul { list-style: none; margin: 0; padding: 0; }
.whatif li { padding: 3px 0; }
.whatif .muted { opacity: .7; }
.whatif .row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.whatif .grow { flex: 1 1 auto; min-width: 0; }
.whatif input[type=text], .whatif select, .whatif textarea { font: inherit; padding: 3px 5px; border: 1px solid rgba(127,127,127,.6); border-radius: 4px; background: transparent; color: inherit; box-sizing: border-box; }
.whatif input[type=text] { width: 100%; }
.whatif textarea { width: 100%; min-height: 80px; font-family: ui-monospace, monospace; font-size: 12px; }
.whatif button { font: inherit; padding: 3px 9px; border-radius: 4px; border: 1px solid rgba(127,127,127,.6); background: transparent; color: inherit; cursor: pointer; }
.whatif button.primary { background: #0972d3; border-color: #0972d3; color: #fff; }
.whatif button:disabled { opacity: .5; cursor: default; }
.whatif .badge { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 8px; border: 1px solid rgba(127,127,127,.5); white-space: nowrap; }
.whatif .badge.missing { border-color: #d91515; color: #d91515; }
.whatif .group { margin-top: 6px; }
.whatif .group-title { font-weight: 600; word-break: break-all; }
.whatif .item-name { font-weight: 500; word-break: break-all; }
.whatif li[data-testid=whatif-item] { border-top: 1px solid rgba(127,127,127,.2); padding: 4px 0; }
.whatif .item-actions { display: inline-flex; gap: 4px; white-space: nowrap; flex: none; }
.whatif .item-actions button { font-size: 12px; padding: 0 6px; }
.whatif .role-text { flex: 1 1 120px; min-width: 0; }
.whatif .decision { font-weight: 700; font-size: 14px; padding: 4px 8px; border-radius: 4px; display: inline-block; }
.whatif .decision[data-decision=Allowed] { background: #e9f6e9; color: #037f0c; }
.whatif .decision[data-decision=ImplicitDeny] { background: #fff4e5; color: #8d6605; }
.whatif .decision[data-decision=ExplicitDeny] { background: #fdeceb; color: #d91515; }
.whatif .error { color: #d91515; }
.whatif .warn { color: #8d6605; }
.whatif label.field { display: flex; flex-direction: column; gap: 2px; }
.whatif details summary { cursor: pointer; }
.whatif .actions-list { font-family: ui-monospace, monospace; font-size: 12px; max-height: 160px; overflow: auto; }
`
