/**
 * The content script's controller: one EditorSession and one panel per policy editor the bridge reports;
 * recognises the page kind from the DOM around each editor; follows the SPA's navigation; answers the popup.
 */
import { takePendingPolicy } from './pending-policy'
import browser from 'webextension-polyfill'
import { EDITOR_ID_ATTRIBUTE } from '../bridge/protocol'
import { recognise } from '../consoles'
import { pageContext } from '../consoles/context'
import { looksLikePolicy } from '../consoles/generic'
import { readIdentity } from '../consoles/identity'
import { isExtensionMessage, type EditorStatus, type ExtensionReply, type ExtensionRequest } from '../shared/messages'
import { loadShadowMode } from '../shared/shadow-mode'
import { analysisClient } from './analysis-client'
import { BridgeClient, type BridgeEditor } from './bridge-client'
import { findingsToMark, marksFor } from './editor-marks'
import { mountPanel, type MountedPanel } from './mount'
import { EditorSession } from './session'
import { loadSettings, onSettingsChanged, saveSettings, DEFAULT_SETTINGS, type PanelSettings } from './settings'

interface Attached {
  session: EditorSession
  panel: MountedPanel | undefined
  el: Element
  /** The marks last sent to the page's editor (a key), '' when none are shown. */
  marks: string
}

/** Performance marks (`iam-sidekick:*`) on the page's timeline, read by bench/console.bench.ts. */
export function mark(name: string): void {
  try {
    performance.mark(`iam-sidekick:${name}`)
  } catch {
    /* no user timing */
  }
}

export class Controller {
  private readonly attached = new Map<string, Attached>()
  private settings: PanelSettings = DEFAULT_SETTINGS
  private readonly bridge = new BridgeClient({
    added: (e) => this.safe(() => this.onEditor(e)),
    changed: (e) => this.safe(() => this.onChange(e)),
    removed: (id) => this.safe(() => this.detach(id)),
  })

  async start(): Promise<void> {
    // Consoles whose pages hold policy editors: load the engine and catalogue while the page renders, so the
    // first findings are there soon after the editor (elsewhere, the first editor triggers the load).
    if (/^\/(iam|iamv2|s3|organizations|kms|sqs|sns)\b/.test(location.pathname)) this.preload()
    const [settings] = await Promise.all([loadSettings(), loadShadowMode()])
    this.settings = settings
    onSettingsChanged((s) => this.safe(() => this.applySettings(s)))
    this.bridge.start()
    // SPA navigation: the page around an editor may change kind without the editor being replaced.
    const relook = () => setTimeout(() => this.safe(() => this.recogniseAll()), 50)
    window.addEventListener('hashchange', relook)
    window.addEventListener('popstate', relook)
    // history.pushState fires no event in the isolated world: notice URL changes by looking.
    let href = location.href
    setInterval(() => {
      if (location.href !== href) {
        href = location.href
        relook()
      }
    }, 500)
    browser.runtime.onMessage.addListener((msg: unknown) => {
      if (!isExtensionMessage(msg)) return undefined
      return this.answer(msg).catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : 'failed' }))
    })
  }

  private preloaded = false
  private preload(): void {
    if (this.preloaded) return
    this.preloaded = true
    mark('preload')
    // The engine runs in the extension's background; start it (catalogue, lookup tables) there.
    void analysisClient()
      .warm()
      .then(() => mark('engine-warm'))
      .catch(() => undefined)
  }

  private safe(fn: () => void): void {
    try {
      fn()
    } catch {
      /* never throw into the console page */
    }
  }

  private elementOf(id: string): Element | null {
    return document.querySelector(`[${EDITOR_ID_ATTRIBUTE}="${CSS.escape(id)}"]`)
  }

  private onEditor(e: BridgeEditor): void {
    const el = this.elementOf(e.id)
    if (!el || this.attached.has(e.id)) return
    this.preload()
    const ctx = pageContext(el, e.text, e.readOnly)
    const page = recognise(ctx)
    // An editor that holds no policy (code, YAML...) and that no page module claims: leave it alone, but
    // look again when its text changes.
    if (!page && !(e.language === 'json' && looksLikePolicy(e.text))) return
    const session = new EditorSession(e.id, e.text, e.readOnly, readIdentity(document), this.bridge)
    const attached: Attached = { session, panel: undefined, el, marks: '' }
    this.attached.set(e.id, attached)
    session.subscribe(() => this.safe(() => this.syncMarks(attached)))
    session.subscribeMarkers(() => this.safe(() => this.syncMarks(attached)))
    session.setPage(page, page ? page.policyType(ctx) : 'auto', page?.resourceType?.(ctx))
    if (this.settings.enabled) attached.panel = mountPanel(el, session, this.settings, (p) => void this.changeSettings(p))
    // A policy sent from the What-if card ("Open in the policy editor") fills the next writable policy editor.
    const pending = !e.readOnly && page?.id === 'iam-policy-editor' ? takePendingPolicy() : undefined
    if (pending !== undefined) void session.setText(pending).catch(() => undefined)
  }

  /** The findings in the page's own editor follow the panel's: shown while it is mounted and fresh, cleared otherwise. */
  private syncMarks(a: Attached): void {
    const s = a.session
    if (!a.panel || !this.settings.enabled) return this.clearMarks(a)
    if (!s.analysis || !s.fresh) return
    // What the panel's first view lists (validation and security risks, merged); before it has rendered, the analysis's own.
    const marks = marksFor(s.markedFindings ?? findingsToMark(s.analysis))
    // The same marks as shown: nothing to send (typing elsewhere in the policy leaves them where they are,
    // and each update costs the console a render of its editor's status bar).
    const key = JSON.stringify(marks)
    if (key === a.marks) return
    a.marks = key
    void this.bridge.setMarks(s.id, marks, s.text).then((r) => {
      // Refused (the text moved on): the next analysis sends them again.
      if (!r.ok && a.marks === key) a.marks = ''
    })
  }

  private clearMarks(a: Attached): void {
    if (a.marks === '') return
    a.marks = ''
    void this.bridge.clearMarks(a.session.id)
  }

  private onChange(e: BridgeEditor): void {
    const a = this.attached.get(e.id)
    if (!a) return this.onEditor(e)
    a.session.textChanged(e.text, e.readOnly)
  }

  private detach(id: string): void {
    const a = this.attached.get(id)
    if (!a) return
    a.panel?.unmount()
    a.panel = undefined
    this.clearMarks(a)
    a.session.dispose()
    this.attached.delete(id)
  }

  private recogniseAll(): void {
    for (const [id, a] of this.attached) {
      if (!a.el.isConnected) {
        this.detach(id)
        continue
      }
      const ctx = pageContext(a.el, a.session.text, a.session.readOnly)
      const page = recognise(ctx)
      a.session.setPage(page, page ? page.policyType(ctx) : 'auto', page?.resourceType?.(ctx))
    }
  }

  private async changeSettings(patch: Partial<PanelSettings>): Promise<void> {
    this.applySettings({ ...this.settings, ...patch })
    this.applySettings(await saveSettings(patch))
  }

  private applySettings(s: PanelSettings): void {
    this.settings = s
    for (const a of this.attached.values()) {
      if (!s.enabled) {
        a.panel?.unmount()
        a.panel = undefined
      } else if (a.panel) a.panel.update(s)
      else a.panel = mountPanel(a.el, a.session, s, (p) => void this.changeSettings(p))
      this.safe(() => this.syncMarks(a))
    }
  }

  /** The editor the popup talks to: the first writable one, else the first. */
  private primary(): Attached | undefined {
    const all = [...this.attached.values()].filter((a) => a.el.isConnected)
    return all.find((a) => !a.session.readOnly) ?? all[0]
  }

  private async answer(msg: ExtensionRequest): Promise<ExtensionReply | undefined> {
    const a = this.primary()
    switch (msg.type) {
      case 'get-editor-status': {
        const id = readIdentity(document)
        const status: EditorStatus = { hasEditor: !!a, partition: id.partition }
        if (id.accountId) status.accountId = id.accountId
        if (id.region) status.region = id.region
        if (a) {
          status.policyType = a.session.analysis?.policyType ?? (a.session.policyType === 'auto' ? 'identity' : a.session.policyType)
          if (a.session.page) status.pageKind = a.session.page.id
          status.readOnly = a.session.readOnly
        }
        return status
      }
      case 'get-editor-text':
        return a ? { ok: true, text: a.session.text } : { ok: false, error: 'No policy editor on this page.' }
      case 'insert-policy': {
        if (!a) return { ok: false, error: 'No policy editor on this page.' }
        const r = await a.session.setText(msg.text)
        return r.ok ? { ok: true } : { ok: false, error: r.error ?? 'The editor did not accept the policy.' }
      }
      default:
        return undefined
    }
  }
}
