import { useState } from 'preact/hooks'
import { POLICY_TYPES, type PolicyType } from '../../../engine/findings/types'
import { findPlaceholders } from '../placeholders'
import { LIMITS, checkTemplateInput, type TemplateInput } from '../schema'
import { TYPE_LABEL } from './entries'
import { focusOnMount, useDebounced } from './hooks'
import { ValidationStatus } from './Status'

export interface EditorFormProps {
  title: string
  initial: TemplateInput
  onSave(input: TemplateInput): Promise<string | undefined>
  onCancel(): void
}

export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

/** Create or edit a saved template. Ctrl+Enter saves, Esc cancels. */
export function EditorForm({ title, initial, onSave, onCancel }: EditorFormProps) {
  const [name, setName] = useState(initial.name)
  const [description, setDescription] = useState(initial.description)
  const [policyType, setPolicyType] = useState<PolicyType>(initial.policyType)
  const [tags, setTags] = useState(initial.tags.join(', '))
  const [document, setDocument] = useState(initial.document)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const draftDoc = useDebounced(document, 300)
  const input = (): TemplateInput => ({ name, description, policyType, tags: splitTags(tags), document, ...(initial.origin ? { origin: initial.origin } : {}) })
  const save = async (e?: Event) => {
    e?.preventDefault()
    const problem = checkTemplateInput(input())
    if (problem) return setError(problem)
    setBusy(true)
    const failure = await onSave(input())
    setBusy(false)
    setError(failure)
  }
  const placeholders = findPlaceholders(draftDoc)
  return (
    <form
      class="tpl-view tpl-form"
      data-view="edit"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e)
      }}
      noValidate
    >
      <h2>{title}</h2>
      {error && (
        <p class="tpl-alert" role="alert">
          {error}
        </p>
      )}
      <div class="tpl-field">
        <label for="tpl-edit-name">Name</label>
        <input id="tpl-edit-name" name="name" value={name} maxLength={LIMITS.name} ref={initial.name ? undefined : focusOnMount} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="tpl-field">
        <label for="tpl-edit-description">Description</label>
        <input id="tpl-edit-description" name="description" value={description} maxLength={LIMITS.description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </div>
      <div class="tpl-field">
        <label for="tpl-edit-type">Policy type</label>
        <select id="tpl-edit-type" name="policyType" value={policyType} onChange={(e) => setPolicyType(e.currentTarget.value as PolicyType)}>
          {POLICY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <div class="tpl-field">
        <label for="tpl-edit-tags">Tags</label>
        <input id="tpl-edit-tags" name="tags" value={tags} placeholder="s3, read-only" onInput={(e) => setTags(e.currentTarget.value)} />
        <span class="tpl-help">Separate tags with commas.</span>
      </div>
      <div class="tpl-field">
        <span class="tpl-label" id="tpl-edit-doc-label">
          Policy <ValidationStatus entry={{ document: draftDoc, policyType }} long />
        </span>
        <textarea
          id="tpl-edit-document"
          name="document"
          aria-labelledby="tpl-edit-doc-label"
          value={document}
          spellcheck={false}
          ref={initial.name ? focusOnMount : undefined}
          onInput={(e) => setDocument(e.currentTarget.value)}
        />
        <span class="tpl-help">
          {placeholders.length ? `Placeholders filled on insert: ${placeholders.map((p) => `{{${p}}}`).join(', ')}` : 'Write {{Name}} where a value should be asked for on insert, e.g. {{AccountId}}.'}
        </span>
      </div>
      <div class="tpl-actions">
        <button type="submit" class="tpl-btn tpl-primary" disabled={busy} data-action="save">
          Save
        </button>
        <button type="button" class="tpl-btn" onClick={onCancel}>
          Cancel
        </button>
        <span class="tpl-sub">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </form>
  )
}
