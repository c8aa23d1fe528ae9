// npm run fuzz: the fuzz properties of every public entry point, far longer than CI runs them and with a
// fresh seed each time (CI: a fixed seed, a short run). Options through the environment:
//   FUZZ_RUNS  runs per property (default 20000)   FUZZ_SEED  a seed to replay (default: random)
// Runs test/fuzz/ (vitest arguments after -- are passed on). A failure prints
// fast-check's counterexample and the command that replays it.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runs = process.env.FUZZ_RUNS ?? '20000'
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31))
console.log(`fuzz: ${runs} runs per property, seed ${seed}`)
const started = Date.now()
const r = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', 'test/fuzz', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
})
console.log(`fuzz: ${r.status === 0 ? 'no failure' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed}; replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`)
process.exit(r.status ?? 1)
