/**
 * Mutations the user's typing makes: Ace re-rendering the keystroke in the editor that has focus, and the
 * Cloudscape code editor's status bar beside it ("Ln 5, Col 12"). Page watchers that read the page's
 * tables and headings skip these batches, so no keystroke schedules a read of the whole page.
 */
export function onlyTyping(records: readonly MutationRecord[], doc: Document = document): boolean {
  const active = doc.activeElement
  if (!active || typeof active.closest !== 'function') return false
  const editor = active.closest('[class*="awsui_code-editor_"]') ?? active.closest('.ace_editor')
  if (!editor) return false
  for (const r of records) if (!editor.contains(r.target)) return false
  return true
}
