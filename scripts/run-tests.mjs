// npm test: every test suite, then one totals line `N passed, N failed`.
//   1. typecheck (tsc --noEmit, strict)           – counts as one test
//   2. unit, property and CLI tests (vitest)      – test/**/*.test.ts
//   3. end-to-end tests in Debian's Chromium      – test/e2e/*.e2e.ts against the built dist/
//   4. end-to-end tests in Debian's Firefox ESR   – test/e2e/firefox/*.e2e.ts against dist-firefox/
// Needs `npm run build` first (the README's setup command). SKIP_E2E=1 skips steps 3 and 4;
// E2E_BROWSER=chromium|firefox runs one browser's suite. Each browser's count and wall time is printed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
mkdirSync(join(root, 'test-results'), { recursive: true })
let passed = 0
let failed = 0
let skipped = 0
const failures = []

function step(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`=== ${label}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`)
  return r.status ?? 1
}

function countVitest(label, file, status) {
  const before = { passed, failed }
  countVitestInto(label, file, status)
  return { passed: passed - before.passed, failed: failed - before.failed }
}

function countVitestInto(label, file, status) {
  if (!existsSync(file)) {
    failed++
    failures.push(`${label}: no report (exit ${status})`)
    return
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) if (t.status === 'failed') failures.push(`${label}: ${t.fullName}`)
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
      failed++
      failures.push(`${label}: ${suite.name}: ${String(suite.message).split('\n')[0]}`)
    }
  }
  if (status !== 0 && (report.numFailedTests ?? 0) === 0 && !(report.testResults ?? []).some((s) => s.status === 'failed')) {
    failed++
    failures.push(`${label}: runner exited ${status}`)
  }
}

if (!existsSync(join(root, 'generated', 'catalogue.json'))) {
  console.error('generated/ is missing: run `npm run build` first')
  process.exit(2)
}

if (step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) === 0) passed++
else {
  failed++
  failures.push('typecheck: tsc --noEmit reported errors')
}

const unitReport = join(root, 'test-results', 'vitest-unit.json')
const unitStatus = step('unit, property and CLI tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`])
countVitest('unit', unitReport, unitStatus)

const browsers = []
if (process.env.SKIP_E2E) console.log('\n=== end-to-end tests skipped (SKIP_E2E) ===')
else {
  for (const [browser, name] of [['chromium', 'Chromium'], ['firefox', 'Firefox ESR']]) {
    if (process.env.E2E_BROWSER && process.env.E2E_BROWSER !== browser) continue
    const report = join(root, 'test-results', `vitest-e2e-${browser}.json`)
    const started = Date.now()
    const status = step(`end-to-end tests in ${name}`, bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { E2E_BROWSER: browser })
    const counts = countVitest(`e2e ${browser}`, report, status)
    browsers.push({ name, ...counts, seconds: (Date.now() - started) / 1000 })
  }
}

for (const b of browsers) console.log(`e2e ${b.name}: ${b.passed} passed, ${b.failed} failed in ${b.seconds.toFixed(0)} s`)
if (failures.length) {
  console.log('\nFailures:')
  for (const f of failures) console.log(`  - ${f}`)
}
console.log('')
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
