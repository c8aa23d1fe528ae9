// What the built extension exposes to web pages (issue 17, items 2 and 9), read from the manifests the
// build wrote: a CSP for extension pages that lets nothing load from outside the extension, and the
// fewest web-accessible resources, the editor page behind Chrome's per-session dynamic URL.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST, ROOT } from './support'

interface War {
  resources: string[]
  matches: string[]
  use_dynamic_url?: boolean
}
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  content_security_policy?: { extension_pages?: string }
  web_accessible_resources: War[]
  content_scripts: { js: string[]; world?: string }[]
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

describe('the built manifests', () => {
  for (const [label, dir] of [
    ['Chrome (dist/)', DIST],
    ['Firefox (dist-firefox/)', join(ROOT, 'dist-firefox')],
  ] as const) {
    it(`${label}: extension pages load images and connections from the extension only`, () => {
      expect(existsSync(join(dir, 'manifest.json')), `${dir} is missing: npm run build`).toBe(true)
      const csp = directives(read(dir).content_security_policy?.extension_pages ?? '')
      expect(csp.get('img-src')).toEqual(["'self'", 'data:'])
      expect(csp.get('connect-src')).toEqual(["'self'"])
      expect(csp.get('script-src')).toEqual(["'self'"])
      expect(csp.get('default-src')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
    })
  }

  it('Chrome: exposes the editor page behind a dynamic URL, the content script’s chunks, and nothing else', () => {
    const m = read(DIST)
    const mainWorld = m.content_scripts.filter((c) => c.world === 'MAIN').flatMap((c) => c.js)
    const all = m.web_accessible_resources.flatMap((w) => w.resources)
    for (const js of mainWorld) expect(all).not.toContain(js)
    const pages = m.web_accessible_resources.filter((w) => w.resources.some((r) => r.endsWith('.html')))
    expect(pages.flatMap((w) => w.resources)).toEqual(['src/extension/editor/index.html'])
    for (const w of pages) expect(w.use_dynamic_url).toBe(true)
    for (const r of all) expect(r).toMatch(/^(assets\/[\w.-]+\.js|src\/extension\/editor\/index\.html)$/)
    for (const w of m.web_accessible_resources) for (const match of w.matches) expect(match).toMatch(/^https:\/\/(\*\.)?console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\/\*$/)
  })

  it('the content script adds no <link rel="modulepreload"> to the page (no chunk calls the preload helper with dependencies)', () => {
    const m = read(DIST)
    const chunks = m.web_accessible_resources.flatMap((w) => w.resources).filter((r) => r.endsWith('.js'))
    for (const c of chunks) expect(readFileSync(join(DIST, c), 'utf8'), c).not.toContain('__vite__mapDeps')
  })
})
