/** The store's storage backend in the extension: browser.storage.local and browser.storage.sync. */
import browser from 'webextension-polyfill'
import { TemplateStore, type StorageBackend } from './store'

export function browserStorageBackend(): StorageBackend {
  return {
    local: browser.storage.local,
    sync: browser.storage.sync,
    onChanged(listener) {
      const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => listener(area, changes)
      browser.storage.onChanged.addListener(handler)
      return () => browser.storage.onChanged.removeListener(handler)
    },
  }
}

let opened: Promise<TemplateStore> | undefined

/** The page's one template store. */
export function openTemplateStore(): Promise<TemplateStore> {
  opened ??= TemplateStore.open(browserStorageBackend())
  return opened
}
