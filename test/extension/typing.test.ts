// @vitest-environment happy-dom
// Page watchers skip the mutations of the user's own typing (the focused code editor and its status bar),
// and only those.
import { describe, expect, it } from 'vitest'
import { onlyTyping } from '../../src/extension/shared/typing'

function page(): { editor: HTMLElement; textarea: HTMLTextAreaElement; status: HTMLElement; table: HTMLElement } {
  document.body.innerHTML = `
    <div class="awsui_code-editor_1x"><div class="ace_editor"><textarea></textarea><div class="ace_text-layer"><span>x</span></div></div><div class="status">Ln 1, Col 1</div></div>
    <table><tr><td>role</td></tr></table>`
  return {
    editor: document.querySelector('.ace_editor')!,
    textarea: document.querySelector('textarea')!,
    status: document.querySelector('.status')!,
    table: document.querySelector('table')!,
  }
}
const record = (target: Node) => ({ target }) as unknown as MutationRecord

describe('onlyTyping', () => {
  it('is true for mutations inside the focused code editor, its status bar included', () => {
    const p = page()
    p.textarea.focus()
    expect(onlyTyping([record(p.editor.querySelector('span')!.firstChild!), record(p.status)])).toBe(true)
  })

  it('is false when anything else on the page changed, or when no editor has focus', () => {
    const p = page()
    p.textarea.focus()
    expect(onlyTyping([record(p.status), record(p.table)])).toBe(false)
    p.textarea.blur()
    expect(onlyTyping([record(p.status)])).toBe(false)
  })
})
