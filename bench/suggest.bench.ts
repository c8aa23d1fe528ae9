/**
 * Least-privilege assistant speed: suggestions and explanations for the widest AWS managed policies (as
 * the Least privilege tab computes them on an edit), the whole managed-policy corpus, and policy generation
 * from 10,000 CloudTrail records.
 * Run: npx tsx bench/suggest.bench.ts
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalogue } from '../src/engine/catalogue/bundled'
import { explainPolicy } from '../src/engine/explain'
import { policyFromActivity } from '../src/engine/generate'
import { suggestPolicy } from '../src/engine/suggest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function time(fn: () => unknown, runs = 7): number {
  const xs: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    xs.push(performance.now() - t)
  }
  return median(xs)
}

const catalogue = await loadCatalogue()
const corpus = (JSON.parse(readFileSync(join(root, 'generated', 'managed-policies.json'), 'utf8')) as { policies: { name: string; document: object }[] }).policies
const byName = new Map(corpus.map((p) => [p.name, JSON.stringify(p.document, null, 2)]))

for (const name of ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'SecurityAudit', 'AmazonS3FullAccess']) {
  const text = byName.get(name)!
  const s = time(() => suggestPolicy(text, { catalogue }))
  const e = time(() => explainPolicy(text, { catalogue }))
  console.log(`${name.padEnd(22)} ${String(text.length).padStart(7)} chars  suggest ${s.toFixed(1).padStart(7)} ms  explain ${e.toFixed(1).padStart(7)} ms`)
}

let count = 0
const t0 = performance.now()
for (const text of byName.values()) count += suggestPolicy(text, { catalogue }).length
console.log(`managed corpus: ${byName.size} policies, ${count} suggestions in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

const sources = [
  ['s3', 'GetObject', { bucketName: 'data', key: 'in/x.csv' }],
  ['dynamodb', 'Query', { tableName: 'orders' }],
  ['lambda', 'Invoke', { functionName: 'worker' }],
  ['sqs', 'SendMessage', { queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/jobs' }],
  ['monitoring', 'PutMetricData', { namespace: 'App' }],
] as const
const records = Array.from({ length: 10_000 }, (_, i) => {
  const [src, name, params] = sources[i % sources.length]!
  return { eventSource: `${src}.amazonaws.com`, eventName: name, awsRegion: 'us-east-1', recipientAccountId: '111122223333', requestParameters: { ...params, key: `in/${i % 50}.csv` } }
})
const trail = JSON.stringify({ Records: records })
const g = time(() => policyFromActivity(trail, { catalogue }), 3)
console.log(`policyFromActivity: 10,000 CloudTrail records in ${g.toFixed(1)} ms`)
