// Builds the console replica into test/replica/dist (cached: rebuilt only when a source file is newer).
// Usage: node test/replica/build.mjs [--force]   or   import { buildReplica } from './build.mjs'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
export const replicaDist = join(here, 'dist')

/** Newest modification time of any file below `dir` (for the build caches here and in scripts/demo.mjs). */
export function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

export function replicaIsFresh() {
  const built = join(replicaDist, 'index.html')
  if (!existsSync(built)) return false
  const sources = Math.max(newest(join(here, 'src')), statSync(join(here, 'index.html')).mtimeMs, statSync(join(here, 'vite.config.ts')).mtimeMs)
  return statSync(built).mtimeMs >= sources
}

export function buildReplica({ force = false } = {}) {
  if (!force && replicaIsFresh()) return replicaDist
  const started = Date.now()
  const r = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', join(here, 'vite.config.ts')], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`replica build failed (exit ${r.status})`)
  console.log(`replica: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return replicaDist
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildReplica({ force: process.argv.includes('--force') })
