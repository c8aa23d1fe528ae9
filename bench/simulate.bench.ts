/**
 * Simulator benchmark (npx tsx bench/simulate.bench.ts).
 *
 * 1. Throughput on the same requests, measured in the same run: our engine (policies compiled once per
 *    policy set, then many requests evaluated) against @cloud-copilot/iam-simulate (AGPL: bench and tests
 *    only), which has no compile step and is called once per request. Goal: at least 20× faster.
 * 2. Whole-catalogue bulk simulation ("what can this policy set do") of realistic policy sets against one
 *    resource; median of several runs. Goal: under 100 ms.
 *
 * Results are printed and written to test-results/bench-simulate.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runSimulation } from '@cloud-copilot/iam-simulate'
import { loadCatalogue } from '../src/engine/catalogue/bundled'
import { compilePolicySet, evaluate, simulateAllActions, simulateCase } from '../src/engine/simulate'
import { sampleCases } from '../test/simulate/oracle/generators'
import { toSimulation } from '../test/simulate/oracle/iam-simulate'

type Json = Record<string, unknown>

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const POLICY_SETS = Number(process.env.BENCH_SETS ?? 60)
const REQUESTS_PER_SET = Number(process.env.BENCH_REQUESTS ?? 40)
const BULK_RUNS = Number(process.env.BENCH_BULK_RUNS ?? 15)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Policy sets from the differential generator; each gets many requests (same action/resource/principal, varied context). */
function workload(): { sets: Json[]; requests: Json[][] } {
  const base = sampleCases(POLICY_SETS, 424242)
  const contexts = sampleCases(POLICY_SETS * REQUESTS_PER_SET, 777).map((c) => (c.request as Json).context)
  const requests = base.map((c, i) => contexts.slice(i * REQUESTS_PER_SET, (i + 1) * REQUESTS_PER_SET).map((context) => ({ ...(c.request as Json), context })))
  return { sets: base, requests }
}

const PEER = { Allowed: 'Allowed', ImplicitlyDenied: 'ImplicitDeny', ExplicitlyDenied: 'ExplicitDeny' } as Record<string, string>

/**
 * The machine is shared, so load changes during a run: the workload is cut into chunks of a few policy
 * sets, and each chunk is timed on both engines back to back (ours as the median of 3 runs), so both see
 * the same conditions. Totals are summed over the chunks.
 */
async function throughput(): Promise<Json> {
  const { sets, requests } = workload()
  const total = requests.reduce((a, r) => a + r.length, 0)
  const cases = sets.map((s, i) => requests[i]!.map((request) => ({ ...s, request })))
  const simulations = cases.map((list) => list.map((c) => toSimulation(c)))

  // Warm up both engines (JIT, iam-data loading).
  for (let i = 0; i < 5; i++) for (const c of cases.flat().slice(0, 400)) simulateCase(c)
  for (const s of simulations.flat().slice(0, 150)) await runSimulation(s, { simulationMode: 'Strict' })

  const time = (f: () => void): number => {
    const t = performance.now()
    f()
    return performance.now() - t
  }
  const med3 = (f: () => void) => median([time(f), time(f), time(f)])
  let oursCompiled = 0
  let oursDecisionOnly = 0
  let oursPerCase = 0
  let peer = 0
  let same = 0
  const CHUNK = 5
  for (let from = 0; from < sets.length; from += CHUNK) {
    const idx = [...Array(Math.min(CHUNK, sets.length - from)).keys()].map((k) => from + k)
    const decisions: string[] = []
    // Ours: compile each policy set once, evaluate all of its requests (with full explanations).
    oursCompiled += med3(() => {
      decisions.length = 0
      for (const i of idx) {
        const set = compilePolicySet(sets[i]!)
        for (const r of requests[i]!) decisions.push(evaluate(set, r).decision ?? 'error')
      }
    })
    oursDecisionOnly += med3(() => {
      for (const i of idx) {
        const set = compilePolicySet(sets[i]!)
        for (const r of requests[i]!) evaluate(set, r, { explain: false })
      }
    })
    // Ours end to end: every request compiles its policies again (simulateCase).
    oursPerCase += med3(() => {
      for (const i of idx) for (const c of cases[i]!) simulateCase(c)
    })
    // Peer: one runSimulation per request.
    const t = performance.now()
    const peerDecisions: string[] = []
    for (const i of idx)
      for (const sim of simulations[i]!) {
        const r = await runSimulation(sim, { simulationMode: 'Strict' })
        peerDecisions.push(r.resultType === 'error' ? 'error' : (PEER[r.overallResult as string] ?? 'error'))
      }
    peer += performance.now() - t
    same += peerDecisions.filter((d, k) => d === decisions[k]).length
  }
  const rate = (ms: number) => Math.round((total / ms) * 1000)
  return {
    policySets: sets.length,
    requests: total,
    oursCompiledOnceWithExplanations: { ms: Math.round(oursCompiled), casesPerSecond: rate(oursCompiled) },
    oursCompiledOnceDecisionOnly: { ms: Math.round(oursDecisionOnly), casesPerSecond: rate(oursDecisionOnly) },
    oursCompileEveryCase: { ms: Math.round(oursPerCase), casesPerSecond: rate(oursPerCase) },
    iamSimulate: { ms: Math.round(peer), casesPerSecond: rate(peer) },
    ratioCompiledOnce: Math.round((peer / oursCompiled) * 10) / 10,
    ratioDecisionOnly: Math.round((peer / oursDecisionOnly) * 10) / 10,
    ratioCompileEveryCase: Math.round((peer / oursPerCase) * 10) / 10,
    sameDecision: `${same}/${total}`,
  }
}

async function bulk(): Promise<Json> {
  const catalogue = await loadCatalogue()
  const managed = (JSON.parse(readFileSync(join(root, 'generated/managed-policies.json'), 'utf8')) as { policies: { name: string; document: unknown }[] }).policies
  const doc = (name: string) => managed.find((p) => p.name === name)!.document
  const scenarios: { name: string; set: Json; resource: string }[] = [
    {
      name: 'ReadOnlyAccess + SCP region guard + boundary, resource "*"',
      set: {
        identityPolicies: [doc('ReadOnlyAccess')],
        permissionsBoundary: doc('PowerUserAccess'),
        scps: [
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }] },
        ],
      },
      resource: '*',
    },
    {
      name: 'PowerUserAccess + deny on a bucket, resource arn:aws:s3:::data-bucket/*',
      set: {
        identityPolicies: [doc('PowerUserAccess'), { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:Delete*', Resource: 'arn:aws:s3:::data-bucket/*' }] }],
      },
      resource: 'arn:aws:s3:::data-bucket/*',
    },
    {
      name: 'AdministratorAccess with a session policy, resource "*"',
      set: { identityPolicies: [doc('AdministratorAccess')], sessionPolicy: doc('ViewOnlyAccess') },
      resource: '*',
    },
  ]
  const out: Json[] = []
  for (const s of scenarios) {
    const compiled = compilePolicySet(s.set)
    const principal = s.set.sessionPolicy ? 'arn:aws:sts::111111111111:assumed-role/dev/s1' : 'arn:aws:iam::111111111111:user/alice'
    const context = { 'aws:RequestedRegion': 'us-east-1' }
    simulateAllActions(compiled, { catalogue, resource: s.resource, principal, context }) // warm-up
    const times: number[] = []
    let last = simulateAllActions(compiled, { catalogue, resource: s.resource, principal, context })
    for (let i = 0; i < BULK_RUNS; i++) {
      const t = performance.now()
      last = simulateAllActions(compiled, { catalogue, resource: s.resource, principal, context })
      times.push(performance.now() - t)
    }
    out.push({
      scenario: s.name,
      actions: last.counts.total,
      allowed: last.counts.allowed,
      byLevel: last.counts.byLevel,
      medianMs: Math.round(median(times) * 10) / 10,
      maxMs: Math.round(Math.max(...times) * 10) / 10,
      error: last.error,
    })
  }
  return { runs: BULK_RUNS, scenarios: out }
}

const started = Date.now()
const result = { throughput: await throughput(), bulk: await bulk(), seconds: (Date.now() - started) / 1000 }
const tp = result.throughput as Record<string, Record<string, number> | number | string>
console.log('Simulator throughput (same requests, same run)')
console.log(`  policy sets × requests:              ${tp.policySets} × ${Number(tp.requests) / Number(tp.policySets)} = ${tp.requests}`)
for (const k of ['oursCompiledOnceWithExplanations', 'oursCompiledOnceDecisionOnly', 'oursCompileEveryCase', 'iamSimulate'] as const) {
  const v = tp[k] as Record<string, number>
  console.log(`  ${k.padEnd(36)} ${String(v.casesPerSecond).padStart(9)} cases/s  (${v.ms} ms)`)
}
console.log(`  ratio vs iam-simulate: compiled once ${tp.ratioCompiledOnce}×, decision only ${tp.ratioDecisionOnly}×, compile every case ${tp.ratioCompileEveryCase}× (goal ≥ 20×)`)
console.log(`  same decision as iam-simulate: ${tp.sameDecision} (differences are triaged in test/simulate/differential.test.ts)`)
console.log('Whole-catalogue bulk simulation (goal < 100 ms)')
for (const s of (result.bulk as { scenarios: Record<string, unknown>[] }).scenarios)
  console.log(`  ${String(s.scenario).padEnd(72)} ${s.actions} actions, ${s.allowed} allowed, median ${s.medianMs} ms (max ${s.maxMs} ms)`)
mkdirSync(join(root, 'test-results'), { recursive: true })
writeFileSync(join(root, 'test-results/bench-simulate.json'), JSON.stringify(result, null, 2) + '\n')
