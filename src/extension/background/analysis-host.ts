/**
 * Runs the content script's analyses in the background (a service worker in Chrome, an event page in
 * Firefox), so a large or hostile policy never blocks the console page's main thread (issue 17).
 * A Chrome service worker may not use `import()`, so the engine and the catalogue are imported
 * statically here and the catalogue is handed to the analysis module.
 */
import browser from 'webextension-polyfill'
import catalogueData from '../../../generated/catalogue.json'
import { Catalogue, type CatalogueData } from '../../engine/catalogue'
import { advise, useCatalogue, validate, warm } from '../shared/analysis'
import { isAnalysisRequest, type AnalysisReply, type AnalysisRequest } from '../shared/analysis-protocol'

let ready: Promise<void> | undefined

function prepare(): Promise<void> {
  ready ??= (async () => {
    useCatalogue(new Catalogue(catalogueData as unknown as CatalogueData))
    await warm()
  })()
  return ready
}

async function answer(msg: AnalysisRequest): Promise<AnalysisReply> {
  const started = performance.now()
  try {
    await prepare()
    if (msg.op === 'warm') return { ok: true, hostMs: performance.now() - started }
    const analysis = msg.op === 'validate' ? await validate(msg.text, msg.opts) : await advise(msg.analysis, msg.opts)
    const hostMs = performance.now() - started
    // What ran here, for the end-to-end tests (read through the service worker; nothing leaves the browser).
    const stats = ((globalThis as { __iamSidekickAnalyses?: { count: number; ms: number[] } }).__iamSidekickAnalyses ??= { count: 0, ms: [] })
    stats.count++
    if (stats.ms.push(Math.round(hostMs)) > 200) stats.ms.shift()
    return { ok: true, analysis, hostMs }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

let registered = false

export function registerAnalysisHost(): void {
  if (registered) return
  registered = true
  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isAnalysisRequest(msg)) return undefined
    return answer(msg)
  })
}
