/**
 * Validation speed: a realistic 10,240-character policy (the most a role's inline policies may hold)
 * validated with every check, as on each keystroke; the whole AWS managed-policy corpus; and
 * pathological input that must finish in bounded time.
 * Run: npx tsx bench/validate.bench.ts
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalogue } from '../src/engine/catalogue/bundled'
import { validatePolicy, type ValidateOptions } from '../src/engine/validate'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const TARGET = 10_240

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!
}

/** A policy like the ones people write: several services, ARNs with variables, conditions of every family. */
function realisticPolicy(targetChars: number): string {
  const statements: object[] = []
  const templates = (i: number): object[] => [
    {
      Sid: `ReadAppBucket${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::app-data-${i}`, `arn:aws:s3:::app-data-${i}/\${aws:PrincipalTag/team}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
    },
    {
      Sid: `Tables${i}`,
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      Resource: [`arn:aws:dynamodb:us-east-1:111122223333:table/orders-${i}`, `arn:aws:dynamodb:us-east-1:111122223333:table/orders-${i}/index/*`],
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:userid}'] } },
    },
    {
      Sid: `Instances${i}`,
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:RebootInstances'],
      Resource: `arn:aws:ec2:*:111122223333:instance/*`,
      Condition: { StringEquals: { 'aws:ResourceTag/project': `project-${i}`, 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    {
      Sid: `PassAppRole${i}`,
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::111122223333:role/app-${i}-*`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    },
    {
      Sid: `DenyOutsideNetwork${i}`,
      Effect: 'Deny',
      NotAction: ['iam:Get*', 'iam:List*', 'sts:GetCallerIdentity'],
      Resource: '*',
      Condition: {
        NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] },
        BoolIfExists: { 'aws:ViaAWSService': 'false' },
        DateGreaterThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' },
      },
    },
    {
      Sid: `Queues${i}`,
      Effect: 'Allow',
      Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: [`arn:aws:sqs:us-east-1:111122223333:jobs-${i}`, `arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-12345678901${i % 10}`],
      Condition: { StringEquals: { 'kms:ViaService': 'sqs.us-east-1.amazonaws.com' } },
    },
    {
      Sid: `Logs${i}`,
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'cloudwatch:PutMetricData'],
      Resource: [`arn:aws:logs:us-east-1:111122223333:log-group:/app/${i}:*`, '*'],
      Condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } },
    },
  ]
  const text = (): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
  for (let i = 0; ; i++) {
    for (const s of templates(i)) {
      statements.push(s)
      if (text().length > targetChars) {
        statements.pop()
        let t = text()
        // pad the last Sid so the document is exactly the target length
        const pad = targetChars - t.length
        if (pad > 0) t = t.replace(/"Sid": "([A-Za-z0-9]+)"(?![\s\S]*"Sid")/, (_m, sid: string) => `"Sid": "${sid}${'X'.repeat(pad)}"`)
        return t
      }
    }
  }
}

function time(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

const loadStarted = performance.now()
const catalogue = await loadCatalogue()
const loadMs = performance.now() - loadStarted
const options: ValidateOptions = { catalogue, policyType: 'identity' }
const policy = realisticPolicy(TARGET)

// warm up: JIT and the per-catalogue lookup tables (built once per catalogue)
const firstRun = time(() => validatePolicy(policy, options))
for (let i = 0; i < 300; i++) validatePolicy(i % 2 ? policy : policy.replace('ReadAppBucket0', `ReadAppBucket${i}`), options)

const RUNS = 500
// as on keystrokes: each run edits one character (a Sid letter), so results cannot come from a cache
const typed: number[] = []
for (let i = 0; i < RUNS; i++) {
  const text = policy.replace('"Sid": "ReadAppBucket0"', `"Sid": "ReadAppBucket${String.fromCharCode(65 + (i % 26))}"`)
  typed.push(time(() => validatePolicy(text, options)))
}
const same: number[] = []
for (let i = 0; i < RUNS; i++) same.push(time(() => validatePolicy(policy, options)))
// CPU time per validation (user + system), in batches: unlike wall-clock time it does not count the
// time this process waits for a core that other processes are using.
const cpuPerRun: number[] = []
for (let b = 0; b < 40; b++) {
  const texts = Array.from({ length: 25 }, (_, i) => policy.replace('"Sid": "ReadAppBucket0"', `"Sid": "ReadAppBucket${String.fromCharCode(65 + ((b + i) % 26))}"`))
  const before = process.cpuUsage()
  for (const t of texts) validatePolicy(t, options)
  const used = process.cpuUsage(before)
  cpuPerRun.push((used.user + used.system) / 1000 / texts.length)
}
const result = validatePolicy(policy, options)
console.log(`Policy of ${policy.length.toLocaleString('en-US')} characters, ${(JSON.parse(policy) as { Statement: unknown[] }).Statement.length} statements, ${result.findings.length} findings`)
console.log(`  catalogue load: ${loadMs.toFixed(0)} ms; first validation (builds the validator's lookup tables once per catalogue): ${firstRun.toFixed(1)} ms`)
console.log(`  one character changed per run, ${RUNS} runs: median ${median(typed).toFixed(3)} ms, p95 ${percentile(typed, 0.95).toFixed(3)} ms (wall clock)`)
console.log(`  same text, ${RUNS} runs: median ${median(same).toFixed(3)} ms, p95 ${percentile(same, 0.95).toFixed(3)} ms (wall clock)`)
console.log(`  CPU time per validation, all threads incl. garbage collection (batches of 25): median ${median(cpuPerRun).toFixed(3)} ms`)
console.log(`  target (median under 2 ms per keystroke): ${median(typed) < 2 ? 'met' : 'NOT met'}`)

// The whole AWS managed-policy corpus in one process.
const { policies } = JSON.parse(readFileSync(join(root, 'generated', 'managed-policies.json'), 'utf8')) as { policies: { document: unknown }[] }
const texts = policies.map((p) => JSON.stringify(p.document, null, 2))
const chars = texts.reduce((n, t) => n + t.length, 0)
for (const pass of ['first pass', 'second pass']) {
  const ms = time(() => {
    for (const t of texts) validatePolicy(t, options)
  })
  console.log(`Managed corpus (${pass}): ${texts.length} policies, ${(chars / 1e6).toFixed(1)} M characters in ${ms.toFixed(0)} ms = ${Math.round((texts.length / ms) * 1000)} policies/s, ${(ms / texts.length).toFixed(2)} ms per policy`)
}

// Pathological input: each must finish quickly, with findings.
const deep = '['.repeat(100_000) + ']'.repeat(100_000)
const manyStatements = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 10_000 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*'], Resource: `arn:aws:s3:::b${i}/*` })) })
const megabyte = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: 40_000 }, (_, i) => `s3:Get${'Object'.repeat(i % 3)}${i}`), Resource: '*' }] })
const backtrack = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:' + 'a*'.repeat(2000) + 'b', '*:' + '?*'.repeat(1000)],
      Resource: ['arn:aws:s3:::' + 'a*'.repeat(5000) + 'b', 'arn:aws:s3:::' + 'a'.repeat(5000)],
      Condition: { StringLike: { 'aws:UserAgent': 'a*'.repeat(3000), 's3:prefix': '${'.repeat(2000) }, IpAddress: { 'aws:SourceIp': '1'.repeat(10_000) } },
    },
  ],
})
const garbage = Array.from({ length: 200_000 }, (_, i) => '{["]},:\\ a*'[i % 11]).join('')
for (const [name, text] of [
  ['100,000 nested brackets', deep],
  ['10,000 statements', manyStatements],
  [`${(megabyte.length / 1e6).toFixed(1)} MB policy (40,000 actions)`, megabyte],
  ['patterns built to make a regex backtrack', backtrack],
  ['200,000 characters of JSON-like garbage', garbage],
] as const) {
  let n = 0
  const ms = time(() => {
    n = validatePolicy(text, options).findings.length
  })
  console.log(`Pathological: ${name} (${text.length.toLocaleString('en-US')} chars): ${ms.toFixed(0)} ms, ${n} findings`)
}
