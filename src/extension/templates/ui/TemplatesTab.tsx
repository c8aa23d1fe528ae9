// The Templates tab of the in-console panel: the same library as the toolbar popup, inserting straight
// into the editor the panel belongs to (through the bridge, undoable in Ace).
import { useMemo } from 'preact/hooks'
import type { TemplatesHost } from './host'
import { TemplatesApp } from './TemplatesApp'

export interface TemplatesTabProps {
  /** Writes a policy into the native console editor (through the bridge; undoable); says whether it went in. */
  insert: (text: string) => Promise<{ ok: boolean; error?: string }> | void
  /** The policy currently in the editor (for "save as template"). */
  currentText: string
  accountId?: string
  region?: string
  /** In the console page: import/export/sync live in the toolbar popup (an extension context) instead. */
  inPage?: boolean
}

export function TemplatesTab({ insert, currentText, accountId, region, inPage = true }: TemplatesTabProps) {
  const host = useMemo<TemplatesHost>(
    () => ({
      context: {
        hasEditor: true,
        ...(accountId ? { accountId } : {}),
        ...(region ? { region } : {}),
        ...(region?.startsWith('cn-') ? { partition: 'aws-cn' } : region?.startsWith('us-gov-') ? { partition: 'aws-us-gov' } : {}),
        label: 'this editor',
      },
      async insert(text) {
        const r = await insert(text)
        return r && !r.ok ? { ok: false, error: r.error ?? 'the console editor did not accept the text' } : { ok: true, where: 'editor' }
      },
      async readEditor() {
        return currentText
      },
    }),
    [insert, currentText, accountId, region],
  )
  return (
    <div class="tpl-panel" style="min-height: 420px; display: flex; flex-direction: column; margin: -16px -20px -20px;">
      <TemplatesApp host={host} focusSearchOnOpen={false} inPage={inPage} />
    </div>
  )
}
