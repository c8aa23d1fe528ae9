// npm run bench: runs every bench/*.bench.ts in turn (one process each) and keeps their output in test-results/bench.txt.
import { spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const only = process.argv.slice(2)
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
mkdirSync(join(root, 'test-results'), { recursive: true })
const log = join(root, 'test-results', 'bench.txt')
writeFileSync(log, `# npm run bench, ${new Date().toISOString()}, node ${process.version}\n`)
let failed = 0
for (const f of files) {
  console.log(`\n### ${f}`)
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join('bench', f)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  process.stdout.write(r.stdout ?? '')
  appendFileSync(log, `\n### ${f}\n${r.stdout ?? ''}`)
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
