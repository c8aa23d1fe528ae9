// npm run build: AWS data → Chrome extension (dist/) → Firefox extension (dist-firefox/) → CLI (build/cli/).
import { spawnSync } from 'node:child_process'
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

const only = process.argv[2]
if (!only || only === 'data') run('AWS data', process.execPath, ['scripts/build-data.mjs'])
if (!only || only === 'extension') {
  run('Chrome extension (dist/)', bin('vite'), ['build', '--logLevel', 'warn'])
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
if (!only || only === 'cli') run('CLI package (build/package/)', process.execPath, ['scripts/pack-cli.mjs'])
