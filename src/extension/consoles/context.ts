import type { PageContext } from './types'

const HEADINGS = 'h1, h2, h3, h4, [role="heading"]'
const MAX_HEADINGS = 8

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)
}

/** Headings before the editor in document order, walking out from it: the nearest container's first. */
export function headingsAround(editorEl: Element): string[] {
  const out: string[] = []
  const seen = new Set<Element>()
  for (let a: Element | null = editorEl.parentElement; a && out.length < MAX_HEADINGS; a = a.parentElement) {
    const found = [...a.querySelectorAll(HEADINGS)].filter(
      (h) => !seen.has(h) && !h.contains(editorEl) && h.compareDocumentPosition(editorEl) & Node.DOCUMENT_POSITION_FOLLOWING,
    )
    // Within one ancestor, the heading closest before the editor comes first.
    for (const h of found.reverse()) {
      seen.add(h)
      const t = clean(h.textContent)
      if (t && !out.includes(t)) out.push(t)
      if (out.length >= MAX_HEADINGS) break
    }
    if (a === document.body) break
  }
  return out
}

export function breadcrumbs(doc: Document): string[] {
  const nav = doc.querySelector('nav[aria-label="Breadcrumbs" i], nav[aria-label*="breadcrumb" i]')
  if (!nav) return []
  return [...nav.querySelectorAll('li')].map((li) => clean(li.textContent)).filter(Boolean)
}

export function pageContext(editorEl: Element, text: string, readOnly: boolean, doc: Document = document): PageContext {
  return { url: new URL(doc.location.href), editorEl, headings: headingsAround(editorEl), breadcrumbs: breadcrumbs(doc), text, readOnly }
}
