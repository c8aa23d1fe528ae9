import { useEffect, useRef } from 'preact/hooks'
import { WHATIF_CSS } from './styles'

let sheet: CSSStyleSheet | undefined

/**
 * Puts the what-if styles into the shadow root the component renders in as a constructed style sheet
 * (not subject to the console's style-src CSP). In a document (the popup) the <style> element serves.
 */
export function useWhatIfStyles<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    try {
      const root = ref.current?.getRootNode()
      if (!(root instanceof ShadowRoot)) return
      sheet ??= (() => {
        const s = new CSSStyleSheet()
        s.replaceSync(WHATIF_CSS)
        return s
      })()
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    } catch {
      /* the <style> element is the fallback */
    }
  }, [])
  return ref
}
