/** Reads the `devExposePanel` automation flag (see test/e2e/support/README.md) before any shadow root is made. */
import browser from 'webextension-polyfill'
import { setShadowMode } from './trusted'

/** storage.local key that opens the shadow roots for automation; only extension contexts can write it. */
export const DEV_EXPOSE_KEY = 'devExposePanel'

let loaded: Promise<void> | undefined

/** Reads the flag once per page; the roots stay closed unless it is exactly `true`. */
export function loadShadowMode(): Promise<void> {
  loaded ??= (async () => {
    try {
      const got = await browser.storage.local.get(DEV_EXPOSE_KEY)
      setShadowMode(got[DEV_EXPOSE_KEY] === true ? 'open' : 'closed')
    } catch {
      setShadowMode('closed')
    }
  })()
  return loaded
}
