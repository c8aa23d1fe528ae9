/** storage.local adapter for the hidden finding codes (the logic lives in suppressions.ts). */
import browser from 'webextension-polyfill'
import { readSuppressions, SUPPRESSIONS_KEY, type Suppressions } from './suppressions'

export async function loadSuppressions(): Promise<Suppressions> {
  try {
    return readSuppressions((await browser.storage.local.get(SUPPRESSIONS_KEY))[SUPPRESSIONS_KEY])
  } catch {
    return { global: [], pages: {} }
  }
}

export async function saveSuppressions(s: Suppressions): Promise<void> {
  try {
    await browser.storage.local.set({ [SUPPRESSIONS_KEY]: s })
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
}

export function onSuppressionsChanged(fn: (s: Suppressions) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SUPPRESSIONS_KEY]) fn(readSuppressions(changes[SUPPRESSIONS_KEY].newValue))
  }
  try {
    browser.storage.onChanged.addListener(listener)
    return () => browser.storage.onChanged.removeListener(listener)
  } catch {
    return () => {}
  }
}
