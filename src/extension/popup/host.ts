/** The popup's TemplatesHost: inserts through the target tab's content script, else copies to the clipboard. */
import browser from 'webextension-polyfill'
import { POLICY_TYPES, type PolicyType } from '../../engine/findings/types'
import { PROTOCOL_VERSION } from '../shared/messages'
import { TYPE_LABEL } from '../templates/ui/entries'
import { copyText, type EditorContext, type InsertOutcome, type TemplatesHost } from '../templates/ui/host'
import { ask, type Target } from './target'

function replyError(reply: unknown): string | undefined {
  if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true) return undefined
  const error = typeof reply === 'object' && reply !== null ? (reply as { error?: unknown }).error : undefined
  return typeof error === 'string' ? error : 'The console page did not accept it.'
}

export function contextOf(target: Target): EditorContext {
  const s = target.status
  const type = POLICY_TYPES.includes(s.policyType as PolicyType) ? (s.policyType as PolicyType) : undefined
  const where = [s.accountId, s.region].filter(Boolean).join(' · ')
  return {
    hasEditor: s.hasEditor && target.tabId !== undefined,
    ...(s.accountId ? { accountId: s.accountId } : {}),
    ...(s.region ? { region: s.region } : {}),
    ...(s.partition ? { partition: s.partition } : {}),
    ...(type ? { policyType: type } : {}),
    ...(s.readOnly ? { readOnly: true } : {}),
    label: `${type ? `${TYPE_LABEL[type]} policy` : 'Policy'} editor${where ? ` · ${where}` : ''}`,
  }
}

export function popupHost(target: Target): TemplatesHost {
  const context = contextOf(target)
  const host: TemplatesHost = {
    context,
    async insert(text: string): Promise<InsertOutcome> {
      if (context.hasEditor && !context.readOnly && target.tabId !== undefined) {
        let error: string | undefined
        try {
          error = replyError(await ask(target.tabId, { v: PROTOCOL_VERSION, type: 'insert-policy', text }, 5000))
        } catch (e) {
          error = e instanceof Error ? e.message : String(e)
        }
        if (!error) return { ok: true, where: 'editor' }
        const copied = await copyText(text)
        return { ok: false, error: copied ? `${error} It was copied to the clipboard instead.` : error }
      }
      return (await copyText(text)) ? { ok: true, where: 'clipboard' } : { ok: false, error: 'There is no policy editor here and the clipboard is not available.' }
    },
  }
  if (context.hasEditor && target.tabId !== undefined) {
    const tabId = target.tabId
    host.readEditor = async () => {
      const reply = await ask(tabId, { v: PROTOCOL_VERSION, type: 'get-editor-text' })
      const error = replyError(reply)
      const text = (reply as { text?: unknown }).text
      if (error || typeof text !== 'string') throw new Error(error ?? 'The console page sent no text.')
      return text
    }
  }
  if (!target.inTab) {
    // The toolbar popup closes when a file dialog takes the focus: import in a tab instead.
    host.openImportPage = () => {
      void browser.tabs.create({ url: `${browser.runtime.getURL('src/extension/popup/index.html')}#import` })
      window.close()
    }
  }
  return host
}
