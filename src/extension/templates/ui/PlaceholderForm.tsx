import { useMemo, useState } from 'preact/hooks'
import { checkPlaceholderValues, describePlaceholder, fillPlaceholders } from '../placeholders'
import type { TemplateEntry } from './entries'
import { focusOnMount } from './hooks'

export interface PlaceholderFormProps {
  entry: TemplateEntry
  names: string[]
  initial: Record<string, string>
  /** Shown above the fields (e.g. where the insert goes). */
  note?: string
  onSubmit(text: string, values: Record<string, string>): void
  onCancel(): void
}

/** The small form that fills a template's `{{Placeholders}}` before it is inserted. Enter inserts, Esc cancels. */
export function PlaceholderForm({ entry, names, initial, note, onSubmit, onCancel }: PlaceholderFormProps) {
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...initial }))
  const [tried, setTried] = useState(false)
  const problems = useMemo(() => checkPlaceholderValues(names, values), [names, values])
  const [firstEmpty] = useState(() => names.find((n) => !initial[n]) ?? names[0])
  const submit = (e: Event) => {
    e.preventDefault()
    setTried(true)
    if (Object.keys(problems).length) {
      const first = names.find((n) => problems[n])
      ;(e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`[data-placeholder="${first}"]`)?.focus()
      return
    }
    onSubmit(fillPlaceholders(entry.document, values), values)
  }
  return (
    <form class="tpl-view tpl-form" data-view="fill" onSubmit={submit} noValidate>
      <h2>Fill in “{entry.name}”</h2>
      {note && <p class="tpl-sub">{note}</p>}
      {names.map((name) => {
        const info = describePlaceholder(name)
        const id = `tpl-ph-${name}`
        const problem = tried ? problems[name] : undefined
        return (
          <div class="tpl-field" key={name}>
            <label for={id}>
              {info.label} <code class="tpl-sub">{`{{${name}}}`}</code>
            </label>
            <input
              id={id}
              data-placeholder={name}
              value={values[name] ?? ''}
              placeholder={info.sample}
              ref={name === firstEmpty ? focusOnMount : undefined}
              spellcheck={false}
              autoComplete="off"
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-help`}
              onInput={(e) => setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement).value })}
            />
            <span class={problem ? 'tpl-err' : 'tpl-help'} id={`${id}-help`}>
              {problem ?? info.hint}
            </span>
          </div>
        )
      })}
      <div class="tpl-actions">
        <button type="submit" class="tpl-btn tpl-primary">
          Insert
        </button>
        <button type="button" class="tpl-btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
