/**
 * Short-lived elements our code needs (a download link, a clipboard fallback) go where the console page
 * cannot see them: in an extension page, its own document; in the console, the shadow root our UI lives
 * in (closed in the shipped build), never the page's document. A MutationObserver or a query of the page
 * finds nothing, and the blob URL of an export never enters the page's DOM.
 */
export function isExtensionPage(): boolean {
  return typeof location !== 'undefined' && /^(chrome|moz|safari-web)-extension:$/.test(location.protocol)
}

/** Where to put a transient element: the extension page's body, or the shadow root `near` belongs to; else nowhere. */
export function privateContainer(near?: Node | null): Node | undefined {
  if (isExtensionPage()) return document.body ?? document.documentElement
  const root = near?.getRootNode()
  return typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root : undefined
}

/** Saves text as a file through a Blob link placed out of the page's sight; false when there is no such place. */
export function downloadText(fileName: string, text: string, near?: Node | null): boolean {
  const container = privateContainer(near)
  if (!container) return false
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  // The click must not reach the page's listeners.
  a.addEventListener('click', (e) => e.stopPropagation())
  container.appendChild(a)
  try {
    a.click()
  } finally {
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return true
}

/** Copies text to the clipboard (navigator.clipboard, else a hidden textarea out of the page's sight and execCommand). */
export async function copyText(text: string, near?: Node | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const container = privateContainer(near)
    if (!container) return false
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    container.appendChild(area)
    let ok = false
    try {
      area.select()
      ok = document.execCommand('copy')
    } catch {
      ok = false
    } finally {
      area.remove()
    }
    return ok
  }
}
