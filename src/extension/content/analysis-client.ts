/**
 * Where the content script's analyses run: in the extension's background (off the console page's main
 * thread) through runtime messaging, and on the page's own thread only when the background cannot be
 * reached, with short per-phase budgets there so the page stays responsive (issue 17).
 */
import browser from 'webextension-polyfill'
import type { AnalyseOptions, Analysis } from '../shared/analysis'
import { ANALYSIS_MESSAGE, type AnalysisReply, type AnalysisRequest } from '../shared/analysis-protocol'
import { loadAnalysis } from '../shared/lazy'

export type AnalysisPlace = 'background' | 'page'

/** How long to wait for the background (a sleeping service worker starts and loads the catalogue first). */
const BACKGROUND_TIMEOUT_MS = 10_000

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the background did not answer')), ms)
    p.then(
      (v) => {
        clearTimeout(t)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(t)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}

export class AnalysisClient {
  /** Where the last analysis ran (for the panel's diagnostics and the tests). */
  place: AnalysisPlace | undefined
  private backgroundDown = false

  constructor(private readonly send: (msg: AnalysisRequest) => Promise<unknown> = (msg) => browser.runtime.sendMessage(msg)) {}

  private async ask(msg: AnalysisRequest): Promise<Analysis | undefined> {
    if (this.backgroundDown) return undefined
    try {
      const reply = (await withTimeout(this.send(msg), BACKGROUND_TIMEOUT_MS)) as AnalysisReply | undefined
      if (reply && reply.ok && (msg.op === 'warm' || reply.analysis)) {
        this.place = 'background'
        return reply.analysis
      }
    } catch {
      /* fall through to the page */
    }
    // Not answered (no background, an old one without the host, a crash): use the page from now on.
    this.backgroundDown = true
    return undefined
  }

  /** Starts the background's engine before the first real analysis (catalogue, lookup tables). */
  async warm(): Promise<void> {
    await this.ask({ v: 1, type: ANALYSIS_MESSAGE, op: 'warm' })
  }

  async validate(text: string, opts: AnalyseOptions): Promise<Analysis> {
    const a = await this.ask({ v: 1, type: ANALYSIS_MESSAGE, op: 'validate', text, opts })
    if (a) return a
    const engine = await loadAnalysis()
    this.place = 'page'
    return engine.validate(text, opts, engine.PAGE_BUDGET_MS)
  }

  async advise(analysis: Analysis, opts: AnalyseOptions): Promise<Analysis> {
    const a = await this.ask({ v: 1, type: ANALYSIS_MESSAGE, op: 'advise', analysis, opts })
    if (a) return a
    const engine = await loadAnalysis()
    this.place = 'page'
    return engine.advise(analysis, opts, engine.PAGE_BUDGET_MS)
  }
}

let shared: AnalysisClient | undefined

/** The content script's one client. */
export function analysisClient(): AnalysisClient {
  shared ??= new AnalysisClient()
  return shared
}
