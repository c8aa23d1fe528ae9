// npm run build: AWS data → Chrome extension (dist/) → Firefox extension (dist-firefox/) → CLI (build/cli/).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function run(label, cmd, args) {
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error(`build: ${label} failed`)
    process.exit(r.status ?? 1)
  }
  console.log(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * The fewest web-accessible resources: crxjs lists the content script's chunks (its loader imports them
 * from the page's context) and the framed editor page, but also the MAIN-world script, which the browser
 * injects itself and no page needs to fetch. The editor page goes behind Chrome's per-session dynamic URL,
 * so a page cannot frame or probe it through a fixed chrome-extension:// URL. The chunks cannot: Chrome
 * resolves a module's own imports against the static URL, so a content script loaded from its dynamic URL
 * fails to start. scripts/build-firefox.mjs drops the key for Firefox, whose extension URLs are already
 * random per install.
 */
export function exposeLeast(manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const injected = new Set((manifest.content_scripts ?? []).filter((c) => c.world === 'MAIN').flatMap((c) => c.js ?? []))
  const out = []
  for (const war of manifest.web_accessible_resources ?? []) {
    const resources = war.resources.filter((r) => !injected.has(r))
    const pages = resources.filter((r) => r.endsWith('.html'))
    const scripts = resources.filter((r) => !r.endsWith('.html'))
    if (pages.length) out.push({ ...war, resources: pages, use_dynamic_url: true })
    if (scripts.length) out.push({ ...war, resources: scripts, use_dynamic_url: false })
  }
  manifest.web_accessible_resources = out
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
}

const only = process.argv[2]
if (!only || only === 'data') run('AWS data', process.execPath, ['scripts/build-data.mjs'])
if (!only || only === 'extension') {
  run('Chrome extension (dist/)', bin('vite'), ['build', '--logLevel', 'warn'])
  exposeLeast(join(root, 'dist', 'manifest.json'))
  run('Firefox extension (dist-firefox/)', process.execPath, ['scripts/build-firefox.mjs'])
}
if (!only || only === 'cli')
  run('CLI (build/cli/)', bin('esbuild'), [
    'src/cli/entry.ts',
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    '--outfile=build/cli/iam-sidekick.mjs',
    '--log-level=warning',
    '--main-fields=module,main',
    '--banner:js=import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
  ])
