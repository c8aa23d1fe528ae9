/**
 * The panel's CSS, inside its shadow root (nothing crosses either way). Typography, spacing and colours
 * follow the console's design system (Cloudscape, visual refresh); `.dark` mirrors its dark mode.
 */
export const PANEL_CSS = `
:host { all: initial; display: block; }
.panel {
  --text: #000716; --text-secondary: #5f6b7a; --bg: #ffffff; --bg-subtle: #f9f9fa; --border: #c6c6cd; --divider: #e9ebed;
  --accent: #0972d3; --accent-hover: #033160; --focus: #0972d3; --error: #d91515; --security: #7d2ea6; --warning: #8d6605;
  --suggestion: #0972d3; --ok: #037f0c; --badge-bg: #e9ebed; --on-sev: #ffffff; --menu-shadow: 0 4px 20px 1px rgba(0, 7, 22, 0.18);
  font-family: "Amazon Ember", "Open Sans", "Helvetica Neue", Roboto, Arial, sans-serif; font-size: 14px; line-height: 20px;
  color: var(--text); background: var(--bg); border: 1px solid var(--border); border-radius: 16px;
  box-shadow: 0 1px 1px 0 rgba(0, 28, 36, 0.1), 1px 1px 1px 0 rgba(0, 28, 36, 0.1); margin: 16px 0; overflow: hidden;
  -webkit-font-smoothing: auto;
}
.panel.dark {
  --text: #dedee3; --text-secondary: #a4a4ad; --bg: #161d26; --bg-subtle: #1b232d; --border: #424650; --divider: #333843;
  --accent: #42b4ff; --accent-hover: #75cfff; --focus: #42b4ff; --error: #ff7a7a; --security: #d7a1ff; --warning: #ffe347;
  --suggestion: #42b4ff; --ok: #2bb534; --badge-bg: #333843; --on-sev: #161d26; --menu-shadow: 0 4px 20px 1px rgba(0, 0, 0, 0.6);
}
.panel.side { position: fixed; top: 56px; right: 12px; bottom: 12px; width: clamp(420px, 44vw, 540px); margin: 0; z-index: 2147483000; display: flex; flex-direction: column; }
.panel.side .body { flex: 1; overflow-y: auto; overflow-x: hidden; }
/* Collapsed beside the page: a slim bar, not a full-height empty box. */
.panel.side.collapsed { bottom: auto; width: auto; max-width: min(520px, 60vw); border-radius: 12px; }
.panel.side.collapsed .head { padding: 6px 12px; flex-wrap: nowrap; }
.panel.side.collapsed .kind, .panel.side.collapsed select.type { display: none; }
/* Below the editor: the panel grows with its content up to the viewport and scrolls as one (no inner box). */
.panel:not(.side) .body { max-height: calc(100vh - 32px); overflow-y: auto; overflow-x: hidden; }
*, *::before, *::after { box-sizing: border-box; }
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.head { display: flex; align-items: center; gap: 8px; padding: 12px 20px; border-bottom: 1px solid var(--divider); flex-wrap: wrap; }
.panel.collapsed .head { border-bottom: 0; }
.title { font-size: 16px; font-weight: 700; line-height: 20px; margin: 0; display: flex; align-items: center; gap: 8px; }
.logo { width: 20px; height: 20px; border-radius: 5px; background: linear-gradient(135deg, #0972d3, #7d2ef5); display: inline-block; }
.kind { color: var(--text-secondary); font-size: 12px; }
.spacer { flex: 1; }
.btn { border: 2px solid var(--accent); background: transparent; color: var(--accent); border-radius: 20px; padding: 2px 14px; font-weight: 700; cursor: pointer; font-size: 14px; line-height: 20px; white-space: nowrap; }
.btn:hover { color: var(--accent-hover); border-color: var(--accent-hover); background: var(--bg-subtle); }
.btn.primary { background: var(--accent); color: var(--bg); }
.btn.small { padding: 0 10px; font-size: 12px; line-height: 18px; border-width: 1px; }
.btn:disabled { opacity: .5; cursor: default; }
.icon-btn { border: 0; background: transparent; cursor: pointer; color: var(--text-secondary); padding: 4px 6px; border-radius: 8px; font-size: 14px; }
.icon-btn:hover { color: var(--text); background: var(--bg-subtle); }
select.type, .field input, .field select, .field textarea { border: 1px solid var(--border); border-radius: 8px; background: var(--bg); padding: 3px 8px; min-height: 28px; }
.tablist { display: flex; flex-wrap: nowrap; gap: 0; padding: 0 12px; border-bottom: 1px solid var(--divider); }
.tab { border: 0; background: transparent; padding: 10px 10px 6px; cursor: pointer; font-weight: 700; color: var(--text-secondary); border-bottom: 4px solid transparent; white-space: nowrap; }
.tab { min-width: 0; overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto; }
.panel.side .tablist { padding: 0 8px; }
.panel.side .tab { padding: 8px 6px 5px; font-size: 12px; }
.panel.side .head { padding: 10px 14px; gap: 6px; }
.panel.side select.type { max-width: 170px; }
.panel.side .tab .count { margin-left: 3px; padding: 0 5px; min-width: 18px; }
.panel.side .tab:not([data-tab="findings"]) .count { display: none; }
.tab[aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); }
.tab:hover { color: var(--text); }
.count { display: inline-block; min-width: 20px; padding: 0 6px; margin-left: 6px; border-radius: 10px; background: var(--badge-bg); color: var(--text); font-size: 12px; line-height: 18px; text-align: center; }
.count.error { background: var(--error); color: #fff; }
.tabpanel { padding: 16px 20px 20px; min-width: 0; }
.panel.side .tabpanel { padding: 12px 14px 16px; }
.muted { color: var(--text-secondary); }
.group { margin: 0 0 16px; }
.group h3 { font-size: 14px; margin: 0 0 8px; display: flex; align-items: center; gap: 6px; }
.sev { flex: none; width: 16px; height: 16px; display: inline-block; vertical-align: -3px; }
.sev.ERROR { color: var(--error); }
.sev.SECURITY_WARNING { color: var(--security); }
.sev.WARNING { color: var(--warning); }
.sev.SUGGESTION { color: var(--suggestion); }
ul.findings { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 8px; }
.finding { border: 1px solid var(--divider); border-left-width: 4px; border-radius: 12px; padding: 10px 12px 8px; display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.finding.ERROR { border-left-color: var(--error); }
.finding.SECURITY_WARNING { border-left-color: var(--security); }
.finding.WARNING { border-left-color: var(--warning); }
.finding.SUGGESTION { border-left-color: var(--divider); }
.finding:hover { border-color: var(--border); }
.finding.ERROR:hover { border-left-color: var(--error); }
.finding.SECURITY_WARNING:hover { border-left-color: var(--security); }
.finding.WARNING:hover { border-left-color: var(--warning); }
.finding .line { display: flex; gap: 10px; align-items: flex-start; }
.finding .line .sev { margin-top: 2px; }
.finding .main { flex: 1; min-width: 0; }
.finding .where { border: 0; background: none; padding: 0; text-align: left; cursor: pointer; display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; max-width: 100%; }
.finding .ftitle { font-weight: 700; }
.finding .where:hover .ftitle { text-decoration: underline; }
.finding .msg { margin: 2px 0 0; color: var(--text); overflow-wrap: anywhere; }
.finding .pos { font-size: 12px; color: var(--text-secondary); white-space: nowrap; }
.finding .code { font-family: Monaco, Menlo, Consolas, "Courier Prime", Courier, "Courier New", monospace; font-size: 11px; color: var(--text-secondary); margin-left: auto; overflow-wrap: anywhere; min-width: 0; }
.finding .group-line { margin: 4px 0 0; font-size: 12px; color: var(--text-secondary); }
.finding ul.members { margin: 4px 0 0; padding-left: 18px; font-size: 12px; color: var(--text-secondary); max-width: 100%; }
.finding ul.members li { margin: 2px 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; padding-left: 26px; min-width: 0; }
.actions .btn.fix { max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
.more-wrap { position: relative; flex: none; }
.icon-btn.more { font-size: 16px; line-height: 16px; padding: 2px 8px; }
.menu { position: absolute; right: 0; top: calc(100% + 4px); z-index: 5; min-width: 220px; max-width: 320px; display: flex; flex-direction: column; padding: 4px 0; background: var(--bg); border: 1px solid var(--border); border-radius: 8px; box-shadow: var(--menu-shadow); }
.menu > button, .menu > a, .menu .confirm button { border: 0; background: none; text-align: left; padding: 6px 14px; font-size: 13px; line-height: 18px; color: var(--text); cursor: pointer; text-decoration: none; white-space: normal; }
.menu > button:hover, .menu > a:hover, .menu .confirm button:hover { background: var(--bg-subtle); color: var(--accent); }
.menu > button:disabled { opacity: .5; cursor: default; }
.menu .confirm { display: flex; flex-direction: column; padding: 6px 0 2px; border-top: 1px solid var(--divider); font-size: 12px; }
.menu .confirm > span { padding: 0 14px 4px; color: var(--text-secondary); }
.menu .confirm button[data-confirm] { color: var(--error); font-weight: 700; }
.verdict-bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 0 0 12px; font-weight: 700; }
.verdict-bar > span { flex: 1; min-width: 0; }
.fixed { display: flex; align-items: center; gap: 8px; margin: 0 0 12px; padding: 6px 12px; border-radius: 8px; background: var(--bg-subtle); border: 1px solid var(--divider); font-size: 13px; min-width: 0; }
.fixed .ok-mark { color: var(--ok); font-weight: 700; }
.fixed .fixed-what { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; flex: 0 1 auto; }
.fixed.bad { color: var(--error); }
button.link { background: none; border: 0; padding: 0; font: inherit; font-size: 12px; color: var(--accent); text-decoration: underline; cursor: pointer; }
button.link:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.hidden-codes { font-size: 12px; margin-top: 8px; }
.empty { padding: 8px 0; color: var(--ok); font-weight: 700; }
.status { font-size: 12px; color: var(--text-secondary); }
.status.bad { color: var(--error); }
.explain { margin: 0 0 16px; padding: 8px 12px; background: var(--bg-subtle); border-radius: 12px; }
.explain p { margin: 4px 0; }
.form { display: grid; grid-template-columns: minmax(110px, max-content) 1fr; gap: 8px 12px; align-items: center; margin-bottom: 12px; }
.form label { font-weight: 700; }
.field input, .field select, .field textarea { width: 100%; }
.field textarea { font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; min-height: 80px; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
.decision { margin: 12px 0; padding: 10px 14px; border-radius: 12px; font-weight: 700; border: 2px solid var(--border); }
.decision[data-decision="Allowed"] { border-color: var(--ok); color: var(--ok); }
.decision[data-decision="ExplicitDeny"], .decision[data-decision="ImplicitDeny"] { border-color: var(--error); color: var(--error); }
.decision[data-decision="Error"] { border-color: var(--warning); color: var(--text); }
ol.explanation { margin: 0 0 12px; padding-left: 20px; }
ol.explanation li { margin: 2px 0; }
details { margin: 8px 0; }
summary { cursor: pointer; font-weight: 700; }
pre.case { max-height: 240px; overflow: auto; background: var(--bg-subtle); padding: 8px; border-radius: 8px; font-size: 12px; }
.levels { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; }
.levels ul { margin: 0; padding-left: 16px; max-height: 120px; overflow: auto; font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; }
iframe.monaco { width: 100%; height: 420px; border: 1px solid var(--border); border-radius: 12px; display: block; margin: 0 0 12px; background: var(--bg); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
