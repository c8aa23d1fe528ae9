import type { PageEditor } from '../consoles/readers'
import { AskView } from './ui/AskView'
import { BasketView } from './ui/BasketView'
import { PageCapture } from './ui/PageCapture'
import { TightenView } from './ui/TightenView'
import { useWhatIfStyles } from './ui/adopt-styles'
import { WHATIF_CSS } from './ui/styles'
import { useBasket } from './ui/use-basket'
import { usePageReadings } from './ui/use-page-readings'

export interface WhatIfTabProps {
  /** The policy the panel is attached to, with what the page says about it. */
  current?: { text: string; policyType: string; pageKind?: string; url: string }
  /** Other editors on the page with their text, where the panel knows them (optional). */
  editors?: PageEditor[]
  /** The document to read (default: the page's). */
  doc?: Document
}

/**
 * The What-if tab: what this page shows that the basket can take ("add to what-if"), the window's
 * basket, and the question "can PRINCIPAL do ACTION on RESOURCE?". Reads the page, never writes it.
 */
export function WhatIfTab(props: WhatIfTabProps) {
  const handle = useBasket()
  const editors: PageEditor[] = props.editors ?? (props.current ? [{ text: props.current.text, policyType: props.current.policyType, ...(props.current.pageKind ? { pageKind: props.current.pageKind } : {}) }] : [])
  const capture = usePageReadings(editors, props.doc)
  const ref = useWhatIfStyles<HTMLDivElement>()
  return (
    <div class="whatif" data-testid="whatif-tab" ref={ref}>
      <style>{WHATIF_CSS}</style>
      <PageCapture capture={capture} handle={handle} />
      {capture.readings
        .filter((r) => r.lastAccessed && r.principal)
        .map((r) => (
          <TightenView key={r.principal} reading={r} handle={handle} />
        ))}
      {!handle.loaded && !handle.error && <p class="muted">Loading the basket…</p>}
      <AskView handle={handle} idPrefix="whatif-panel" />
      <BasketView handle={handle} />
    </div>
  )
}
