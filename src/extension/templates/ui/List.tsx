import { useEffect, useRef } from 'preact/hooks'
import { TYPE_LABEL, type TemplateEntry } from './entries'
import { ValidationStatus } from './Status'

export interface ListProps {
  id: string
  entries: readonly TemplateEntry[]
  selected: number
  label: string
  onSelect(index: number): void
  onOpen(entry: TemplateEntry): void
  onInsert(entry: TemplateEntry): void
}

export function rowId(listId: string, index: number): string {
  return `${listId}-row-${index}`
}

/** The rows of one section. Selection follows the keyboard (the search box keeps focus). */
export function TemplateList({ id, entries, selected, label, onSelect, onOpen, onInsert }: ListProps) {
  const ref = useRef<HTMLUListElement>(null)
  useEffect(() => {
    const row = ref.current?.querySelector<HTMLElement>(`[aria-selected="true"]`)
    row?.scrollIntoView?.({ block: 'nearest' })
  }, [selected, entries])
  return (
    <ul class="tpl-list" role="listbox" id={id} aria-label={label} ref={ref}>
      {entries.map((e, i) => (
        <li
          key={e.id}
          id={rowId(id, i)}
          class="tpl-row"
          role="option"
          aria-selected={i === selected}
          data-template-id={e.id}
          data-source={e.source}
          onClick={() => (i === selected ? onOpen(e) : onSelect(i))}
          onDblClick={() => onInsert(e)}
        >
          <div class="tpl-main">
            <div class="tpl-name" title={e.name}>
              {e.name}
            </div>
            {(e.meta || e.description) && <div class="tpl-desc">{e.meta ? `${e.meta}${e.description ? ` · ${e.description}` : ''}` : e.description}</div>}
            <div class="tpl-meta">
              <span class="tpl-chip tpl-type">{TYPE_LABEL[e.policyType]}</span>
              {e.source !== 'managed' && e.tags.slice(0, 3).map((t) => <span key={t} class="tpl-chip">{t}</span>)}
              {i < 200 && <ValidationStatus entry={e} />}
            </div>
          </div>
          <button
            type="button"
            class="tpl-btn tpl-insert"
            tabIndex={-1}
            title="Insert (Enter)"
            onClick={(ev) => {
              ev.stopPropagation()
              onInsert(e)
            }}
          >
            Insert
          </button>
        </li>
      ))}
    </ul>
  )
}
