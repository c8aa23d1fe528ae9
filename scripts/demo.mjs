// npm run demo: try IAM Sidekick without an AWS account. Builds the extension if needed, serves the
// console replica (the one the end-to-end tests use) for the console host names, and opens Debian's
// Chromium with the extension loaded on the replica's create-policy page and its list of sample policies.
//   npm run demo                 headful Chromium (needs a display; without one: xvfb-run -a npm run demo)
//   npm run demo -- --rebuild    rebuild the extension first
//   npm run demo -- --port 8443  serve the replica on a fixed port (default: a free one)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { newest } from '../test/replica/build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const args = process.argv.slice(2)
const portArg = args.indexOf('--port')
const port = portArg >= 0 ? Number(args[portArg + 1]) : 0

const built = existsSync(join(dist, 'manifest.json'))
const stale = built && Math.max(newest(join(root, 'src')), statSync(join(root, 'manifest.json')).mtimeMs) > statSync(join(dist, 'manifest.json')).mtimeMs
if (!built || stale || args.includes('--rebuild')) {
  console.log(`demo: building the extension (${!built ? 'dist/ is missing' : stale ? 'sources changed' : '--rebuild'})`)
  if (!existsSync(join(root, 'generated', 'catalogue.json'))) spawnSync(process.execPath, ['scripts/build.mjs', 'data'], { cwd: root, stdio: 'inherit' })
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'extension'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (!existsSync(chromiumPath)) {
  console.error(`demo: ${chromiumPath} not found. Install Debian's Chromium (apt-get install chromium) or set CHROMIUM_PATH.`)
  process.exit(1)
}
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('demo: no display. Run it under a virtual one:  xvfb-run -a -s "-screen 0 1400x1000x24" npm run demo')
  console.error('      (apt-get install xvfb xauth), or on a desktop machine just `npm run demo`.')
  process.exit(1)
}

const { startReplicaServer } = await import('../test/replica/server.mjs')
const { chromium } = await import('playwright-core')
const replica = await startReplicaServer({ port })
const profile = mkdtempSync(join(tmpdir(), 'iam-sidekick-demo-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: false,
  viewport: null,
  ignoreHTTPSErrors: true,
  args: [
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-sandbox',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    `--host-resolver-rules=${replica.hostResolverRules}`,
    '--ignore-certificate-errors',
    '--window-size=1400,1000',
  ],
})
const console_ = 'https://us-east-1.console.aws.amazon.com'
const first = context.pages()[0] ?? (await context.newPage())
await first.goto(`${console_}/sidekick/samples`)
const editor = await context.newPage()
await editor.goto(`${console_}/iam/home#/policies/create?sample=typos`)
console.log(`demo: Chromium is open with IAM Sidekick on the console replica (served on 127.0.0.1:${replica.port}).`)
console.log(`      Samples: ${console_}/sidekick/samples   Pages: ${console_}/`)
console.log('      Close the browser window (or press Ctrl+C) to stop.')

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await context.close().catch(() => undefined)
  await replica.close()
  rmSync(profile, { recursive: true, force: true })
  process.exit(0)
}
context.on('close', () => void stop())
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
