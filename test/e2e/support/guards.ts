/**
 * Error and request guards for every end-to-end test, in both browsers. A browser launched by the
 * harness registers a source here; vitest.e2e.config.ts's setup file (./guard-setup.ts) fails each test
 * on any error logged by the extension in any context (page, content script, MAIN world, background,
 * popup, frame) and on any request outside the console hosts, made since the previous test.
 *
 * A test that provokes errors on purpose (a hostile page) drains them itself with takeProblems() and
 * asserts on what it expects.
 */
export interface Problems {
  errors: string[]
  requests: string[]
}

const sources = new Set<() => Problems>()

/**
 * Messages that are not the extension's: the console replica's own development-build warnings (React /
 * Cloudscape) and Firefox's internal services (Remote Settings). Firefox prints every content error to
 * stdout without its source, so these are told apart by text.
 */
export const NOT_THE_EXTENSION: RegExp[] = [/Cannot update a component \(`%s`\) while rendering a different component/, /console\.error: RSLoader:/]

function theExtensions(message: string): boolean {
  return !NOT_THE_EXTENSION.some((re) => re.test(message))
}

/** Registers a browser's problem source; returns the function that unregisters it. */
export function registerProblemSource(take: () => Problems): () => void {
  sources.add(take)
  return () => void sources.delete(take)
}

/** Everything recorded since the last call, from every live browser (and forgets it). */
export function takeProblems(): Problems {
  const all: Problems = { errors: [], requests: [] }
  for (const take of sources) {
    const p = take()
    all.errors.push(...p.errors.filter(theExtensions))
    all.requests.push(...p.requests)
  }
  return all
}

/** The console hosts the manifest matches: the only hosts a test may reach. */
export function isConsoleHost(host: string): boolean {
  return /^(?:[a-z0-9-]+\.)*console\.aws\.amazon\.com$|^(?:[a-z0-9-]+\.)*console\.amazonaws-us-gov\.com$|^(?:[a-z0-9-]+\.)*console\.amazonaws\.cn$/i.test(host)
}

/** A URL a test may load: the extension's own pages, inline data, or a console host over HTTPS. */
export function isAllowedUrl(url: string): boolean {
  if (/^(?:data|blob|about|chrome-extension|moz-extension|chrome|devtools):/.test(url)) return true
  try {
    const u = new URL(url)
    return u.protocol === 'https:' && isConsoleHost(u.hostname)
  } catch {
    return false
  }
}

export function describeProblems(p: Problems): string {
  const lines: string[] = []
  if (p.errors.length) lines.push(`${p.errors.length} error(s) logged:`, ...p.errors.map((e) => `  - ${e}`))
  if (p.requests.length) lines.push(`${p.requests.length} request(s) outside the console hosts:`, ...p.requests.map((r) => `  - ${r}`))
  return lines.join('\n')
}
