/** The panel's remembered state (per browser profile, in storage.local): collapsed, where it docks, last tab. */
import browser from 'webextension-polyfill'

export type Dock = 'below' | 'side'
export interface PanelSettings {
  collapsed: boolean
  dock: Dock
  tab: string
  /** Show the panel at all (options page). */
  enabled: boolean
}

export const DEFAULT_SETTINGS: PanelSettings = { collapsed: false, dock: 'below', tab: 'findings', enabled: true }
const KEY = 'panelSettings'

export function readSettings(x: unknown): PanelSettings {
  const s: PanelSettings = { ...DEFAULT_SETTINGS }
  if (typeof x !== 'object' || x === null) return s
  const o = x as Record<string, unknown>
  if (typeof o.collapsed === 'boolean') s.collapsed = o.collapsed
  if (o.dock === 'below' || o.dock === 'side') s.dock = o.dock
  if (typeof o.tab === 'string' && /^[a-z-]{1,30}$/.test(o.tab)) s.tab = o.tab
  if (typeof o.enabled === 'boolean') s.enabled = o.enabled
  return s
}

export async function loadSettings(): Promise<PanelSettings> {
  try {
    const got = await browser.storage.local.get(KEY)
    return readSettings(got[KEY])
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
}

export async function saveSettings(patch: Partial<PanelSettings>): Promise<PanelSettings> {
  const next = { ...(await loadSettings()), ...patch }
  try {
    await browser.storage.local.set({ [KEY]: next })
  } catch {
    /* storage unavailable: keep it for this page only */
  }
  return next
}

export function onSettingsChanged(fn: (s: PanelSettings) => void): void {
  try {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[KEY]) fn(readSettings(changes[KEY].newValue))
    })
  } catch {
    /* no storage events */
  }
}
