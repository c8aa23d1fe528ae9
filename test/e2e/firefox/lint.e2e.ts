// The Firefox build (dist-firefox/, derived from dist/ by scripts/build-firefox.mjs) passes `web-ext lint`.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support'

const FIREFOX = join(ROOT, 'dist-firefox')

interface LintMessage {
  code: string
  message: string
  file?: string
}

describe('Firefox build', () => {
  it('has a Firefox MV3 manifest: background scripts, a Gecko id, the same permissions and hosts', () => {
    expect(existsSync(join(FIREFOX, 'manifest.json')), 'dist-firefox/ is missing: npm run build').toBe(true)
    const ff = JSON.parse(readFileSync(join(FIREFOX, 'manifest.json'), 'utf8'))
    const chrome = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8'))
    expect(ff.manifest_version).toBe(3)
    expect(ff.background.service_worker).toBeUndefined()
    expect(ff.background.scripts).toHaveLength(1)
    expect(ff.browser_specific_settings.gecko.id).toMatch(/@/)
    expect(ff.permissions).toEqual(['storage'])
    expect(ff.permissions).toEqual(chrome.permissions)
    expect(ff.host_permissions ?? []).toEqual([])
    expect(ff.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual(chrome.content_scripts.map((c: { matches: string[] }) => c.matches))
  })

  it('passes `web-ext lint` with zero errors', () => {
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', FIREFOX, '--output', 'json', '--no-input'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 280_000,
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    })
    const start = r.stdout.indexOf('{')
    expect(start, `web-ext printed no JSON: ${r.stderr}`).toBeGreaterThanOrEqual(0)
    const report = JSON.parse(r.stdout.slice(start)) as { errors: LintMessage[]; warnings: LintMessage[]; summary: { errors: number; warnings: number } }
    const errors = report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)
    expect(errors).toEqual([])
    // Our own code stays clean; the remaining warnings are innerHTML in preact's and Monaco's bundles.
    const ours = report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')
    expect(ours.map((w) => `${w.code}: ${w.message}`)).toEqual([])
    // web-ext lint takes 75 s on an idle 2-core machine, over 120 s under load.
  }, 300_000)
})
