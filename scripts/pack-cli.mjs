// The CLI as an installable npm package.
//
// The repository's own package.json is private and lists the extension's dependencies (monaco, preact, ...),
// none of which the CLI needs at run time. So the build writes a dedicated package directory, build/package/,
// holding only the esbuild bundle (the engine, the yaml parser and the AWS catalogue in one file), a README
// and a package.json with a `bin` and no dependencies. `npm pack` of that directory gives a tarball that
// installs anywhere with `npm install ./iam-sidekick-<version>.tgz`, offline.
//
//   node scripts/pack-cli.mjs            writes build/package/ (run by `npm run build`)
//   node scripts/pack-cli.mjs --pack     also runs npm pack: build/iam-sidekick-<version>.tgz, prints its size
//   node scripts/pack-cli.mjs --pack --out DIR   puts the tarball in DIR
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'build', 'cli', 'iam-sidekick.mjs')
const pkgDir = join(root, 'build', 'package')

export function writePackageDir() {
  if (!existsSync(bundle)) throw new Error('build/cli/iam-sidekick.mjs is missing: run `npm run build` first')
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  rmSync(pkgDir, { recursive: true, force: true })
  mkdirSync(pkgDir, { recursive: true })
  const code = readFileSync(bundle, 'utf8')
  writeFileSync(join(pkgDir, 'iam-sidekick.mjs'), (code.startsWith('#!') ? '' : '#!/usr/bin/env node\n') + code, { mode: 0o755 })
  const pkg = {
    name: rootPkg.name,
    version: rootPkg.version,
    description: 'Validate, tighten and simulate AWS IAM policies offline: policy files, CloudFormation templates and Terraform plans, with SARIF output for CI.',
    license: rootPkg.license,
    type: 'module',
    bin: { 'iam-sidekick': 'iam-sidekick.mjs' },
    files: ['iam-sidekick.mjs', 'README.md'],
    engines: rootPkg.engines,
    keywords: ['aws', 'iam', 'policy', 'validation', 'cloudformation', 'terraform', 'sarif', 'least-privilege'],
  }
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  const docs = join(root, 'docs', 'cli.md')
  if (existsSync(docs)) copyFileSync(docs, join(pkgDir, 'README.md'))
  else writeFileSync(join(pkgDir, 'README.md'), '# iam-sidekick\n\nRun `iam-sidekick --help`.\n')
  return pkgDir
}

export function packTarball(outDir = join(root, 'build')) {
  writePackageDir()
  mkdirSync(outDir, { recursive: true })
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(npm, ['pack', '--json', '--pack-destination', resolve(outDir)], { cwd: pkgDir, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`)
  const info = JSON.parse(r.stdout)[0]
  const tarball = join(resolve(outDir), info.filename)
  return { tarball, size: statSync(tarball).size, unpackedSize: info.unpackedSize, files: info.files.map((f) => f.path) }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  if (args.includes('--pack')) {
    const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined
    const p = packTarball(out)
    console.log(`${p.tarball}: ${(p.size / 1024).toFixed(0)} KiB packed, ${(p.unpackedSize / 1024).toFixed(0)} KiB installed (${p.files.join(', ')})`)
  } else console.log(`wrote ${writePackageDir()}`)
}
