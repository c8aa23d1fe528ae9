/**
 * User guardrails: actions and resources that must never be granted (`iam:CreateUser`, `organizations:*`,
 * `arn:aws:s3:::prod-*`), kept in storage.local by the options page and checked on every edit.
 */
import browser from 'webextension-polyfill'

export interface Guardrails {
  actions: string[]
  resources: string[]
}

const KEY = 'guardrails'
export const NO_GUARDRAILS: Guardrails = { actions: [], resources: [] }

function list(x: unknown): string[] {
  if (!Array.isArray(x)) return []
  return x.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 2048).map((v) => v.trim()).slice(0, 100)
}

/** Reads stored guardrails defensively (anything malformed counts as none). */
export function readGuardrails(x: unknown): Guardrails {
  if (typeof x !== 'object' || x === null) return { ...NO_GUARDRAILS }
  const o = x as Record<string, unknown>
  return { actions: list(o.actions), resources: list(o.resources) }
}

/** One entry a line; blank lines and surrounding spaces ignored. */
export function parseGuardrailLines(text: string): string[] {
  return text
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean)
}

export async function loadGuardrails(): Promise<Guardrails> {
  try {
    return readGuardrails((await browser.storage.local.get(KEY))[KEY])
  } catch {
    return { ...NO_GUARDRAILS }
  }
}

export async function saveGuardrails(g: Guardrails): Promise<void> {
  try {
    await browser.storage.local.set({ [KEY]: readGuardrails(g) })
  } catch {
    /* storage unavailable: nothing to keep */
  }
}

export function onGuardrailsChanged(fn: (g: Guardrails) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) fn(readGuardrails(changes[KEY].newValue))
  }
  try {
    browser.storage.onChanged.addListener(listener)
  } catch {
    return () => {}
  }
  return () => {
    try {
      browser.storage.onChanged.removeListener(listener)
    } catch {
      /* gone with the page */
    }
  }
}
