/**
 * The template library's CSS, shared by the toolbar popup and the panel's Templates tab (inside the panel's
 * shadow root). Colours come from the host's variables (the panel defines them, light and dark; the popup
 * defines the same names under prefers-color-scheme). Class names start with `tpl-` so they never clash
 * with the panel's own.
 */
export const TEMPLATES_CSS = `
.tpl-app { display: flex; flex-direction: column; min-height: 0; height: 100%; color: var(--text); background: var(--bg); position: relative; }
.tpl-app *, .tpl-app *::before, .tpl-app *::after { box-sizing: border-box; }
.tpl-app button, .tpl-app input, .tpl-app select, .tpl-app textarea { font: inherit; color: inherit; }
.tpl-app :focus-visible { outline: 2px solid var(--focus, var(--accent)); outline-offset: 1px; border-radius: 6px; }
.tpl-search { display: flex; gap: 6px; align-items: center; padding: 8px 12px 6px; }
.tpl-search input { flex: 1; min-width: 0; border: 1px solid var(--border); border-radius: 8px; background: var(--bg); padding: 5px 10px; min-height: 32px; }
.tpl-tabs { display: flex; gap: 2px; padding: 0 8px; border-bottom: 1px solid var(--divider); }
.tpl-tab { border: 0; background: transparent; padding: 6px 8px 5px; cursor: pointer; font-weight: 700; color: var(--text-secondary); border-bottom: 3px solid transparent; white-space: nowrap; font-size: 13px; }
.tpl-tab[aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); }
.tpl-tab:hover { color: var(--text); }
.tpl-tab .tpl-n { font-weight: 400; font-size: 12px; margin-left: 4px; color: var(--text-secondary); }
.tpl-list { list-style: none; margin: 0; padding: 4px 6px 8px; overflow-y: auto; flex: 1; min-height: 0; }
.tpl-row { display: flex; align-items: flex-start; gap: 6px; padding: 6px 8px; border-radius: 10px; cursor: pointer; border: 1px solid transparent; }
.tpl-row:hover { background: var(--bg-subtle); }
.tpl-row[aria-selected="true"] { border-color: var(--accent); background: var(--bg-subtle); }
.tpl-row .tpl-main { flex: 1; min-width: 0; }
.tpl-row .tpl-name { font-weight: 700; font-size: 13px; line-height: 18px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tpl-row .tpl-desc { font-size: 12px; line-height: 16px; color: var(--text-secondary); display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.tpl-meta { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 3px; align-items: center; }
.tpl-chip { font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 8px; background: var(--badge-bg); color: var(--text); white-space: nowrap; }
.tpl-chip.tpl-type { background: transparent; border: 1px solid var(--border); color: var(--text-secondary); }
.tpl-status { font-size: 11px; line-height: 16px; white-space: nowrap; display: inline-flex; gap: 4px; align-items: center; }
.tpl-status .tpl-ok { color: var(--ok); font-weight: 700; }
.tpl-status .tpl-sev { padding: 0 5px; border-radius: 8px; font-weight: 700; color: #fff; }
.tpl-sev.ERROR { background: var(--error); }
.tpl-sev.SECURITY_WARNING { background: var(--security); }
.tpl-sev.WARNING { background: var(--warning); color: var(--bg); }
.tpl-sev.SUGGESTION { background: var(--suggestion); }
.tpl-row .tpl-insert { flex: none; align-self: center; }
.tpl-btn { border: 1px solid var(--accent); background: transparent; color: var(--accent); border-radius: 16px; padding: 2px 12px; font-weight: 700; cursor: pointer; font-size: 12px; line-height: 18px; white-space: nowrap; }
.tpl-btn:hover { background: var(--bg-subtle); }
.tpl-btn.tpl-primary { background: var(--accent); color: var(--bg); }
.tpl-btn.tpl-danger { border-color: var(--error); color: var(--error); }
.tpl-btn:disabled { opacity: .5; cursor: default; }
.tpl-icon { border: 0; background: transparent; cursor: pointer; color: var(--text-secondary); padding: 4px 6px; border-radius: 8px; font-size: 15px; line-height: 1; }
.tpl-icon:hover { color: var(--text); background: var(--bg-subtle); }
.tpl-footer { display: flex; gap: 6px; padding: 8px 12px; border-top: 1px solid var(--divider); align-items: center; }
.tpl-footer .tpl-hint { font-size: 11px; color: var(--text-secondary); margin-left: auto; white-space: nowrap; }
.tpl-empty { padding: 16px 12px; color: var(--text-secondary); font-size: 13px; }
.tpl-empty button { border: 0; background: none; color: var(--accent); cursor: pointer; padding: 0; text-decoration: underline; }
.tpl-view { flex: 1; min-height: 0; overflow-y: auto; padding: 10px 12px 12px; display: flex; flex-direction: column; gap: 8px; }
.tpl-view h2 { font-size: 15px; margin: 0; line-height: 20px; }
.tpl-view .tpl-sub { font-size: 12px; color: var(--text-secondary); margin: 0; }
.tpl-back { align-self: flex-start; }
.tpl-doc { font-family: Monaco, Menlo, Consolas, "Courier New", monospace; font-size: 11px; line-height: 15px; background: var(--bg-subtle); border: 1px solid var(--divider); border-radius: 8px; padding: 8px; margin: 0; white-space: pre; overflow: auto; max-height: 260px; }
.tpl-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.tpl-form { display: flex; flex-direction: column; gap: 8px; }
.tpl-field { display: flex; flex-direction: column; gap: 2px; }
.tpl-field label, .tpl-field .tpl-label { font-weight: 700; font-size: 12px; }
.tpl-field input, .tpl-field select, .tpl-field textarea { border: 1px solid var(--border); border-radius: 8px; background: var(--bg); padding: 4px 8px; min-height: 30px; width: 100%; }
.tpl-field textarea { font-family: Monaco, Menlo, Consolas, "Courier New", monospace; font-size: 11px; line-height: 15px; min-height: 170px; resize: vertical; white-space: pre; }
.tpl-field .tpl-help { font-size: 11px; color: var(--text-secondary); }
.tpl-field .tpl-err, .tpl-alert { font-size: 12px; color: var(--error); }
.tpl-field input[aria-invalid="true"] { border-color: var(--error); }
.tpl-alert { border: 1px solid var(--error); border-radius: 8px; padding: 6px 10px; white-space: pre-wrap; word-break: break-word; }
.tpl-note { font-size: 12px; border: 1px solid var(--border); border-radius: 8px; padding: 6px 10px; background: var(--bg-subtle); }
.tpl-toast { flex: none; margin: 4px 10px; background: var(--text); color: var(--bg); border-radius: 10px; padding: 8px 12px; font-size: 12px; display: flex; gap: 10px; align-items: center; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.tpl-toast .tpl-msg { flex: 1; }
.tpl-toast button { border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 12px; padding: 1px 10px; font-weight: 700; cursor: pointer; }
.tpl-toast.tpl-bad { background: var(--error); color: #fff; }
.tpl-more { margin: 6px auto; display: block; }
.tpl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tpl-menu { display: flex; flex-direction: column; gap: 10px; }
.tpl-menu h3 { font-size: 13px; margin: 4px 0 0; }
.tpl-check { display: flex; gap: 8px; align-items: flex-start; font-size: 12px; }
.tpl-localonly { margin: 4px 0 0; padding-left: 18px; font-size: 12px; }
.tpl-drop { outline: 2px dashed var(--accent); outline-offset: -4px; }
.tpl-choose { padding: 16px; display: flex; flex-direction: column; gap: 12px; }
.tpl-choose-title { margin: 0; font-weight: 700; }
.tpl-choose-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.tpl-choose-note { margin: 0; font-size: 12px; color: var(--text-secondary); }
`
