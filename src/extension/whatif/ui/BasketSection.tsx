import { useEffect, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import { AskView } from './AskView'
import { BasketView } from './BasketView'
import { WHATIF_CSS } from './styles'
import { useBasket } from './use-basket'

function Section(props: { windowId: number }) {
  const handle = useBasket(props.windowId)
  return (
    <div class="whatif" data-testid="whatif-basket-section">
      <style>{WHATIF_CSS}</style>
      <AskView handle={handle} idPrefix="whatif-popup" />
      <BasketView handle={handle} />
    </div>
  )
}

/**
 * The popup's what-if section: the current window's basket (rename, remove, correct, export, import,
 * save) and the Ask form. Self-contained: `<BasketSection />` anywhere in an extension page.
 * `windowId` may be given (tests); otherwise the popup's own window.
 */
export function BasketSection(props: { windowId?: number }) {
  const [windowId, setWindowId] = useState<number | undefined>(props.windowId)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    if (props.windowId !== undefined) return
    browser.windows
      .getCurrent()
      .then((w) => (w.id !== undefined ? setWindowId(w.id) : setError('No browser window.')))
      .catch((e: Error) => setError(e.message))
  }, [props.windowId])
  if (error) return <p class="error">What-if basket unavailable: {error}</p>
  if (windowId === undefined) return null
  return <Section windowId={windowId} />
}
