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

/** Copies text to the clipboard (navigator.clipboard, else a hidden textarea and execCommand). */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = doc.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    ;(doc.body ?? doc.documentElement).appendChild(area)
    area.select()
    let ok = false
    try {
      ok = doc.execCommand('copy')
    } catch {
      ok = false
    }
    area.remove()
    return ok
  }
}

/** Saves text as a file through a Blob link (no network, no downloads permission). */
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = doc.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  ;(doc.body ?? doc.documentElement).appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
