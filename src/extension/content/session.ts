/**
 * One policy editor on the page and everything the panel shows about it: its text (from the bridge),
 * the page kind, the policy type, the engine's analysis. The panel renders it; writes go back through
 * the bridge into Ace.
 */
import type { Finding, Fix, PolicyType, Range } from '../../engine/findings/types'
import { TEXT_MOVED_ON, type AceEdit, type AceRange } from '../bridge/protocol'
import type { ConsolePage, PagePolicyType } from '../consoles'
import type { ConsoleIdentity } from '../consoles/identity'
import type { AnalyseOptions, Analysis } from '../shared/analysis'
import { analysisClient } from './analysis-client'
import type { BridgeClient } from './bridge-client'

export function toAceRange(r: Range): AceRange {
  return { start: { row: Math.max(0, r.start.line - 1), column: Math.max(0, r.start.column - 1) }, end: { row: Math.max(0, r.end.line - 1), column: Math.max(0, r.end.column - 1) } }
}

/** The bridge reports a change only after a pause in typing (140 ms, bridge/main-world.ts); this only coalesces. */
const TYPING_DEBOUNCE_MS = 10
const STALE_WRITE = 'The policy changed since the findings were computed; nothing was changed. Try again once they refresh.'
/** How long the first view waits for the least-privilege suggestions before showing validation alone. */
const ADVICE_WAIT_MS = 80

/** Calls every listener; one view's bug must not stop the others. */
function callEach(listeners: Iterable<() => void>): void {
  for (const fn of listeners) {
    try {
      fn()
    } catch {
      /* a listener that throws is its own bug */
    }
  }
}

export class EditorSession {
  text: string
  readOnly: boolean
  page: ConsolePage | undefined
  pagePolicyType: PagePolicyType = 'auto'
  /** The resource a resource policy belongs to, as the page tells (`AWS::S3::Bucket`...). */
  resourceType: string | undefined
  /** The user's choice in the panel; overrides the page's. */
  chosenPolicyType: PolicyType | undefined
  analysis: Analysis | undefined
  analysing = false
  error: string | undefined
  /** Milliseconds from the editor's appearance to the first findings shown. */
  firstFindingsMs: number | undefined
  lastWrite: { ok: boolean; error?: string } | undefined
  private readonly createdAt = performance.now()
  private readonly listeners = new Set<() => void>()
  private readonly textListeners = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private running = false
  private rerun = false

  /** The first text the editor showed: on an edit page, the saved version (the baseline of "Changes in access"). */
  readonly initialText: string

  constructor(
    readonly id: string,
    text: string,
    readOnly: boolean,
    readonly identity: ConsoleIdentity,
    private readonly bridge: BridgeClient,
  ) {
    this.initialText = text
    this.text = text
    this.readOnly = readOnly
  }

  get policyType(): PagePolicyType {
    return this.chosenPolicyType ?? this.pagePolicyType
  }

  /** True when the analysis describes the text now in the editor (so its ranges and fixes apply). */
  get fresh(): boolean {
    return !!this.analysis && this.analysis.text === this.text
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** Called on every text change, before any analysis (the framed editor's sync); the panel waits for the analysis. */
  subscribeText(fn: () => void): () => void {
    this.textListeners.add(fn)
    return () => this.textListeners.delete(fn)
  }

  notify(): void {
    callEach(this.listeners)
  }

  setPage(page: ConsolePage | undefined, type: PagePolicyType, resourceType?: string): void {
    const changed = page?.id !== this.page?.id || type !== this.pagePolicyType || resourceType !== this.resourceType
    this.page = page
    this.pagePolicyType = type
    this.resourceType = resourceType
    if (changed) this.schedule(0)
  }

  choosePolicyType(type: PolicyType | undefined): void {
    this.chosenPolicyType = type
    this.schedule(0)
  }

  textChanged(text: string, readOnly: boolean): void {
    const changed = text !== this.text || readOnly !== this.readOnly
    this.text = text
    this.readOnly = readOnly
    if (!changed) return
    // No panel render per keystroke: the panel updates with the analysis, after a pause in typing.
    callEach(this.textListeners)
    this.schedule(TYPING_DEBOUNCE_MS)
  }

  /** Runs the engine after `delay` ms of quiet; one run at a time, the latest text wins. */
  schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.run()
    }, delay)
  }

  private options(): AnalyseOptions {
    const id = this.identity
    return {
      policyType: this.policyType,
      ...(!this.chosenPolicyType && this.pagePolicyType !== 'auto' ? { holds: this.pagePolicyType } : {}),
      ...(this.resourceType && this.policyType === 'resource' ? { resourceType: this.resourceType } : {}),
      ...(id.accountId ? { accountId: id.accountId } : {}),
      ...(id.region ? { region: id.region } : {}),
      partition: id.partition,
    }
  }

  /** Validation first (the Findings tab), then suggestions and the explanation; the latest text wins. */
  private async run(): Promise<void> {
    if (this.running) {
      this.rerun = true
      return
    }
    this.running = true
    this.analysing = true
    try {
      // in the extension's background, off the console page's main thread (./analysis-client.ts)
      const engine = analysisClient()
      do {
        this.rerun = false
        const text = this.text
        const opts = this.options()
        const validated = await engine.validate(text, opts)
        if (text !== this.text) {
          this.rerun = true
          continue
        }
        // Suggestions usually follow within a few milliseconds: wait that long, so the panel and the editor's
        // marks update once per pause in typing, not twice (each update costs the page a render).
        const advising = engine.advise(validated, opts)
        advising.catch(() => undefined) // awaited below unless the text moved on first
        const quick = await Promise.race([advising.then((a) => ({ a })), new Promise<undefined>((r) => setTimeout(() => r(undefined), ADVICE_WAIT_MS))])
        if (text !== this.text) {
          this.rerun = true
          continue
        }
        if (quick) {
          // Shown by the one notification below (finally), with `analysing` off.
          this.analysis = quick.a
          this.error = undefined
          this.markFirstFindings()
          continue
        }
        // Keep the previous suggestions on screen while the new ones are computed.
        const previous = this.analysis
        this.analysis = {
          ...validated,
          ...(previous?.suggestions ? { suggestions: previous.suggestions } : {}),
          ...(previous?.adviceText !== undefined ? { adviceText: previous.adviceText } : {}),
          ...(previous?.explanation ? { explanation: previous.explanation } : {}),
        }
        this.error = undefined
        this.notify()
        this.markFirstFindings()
        const advised = await advising
        if (text !== this.text || this.rerun) {
          this.rerun = true
          continue
        }
        this.analysis = advised
      } while (this.rerun)
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e)
    } finally {
      this.running = false
      this.analysing = false
      this.notify()
    }
  }

  private markFirstFindings(): void {
    if (this.firstFindingsMs !== undefined) return
    // After the panel has rendered the findings (preact renders in a microtask).
    setTimeout(() => {
      try {
        performance.mark('iam-sidekick:first-findings')
      } catch {
        /* no user timing */
      }
      this.firstFindingsMs ??= performance.now() - this.createdAt
      this.notify()
    }, 0)
  }

  async select(range: Range): Promise<void> {
    await this.bridge.request({ kind: 'select', id: this.id, range: toAceRange(range) })
  }

  async applyFix(fix: Fix): Promise<{ ok: boolean; error?: string }> {
    if (!this.fresh) return { ok: false, error: STALE_WRITE }
    const edits: AceEdit[] = fix.edits.map((e) => ({ range: toAceRange(e.range), text: e.newText }))
    return this.write(this.bridge.request({ kind: 'apply-edits', id: this.id, edits }))
  }

  /** Several fixes at once ("Fix all safe"): their edits must not overlap; one undo step. */
  async applyFixes(fixes: Fix[]): Promise<{ ok: boolean; error?: string }> {
    if (!this.fresh) return { ok: false, error: STALE_WRITE }
    const edits: AceEdit[] = fixes.flatMap((f) => f.edits.map((e) => ({ range: toAceRange(e.range), text: e.newText })))
    return this.write(this.bridge.request({ kind: 'apply-edits', id: this.id, edits }))
  }

  /** Undoes the last change through the console editor's own undo stack (as Ctrl+Z there would). */
  async undo(): Promise<{ ok: boolean; error?: string }> {
    return this.write(this.bridge.request({ kind: 'undo', id: this.id }))
  }

  /**
   * The findings the panel shows first (its merged verdict), which the console's own editor marks (see
   * content/editor-marks.ts); undefined until a panel has rendered one. `[]` clears the marks.
   */
  markedFindings: Finding[] | undefined
  private readonly markListeners = new Set<() => void>()
  showMarkers(findings: Finding[]): void {
    this.markedFindings = findings
    callEach(this.markListeners)
  }

  subscribeMarkers(fn: () => void): () => void {
    this.markListeners.add(fn)
    return () => this.markListeners.delete(fn)
  }

  /** Replaces the whole document through Ace (one undo step). */
  async setText(text: string): Promise<{ ok: boolean; error?: string }> {
    return this.write(this.bridge.request({ kind: 'set-text', id: this.id, text }))
  }

  private async write(p: Promise<{ ok: boolean; error?: string }>): Promise<{ ok: boolean; error?: string }> {
    const r = await p
    // The MAIN world refuses a write computed from text the user has typed past (bridge/main-world.ts movedOn).
    this.lastWrite = !r.ok && r.error === TEXT_MOVED_ON ? { ok: false, error: STALE_WRITE } : r
    this.notify()
    return r
  }

  findingsBySeverity(): Map<Finding['severity'], Finding[]> {
    const m = new Map<Finding['severity'], Finding[]>()
    for (const f of this.analysis?.findings ?? []) {
      const list = m.get(f.severity) ?? []
      list.push(f)
      m.set(f.severity, list)
    }
    return m
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.listeners.clear()
    this.markListeners.clear()
    this.textListeners.clear()
  }
}
