/** What the template library needs from the page it runs in (the toolbar popup or the console panel). */
import type { PolicyType } from '../../../engine/findings/types'

export interface EditorContext {
  /** A console policy editor is reachable (insert goes there; otherwise to the clipboard). */
  hasEditor: boolean
  accountId?: string
  region?: string
  partition?: string
  /** The type of policy the console editor holds, where known. */
  policyType?: PolicyType
  readOnly?: boolean
  /** A short description of where inserts go ("IAM policy editor on us-east-1 console"). */
  label?: string
}

export type InsertOutcome = { ok: true; where: 'editor' | 'clipboard' } | { ok: false; error: string }

export interface TemplatesHost {
  context: EditorContext
  /** Puts a policy into the console editor (undoable there), or on the clipboard when there is none. */
  insert(text: string): Promise<InsertOutcome>
  /** The console editor's text, for "Save editor as template". Rejects with a message when there is none. */
  readEditor?(): Promise<string>
  /** Set where a file dialog cannot be used (the toolbar popup closes when it opens): import there instead. */
  openImportPage?(): void
}

// Clipboard and file helpers that never put DOM where the console page can read it.
export { copyText, downloadText } from '../../shared/private-dom'
