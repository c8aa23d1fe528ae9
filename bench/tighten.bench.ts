// "Tighten to what was used": tightening alone and with the simulator's proof (every catalogue action,
// against "*" and each named resource, decided for the current and the tightened policies), compared in
// the same run with one "what can this policy set do" pass (simulateAllActions) as the peer.
import { readFileSync } from 'node:fs'
import { Catalogue, type CatalogueData } from '../src/engine/catalogue'
import { compilePolicySet, simulateAllActions } from '../src/engine/simulate'
import { parseLastAccessed, tightenToUsage } from '../src/engine/tighten'
import { tightenPolicies } from '../src/engine/tighten/tighten'

const catalogue = new Catalogue(JSON.parse(readFileSync(new URL('../generated/catalogue.json', import.meta.url), 'utf8')) as CatalogueData)
const managed = JSON.parse(readFileSync(new URL('../generated/managed-policies.json', import.meta.url), 'utf8')) as { policies: { name: string; document: object }[] }
const pick = (n: string) => managed.policies.find((p) => p.name === n)!.document
const policies = ['PowerUserAccess', 'AmazonS3FullAccess', 'AmazonEC2FullAccess', 'ReadOnlyAccess'].map((name) => ({ name, document: pick(name) }))
const now = Date.parse('2026-12-01T00:00:00Z')
const report = parseLastAccessed({
  JobCompletionDate: new Date(now).toISOString(),
  ServicesLastAccessed: ['s3', 'ec2', 'iam', 'lambda', 'dynamodb', 'sqs', 'sns', 'kms', 'logs', 'cloudwatch'].map((ns, i) => ({
    ServiceNamespace: ns,
    ...(i % 3 === 2 ? {} : { LastAuthenticated: new Date(now - i * 20 * 86_400_000).toISOString() }),
  })),
}).report!

function median(run: () => void, n = 9): number {
  const t: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    run()
    t.push(performance.now() - t0)
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)]!
}

const alone = median(() => void tightenPolicies(policies, report, { catalogue, days: 90 }))
let proof = { checked: 0, ok: false }
const withProof = median(() => void (proof = tightenToUsage(policies, report, { catalogue, days: 90 }).proof))
const set = compilePolicySet({ identityPolicies: policies.map((p) => p.document) })
const peer = median(() => void simulateAllActions(set, { catalogue, resource: '*' }))
console.log(`tighten 4 managed policies (PowerUserAccess, AmazonS3FullAccess, AmazonEC2FullAccess, ReadOnlyAccess), 90 days: median ${alone.toFixed(1)} ms`)
console.log(`with the simulator's proof (${proof.checked} action/resource pairs, ok=${proof.ok}): median ${withProof.toFixed(1)} ms`)
console.log(`peer: one simulateAllActions pass over the catalogue for the same set: median ${peer.toFixed(1)} ms (proof = ${(withProof / peer).toFixed(1)}× the peer)`)
