/** DOM helpers for the page readers: read-only, tolerant of any layout. */

export function clean(text: string | null | undefined, max = 300): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max)
}

const ARN_RE = /\barn:aws[\w-]*:[\w-]+:[\w-]*:(?:\d{12}|aws)?:[^\s"'<>,;]+/

export function findArn(text: string | null | undefined): string | undefined {
  return ARN_RE.exec(text ?? '')?.[0]?.replace(/[.)\]]+$/, '')
}

/**
 * Values shown beside a label ("ARN", "Bucket ARN"): Cloudscape KeyValuePairs (`dt`/`dd`), or the older
 * ColumnLayout of a key label followed by its value. Most specific first.
 */
export function labelledValues(root: ParentNode, label: RegExp, limit = 20): string[] {
  const out: string[] = []
  for (const dt of root.querySelectorAll('dt')) {
    if (!label.test(clean(dt.textContent))) continue
    let dd = dt.nextElementSibling
    while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling
    if (dd) out.push(clean(dd.textContent, 2048))
    if (out.length >= limit) return out
  }
  const candidates = root.querySelectorAll('label, span, div, strong, b, h3, h4, p')
  let seen = 0
  for (const el of candidates) {
    if (++seen > 5000) break
    if (el.childElementCount > 2) continue
    const t = clean(el.textContent)
    if (!t || t.length > 40 || !label.test(t)) continue
    let value = el.nextElementSibling
    if (!value) {
      // The label may be wrapped (a Box inside a div): the value follows the wrapper.
      let up: Element | null = el.parentElement
      for (let i = 0; i < 2 && up && !value; i++, up = up.parentElement) {
        if (clean(up.textContent) === t) value = up.nextElementSibling
      }
    }
    if (value) out.push(clean(value.textContent, 2048))
    if (out.length >= limit) break
  }
  return out
}

/** The first ARN shown beside a label that matches, optionally of one kind (`/:role\//`). */
export function labelledArn(root: ParentNode, label: RegExp, shape?: RegExp): string | undefined {
  for (const v of labelledValues(root, label)) {
    const arn = findArn(v)
    if (arn && (!shape || shape.test(arn))) return arn
  }
  return undefined
}

export const HEADING_SELECTOR = 'h1, h2, h3, h4, [role="heading"]'

/** Headings of the page whose text matches. */
export function headings(root: ParentNode, re: RegExp): Element[] {
  return [...root.querySelectorAll(HEADING_SELECTOR)].filter((h) => re.test(clean(h.textContent)))
}

/** The smallest ancestor of `el` (up to `levels` up) that also contains something matching `selector`. */
export function sectionOf(el: Element, selector: string, levels = 8): Element | undefined {
  let a: Element | null = el.parentElement
  for (let i = 0; a && i < levels; i++, a = a.parentElement) if (a.querySelector(selector)) return a
  return undefined
}

/** The page's main title (h1), where there is one. */
export function pageTitle(doc: Document): string | undefined {
  const h1 = doc.querySelector('h1')
  const t = clean(h1?.textContent)
  return t || undefined
}

/** `#/roles/details/NAME?section=...` → ['roles', 'details', 'NAME']; decoded. */
export function hashSegments(url: URL): string[] {
  const raw = url.hash.replace(/^#/, '').split('?')[0] ?? ''
  return raw
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
}

/** Text of a code block inside `root` that parses as a JSON object (pre, code, textarea), or an editor's text. */
export function jsonIn(root: Element, editors: { el?: Element; text: string }[]): string | undefined {
  for (const e of editors) if (e.el && root.contains(e.el) && isJsonObject(e.text)) return e.text
  for (const el of root.querySelectorAll('pre, code, textarea')) {
    const t = el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')
    if (isJsonObject(t)) return t
  }
  return undefined
}

export function isJsonObject(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false
  try {
    const v: unknown = JSON.parse(text)
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}
