/**
 * The what-if tab's styles: a string put in a <style> inside the panel's shadow root (or the popup). The
 * colours are the panel's variables (light and dark; the popup and the What-if card define the same names),
 * and the type, spacing, buttons and inputs follow the console's design system as the panel does.
 */
export const WHATIF_CSS = `
.whatif { font-family: "Amazon Ember", "Open Sans", "Helvetica Neue", Roboto, Arial, sans-serif; font-size: 14px; line-height: 20px; color: var(--text, #000716); display: flex; flex-direction: column; gap: 12px; min-width: 0; }
.whatif h3 { font-size: 14px; line-height: 20px; font-weight: 700; margin: 0 0 8px; }
.whatif section { border: 1px solid var(--divider, #e9ebed); border-radius: 12px; padding: 12px 14px; min-width: 0; }
.whatif ul { list-style: none; margin: 0; padding: 0; }
.whatif li { padding: 3px 0; }
.whatif .muted { color: var(--text-secondary, #5f6b7a); }
.whatif .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.whatif .grow { flex: 1 1 auto; min-width: 0; }
.whatif input[type=text], .whatif select, .whatif textarea { font: inherit; padding: 4px 10px; min-height: 32px; border: 1px solid var(--border, #8c8c94); border-radius: 8px; background: var(--bg, #fff); color: inherit; box-sizing: border-box; }
.whatif input[type=text]:focus, .whatif select:focus, .whatif textarea:focus { outline: 2px solid var(--focus, #0972d3); outline-offset: -1px; }
.whatif input[type=text] { width: 100%; }
.whatif textarea { width: 100%; min-height: 80px; font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; }
.whatif button { font: inherit; font-weight: 700; padding: 2px 14px; line-height: 20px; border-radius: 20px; border: 2px solid var(--accent, #0972d3); background: transparent; color: var(--accent, #0972d3); cursor: pointer; max-width: 100%; white-space: normal; text-align: center; }
.whatif button:hover { border-color: var(--accent-hover, #033160); color: var(--accent-hover, #033160); background: var(--bg-subtle, #f9f9fa); }
.whatif button.primary { background: var(--accent, #0972d3); border-color: var(--accent, #0972d3); color: var(--bg, #fff); }
.whatif button.primary:hover { background: var(--accent-hover, #033160); border-color: var(--accent-hover, #033160); color: var(--bg, #fff); }
.whatif button:disabled { opacity: .5; cursor: default; }
.whatif .badge { display: inline-block; font-size: 12px; line-height: 18px; padding: 0 8px; border-radius: 10px; background: var(--badge-bg, #e9ebed); white-space: nowrap; }
.whatif .badge.missing { background: transparent; border: 1px solid var(--error, #d91515); color: var(--error, #d91515); }
.whatif .group { margin-top: 8px; }
.whatif .group-title { font-weight: 700; overflow-wrap: anywhere; }
.whatif .item-name { font-weight: 700; overflow-wrap: anywhere; }
.whatif li[data-testid=whatif-item] { border-top: 1px solid var(--divider, #e9ebed); padding: 6px 0; }
.whatif .item-actions { display: inline-flex; gap: 4px; flex-wrap: wrap; }
.whatif .item-actions button { font-size: 12px; line-height: 18px; padding: 0 10px; border-width: 1px; }
.whatif .role-text { flex: 1 1 120px; min-width: 0; }
.whatif .decision { font-weight: 700; font-size: 14px; padding: 4px 12px; border-radius: 12px; display: inline-block; border: 2px solid var(--border, #8c8c94); }
.whatif .decision[data-decision=Allowed] { border-color: var(--ok, #037f0c); color: var(--ok, #037f0c); }
.whatif .decision[data-decision=ImplicitDeny] { border-color: var(--warning, #8d6605); color: var(--warning, #8d6605); }
.whatif .decision[data-decision=ExplicitDeny] { border-color: var(--error, #d91515); color: var(--error, #d91515); }
.whatif .decision[data-decision=undecided] { border-style: dashed; color: var(--text, #000716); }
.whatif .undecided p { margin: 6px 0; }
.whatif .error { color: var(--error, #d91515); }
.whatif .warn { color: var(--warning, #8d6605); }
.whatif label.field { display: flex; flex-direction: column; gap: 2px; font-weight: 700; margin-bottom: 6px; }
.whatif label.field input { font-weight: 400; }
.whatif details summary { cursor: pointer; font-weight: 700; }
.whatif .actions-list { font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; max-height: 160px; overflow: auto; overflow-wrap: anywhere; }
.whatif [data-testid=whatif-explanation] button.link { border: 0; padding: 0; font-weight: 400; color: var(--accent, #0972d3); text-decoration: underline; background: none; }
`
