// The release archives for the tests: made by `node scripts/package.mjs --no-build` from the current
// dist/ and dist-firefox/ when missing or older than the build.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './index'

export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
export const ARCHIVES = {
  chrome: join(ROOT, 'release', `iam-sidekick-chrome-${VERSION}.zip`),
  firefox: join(ROOT, 'release', `iam-sidekick-firefox-${VERSION}.zip`),
  source: join(ROOT, 'release', `iam-sidekick-${VERSION}-source.zip`),
}

export function ensureArchives(): typeof ARCHIVES {
  const built = Math.max(...['dist', 'dist-firefox'].map((d) => statSync(join(ROOT, d, 'manifest.json')).mtimeMs))
  const fresh = Object.values(ARCHIVES).every((f) => existsSync(f) && statSync(f).mtimeMs >= built)
  if (!fresh) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build'], { cwd: ROOT, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`npm run package failed: ${r.stderr}${r.stdout}`)
    console.log(r.stdout.trim())
  }
  return ARCHIVES
}
