import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'

export interface TabSpec {
  id: string
  label: string
  count?: number
  countClass?: string
  render: () => ComponentChildren
}

/** WAI-ARIA tabs: role=tablist/tab/tabpanel, roving tabindex, arrow keys, Home and End. */
export function Tabs(props: { tabs: TabSpec[]; active: string; onChange: (id: string) => void; idPrefix: string; label: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const active = props.tabs.find((t) => t.id === props.active) ?? props.tabs[0]!
  const move = (to: number) => {
    const n = props.tabs.length
    const i = ((to % n) + n) % n
    props.onChange(props.tabs[i]!.id)
    refs.current[i]?.focus()
  }
  const onKey = (e: KeyboardEvent, i: number) => {
    if (e.key === 'ArrowRight') move(i + 1)
    else if (e.key === 'ArrowLeft') move(i - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(props.tabs.length - 1)
    else return
    e.preventDefault()
  }
  return (
    <>
      <div class="tablist" role="tablist" aria-label={props.label}>
        {props.tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el: HTMLButtonElement | null) => {
              refs.current[i] = el
            }}
            class="tab"
            role="tab"
            id={`${props.idPrefix}-tab-${t.id}`}
            aria-selected={t.id === active.id}
            aria-controls={`${props.idPrefix}-panel-${t.id}`}
            tabIndex={t.id === active.id ? 0 : -1}
            data-tab={t.id}
            onClick={() => props.onChange(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
            {t.count !== undefined && (
              <span class={`count ${t.countClass ?? ''}`} aria-label={`${t.count} items`}>
                {t.count}
              </span>
            )}
          </button>
        ))}
      </div>
      <div class="tabpanel" role="tabpanel" id={`${props.idPrefix}-panel-${active.id}`} aria-labelledby={`${props.idPrefix}-tab-${active.id}`} tabIndex={0}>
        {active.render()}
      </div>
    </>
  )
}
