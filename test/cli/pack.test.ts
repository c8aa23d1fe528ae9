/**
 * The CLI as a package: `npm pack` of the generated package directory, installed into an empty folder
 * outside the repository (offline, no dev dependency), then `iam-sidekick check` run there. Needs
 * `npm run build` first (the README's setup command).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build script without type declarations
import { packTarball } from '../../scripts/pack-cli.mjs'

const fixtures = fileURLToPath(new URL('../fixtures/iac', import.meta.url))

describe('npm pack → npm install into an empty folder → iam-sidekick check', () => {
  it('installs with no dependencies and checks templates, plans and policies from anywhere', { timeout: 180_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'iam-sidekick-pack-'))
    const { tarball, size, files } = packTarball(work) as { tarball: string; size: number; files: string[] }
    expect(files.sort()).toEqual(['README.md', 'iam-sidekick.mjs', 'package.json'])
    expect(size).toBeLessThan(1024 * 1024)
    const app = join(work, 'app')
    cpSync(fixtures, join(app, 'infra'), { recursive: true })
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }))
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const install = spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, encoding: 'utf8' })
    expect(install.status, install.stderr).toBe(0)
    // Only the CLI itself was installed: no dependency came along.
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['iam-sidekick'])
    const bin = join(app, 'node_modules', '.bin', 'iam-sidekick')
    expect(existsSync(bin)).toBe(true)
    const env = { ...process.env, NODE_PATH: '' }
    const version = spawnSync(bin, ['--version'], { cwd: app, encoding: 'utf8', env })
    expect(version.status).toBe(0)
    expect(version.stdout).toMatch(/^iam-sidekick \d+\.\d+\.\d+ \(AWS catalogue /)
    const check = spawnSync(bin, ['check', '--format', 'json', 'infra'], { cwd: app, encoding: 'utf8', env })
    expect(check.status, check.stderr).toBe(1)
    const entries = JSON.parse(check.stdout) as { file: string; findings: { code: string }[] }[]
    expect(new Set(entries.map((e) => e.file))).toEqual(new Set(['infra/app-stack.yaml', 'infra/plan.json', 'infra/queue-stack.json']))
    expect(entries.flatMap((e) => e.findings.map((f) => f.code))).toContain('INVALID_ACTION')
    const npx = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'iam-sidekick', 'check', '--fail-on', 'none', 'infra/queue-stack.json'], { cwd: app, encoding: 'utf8', env })
    expect(npx.status, npx.stderr).toBe(0)
    expect(npx.stdout).toMatch(/findings? .* in 3 policies, 1 file/)
  })
})
