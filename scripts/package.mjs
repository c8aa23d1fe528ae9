// npm run package: builds, then writes the three release archives into release/ (ignored by git), each
// named with package.json's version:
//   iam-sidekick-chrome-VERSION.zip    the Chrome Web Store upload (dist/)
//   iam-sidekick-firefox-VERSION.zip   the addons.mozilla.org upload (dist-firefox/, `web-ext build`)
//   iam-sidekick-VERSION-source.zip    the source archive AMO asks for with minified code: the repository
//                                      at this commit (`git archive HEAD`); docs/releasing.md has the build steps
// `--no-build` packages the existing dist/ and dist-firefox/.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const release = join(root, 'release')
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, ...opts })
  if (r.status !== 0) {
    console.error(`package: ${cmd} ${args.join(' ')} failed\n${r.stdout ?? ''}${r.stderr ?? ''}`)
    process.exit(r.status ?? 1)
  }
  return r.stdout ?? ''
}

export const archives = {
  chrome: `iam-sidekick-chrome-${version}.zip`,
  firefox: `iam-sidekick-firefox-${version}.zip`,
  source: `iam-sidekick-${version}-source.zip`,
}

if (!process.argv.includes('--no-build')) run(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
for (const dir of ['dist', 'dist-firefox']) {
  const m = join(root, dir, 'manifest.json')
  if (!existsSync(m)) throw new Error(`${dir}/manifest.json is missing: npm run build`)
  const v = JSON.parse(readFileSync(m, 'utf8')).version
  if (v !== version) throw new Error(`${dir}/manifest.json has version ${v}, package.json ${version}: rebuild`)
  for (const f of ['THIRD-PARTY-NOTICES.txt', 'LICENSE', 'PRIVACY.md']) if (!existsSync(join(root, dir, f))) throw new Error(`${dir}/${f} is missing: rebuild`)
}
mkdirSync(release, { recursive: true })
for (const f of Object.values(archives)) rmSync(join(release, f), { force: true })

// Both store packages with web-ext's zipper (it leaves out dotfiles and is reproducible).
const webExt = join(root, 'node_modules', '.bin', 'web-ext')
for (const [dir, name] of [['dist', archives.chrome], ['dist-firefox', archives.firefox]]) {
  run(webExt, ['build', '--source-dir', dir, '--artifacts-dir', 'release', '--filename', name, '--overwrite-dest', '--no-input'])
}

// The source archive: exactly the committed tree (uncommitted changes are not in it).
const dirty = run('git', ['status', '--porcelain', '--untracked-files=no']).trim()
if (dirty) console.warn('package: the working tree has uncommitted changes; the source archive holds HEAD only')
const commit = run('git', ['rev-parse', 'HEAD']).trim()
run('git', ['archive', '--format=zip', `--prefix=iam-sidekick-${version}/`, '-o', join('release', archives.source), 'HEAD'])

const kib = (f) => `${(statSync(join(release, f)).size / 1024).toFixed(0)} KiB`
console.log(`package: version ${version}, commit ${commit.slice(0, 12)}`)
for (const f of Object.values(archives)) console.log(`  release/${f}  ${kib(f)}`)
