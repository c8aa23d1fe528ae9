import { findPlaceholders } from '../placeholders'
import { SECTION_LABEL, TYPE_LABEL, type TemplateEntry } from './entries'
import { focusOnMount } from './hooks'
import { ValidationStatus } from './Status'

export interface DetailProps {
  entry: TemplateEntry
  /** A warning when the console editor holds another type of policy. */
  typeNote?: string
  readOnlyStore?: boolean
  onBack(): void
  onInsert(): void
  onCopy(): void
  onCopyToMine(): void
  onEdit(): void
  onDuplicate(): void
  onDelete(): void
  /** Absent in the console page (export lives in the toolbar popup). */
  onExport?: () => void
}

/** One template in full: its policy, validation status and what can be done with it. */
export function Detail({ entry, typeNote, readOnlyStore, onBack, onInsert, onCopy, onCopyToMine, onEdit, onDuplicate, onDelete, onExport }: DetailProps) {
  const placeholders = findPlaceholders(entry.document)
  const saved = entry.source === 'saved'
  return (
    <div class="tpl-view" data-view="detail" data-template-id={entry.id}>
      <button type="button" class="tpl-icon tpl-back" onClick={onBack} aria-label="Back to the list (Esc)">
        ← Back
      </button>
      <h2>{entry.name}</h2>
      <p class="tpl-sub">
        {SECTION_LABEL[entry.source]} · {TYPE_LABEL[entry.policyType]} policy{entry.meta ? ` · ${entry.meta}` : ''}
      </p>
      {entry.arn && <p class="tpl-sub">{entry.arn}</p>}
      {entry.description && <p style="margin:0">{entry.description}</p>}
      <div class="tpl-meta">
        {entry.tags.map((t) => (
          <span key={t} class="tpl-chip">
            {t}
          </span>
        ))}
        <ValidationStatus entry={entry} long />
      </div>
      {placeholders.length > 0 && <p class="tpl-sub">Asked for on insert: {placeholders.map((p) => `{{${p}}}`).join(', ')}</p>}
      {typeNote && <p class="tpl-note">{typeNote}</p>}
      <div class="tpl-actions">
        <button type="button" class="tpl-btn tpl-primary" data-action="insert" onClick={onInsert} ref={focusOnMount}>
          Insert
        </button>
        <button type="button" class="tpl-btn" data-action="copy" onClick={onCopy}>
          Copy
        </button>
        {saved ? (
          <>
            <button type="button" class="tpl-btn" data-action="edit" onClick={onEdit} disabled={readOnlyStore}>
              Edit
            </button>
            <button type="button" class="tpl-btn" data-action="duplicate" onClick={onDuplicate} disabled={readOnlyStore}>
              Duplicate
            </button>
            {onExport && (
              <button type="button" class="tpl-btn" data-action="export" onClick={onExport}>
                Export
              </button>
            )}
            <button type="button" class="tpl-btn tpl-danger" data-action="delete" onClick={onDelete} disabled={readOnlyStore}>
              Delete
            </button>
          </>
        ) : (
          <button type="button" class="tpl-btn" data-action="copy-to-mine" onClick={onCopyToMine} disabled={readOnlyStore}>
            Copy to my templates
          </button>
        )}
      </div>
      <pre class="tpl-doc" tabIndex={0} aria-label="Policy">
        {entry.document}
      </pre>
    </div>
  )
}
