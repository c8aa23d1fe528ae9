/** The popup page: 400 × 600, light and dark from the system setting; the colour names the template UI uses. */
export const POPUP_CSS = `
:root {
  color-scheme: light dark;
  --text: #000716; --text-secondary: #5f6b7a; --bg: #ffffff; --bg-subtle: #f4f4f6; --border: #b4b4bb; --divider: #e9ebed;
  --accent: #0972d3; --accent-hover: #033160; --focus: #0972d3; --error: #d91515; --security: #7d2ea6; --warning: #8d6605; --suggestion: #0972d3;
  --ok: #037f0c; --badge-bg: #e9ebed;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #dedee3; --text-secondary: #a4a4ad; --bg: #161d26; --bg-subtle: #1f2833; --border: #5f6b7a; --divider: #333843;
    --accent: #42b4ff; --accent-hover: #75cfff; --focus: #42b4ff; --error: #ff7a7a; --security: #d7a1ff; --warning: #ffe347; --suggestion: #42b4ff;
    --ok: #2bb534; --badge-bg: #333843;
  }
}
html, body { margin: 0; padding: 0; background: var(--bg); color: var(--text); }
body { width: 400px; height: 600px; overflow: hidden; font-family: "Amazon Ember", "Open Sans", "Helvetica Neue", Roboto, Arial, sans-serif; font-size: 13px; line-height: 18px; }
#app, .popup { height: 100%; }
.popup { display: flex; flex-direction: column; }
.popup > .tpl-app { flex: 1; min-height: 0; }
.popup-head { display: flex; align-items: center; gap: 8px; padding: 8px 12px 0; }
.popup-head h1 { font-size: 14px; margin: 0; white-space: nowrap; }
.logo { width: 18px; height: 18px; border-radius: 5px; background: linear-gradient(135deg, #0972d3, #7d2ef5); flex: none; }
.popup-target { font-size: 11px; color: var(--text-secondary); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; flex: 1; text-align: right; }
.popup-target[data-target="editor"] { color: var(--ok); }
.popup-switch { font: inherit; font-size: 11px; padding: 2px 8px; border: 1px solid var(--border, #8d99a8); border-radius: 12px; background: transparent; color: inherit; cursor: pointer; white-space: nowrap; }
.popup-switch:focus-visible { outline: 2px solid var(--focus, #0972d3); outline-offset: 1px; }
.popup-wait { padding: 12px; color: var(--text-secondary); }
`
