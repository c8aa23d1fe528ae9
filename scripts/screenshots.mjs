// npm run screenshots: rebuild the Chrome extension, run the end-to-end tests that take the README's and the
// docs' pictures in real Chromium on the console replica, and copy them into docs/screenshots/, so the
// pictures always show the current build.
//
//   npm run screenshots                      # build, e2e, copy
//   npm run screenshots -- --before DIR      # also tour another build (e.g. the previous release's dist/)
//                                            # and keep its pictures as docs/screenshots/before-*.png
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = new URL('..', import.meta.url).pathname
const SHOTS = join(ROOT, 'test-results', 'screenshots')
const DOCS = join(ROOT, 'docs', 'screenshots')
const VITEST = join(ROOT, 'node_modules', '.bin', 'vitest')

/** The pictures docs/screenshots keeps (the README's, the issue-11 views, and each tab light/dark at both widths). */
const KEEP = [
  /^panel-docked-beside\.png$/,
  /^findings-invalid-policy\.png$/,
  /^least-privilege-dark\.png$/,
  /^monaco-enhanced-editor\.png$/,
  /^whatif-bucket-ask\.png$/,
  /^whatif-role-permissions\.png$/,
  /^whatif-cannot-decide\.png$/,
  /^popup-(builtin|insert|fill|saved|insert-choose)\.png$/,
  /^simulate-allowed\.png$/,
  /^verdict-public-bucket\.png$/,
  /^fixed-undo\.png$/,
  /^templates-insert-choose\.png$/,
  /^(before-)?tab-[a-z-]+-(light-1400|dark-900)\.png$/,
  /^(before-)?dock-side(-collapsed)?-dark-900\.png$/,
]

function run(label, args, env = {}) {
  console.log(`screenshots: ${label}`)
  const r = spawnSync(args[0], args.slice(1), { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) {
    console.error(`screenshots: ${label} failed (exit ${r.status})`)
    process.exit(r.status ?? 1)
  }
}

const beforeAt = process.argv.indexOf('--before')
const before = beforeAt > 0 ? process.argv[beforeAt + 1] : undefined

run('build the Chrome extension', [process.execPath, 'scripts/build.mjs', 'extension'])
const files = ['console', 'popup', 'whatif', 'verdict', 'layout'].map((f) => `test/e2e/${f}.e2e.ts`)
run('end-to-end tests (Chromium, console replica)', [VITEST, 'run', '--config', 'vitest.e2e.config.ts', ...files])
if (before) {
  if (!existsSync(join(before, 'manifest.json'))) throw new Error(`${before}/manifest.json is missing`)
  run(`the same tour on ${before}`, [VITEST, 'run', '--config', 'vitest.e2e.config.ts', 'test/e2e/layout.e2e.ts'], { SIDEKICK_DIST: before, SIDEKICK_SHOT_PREFIX: 'before-' })
}
mkdirSync(DOCS, { recursive: true })
let n = 0
for (const f of readdirSync(SHOTS)) {
  if (!KEEP.some((re) => re.test(f))) continue
  copyFileSync(join(SHOTS, f), join(DOCS, f))
  n++
}
console.log(`screenshots: ${n} pictures copied to docs/screenshots/`)
