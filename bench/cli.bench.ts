/**
 * CLI benchmark (npx tsx bench/cli.bench.ts; needs `npm run build` for the bundle).
 *
 * 1. `simulate` on 91,400 requests: the 154 worked example cases (test/fixtures/simulation-cases.json)
 *    repeated, as CI suites that assert many requests against the same policy sets do. Ours: the whole
 *    process (`node bin/iam-sidekick.mjs simulate --format json`, start-up, catalogue load, JSON output
 *    written to a file), median of 3. Peer: @cloud-copilot/iam-simulate (AGPL: bench only), in this process,
 *    one `runSimulation` per request on the same requests, output not even built (favouring the peer).
 *    Goal: ours at least 20× faster. A second line gives every case its own id (the cache of identical case
 *    texts then misses, and only the decision cache helps).
 * 2. `check` on a repository of 1,000 generated CloudFormation templates (YAML and JSON, 5 policies each,
 *    intrinsics included), one process: policies per second.
 *
 * Results are printed and written to test-results/bench-cli.json. BENCH_CLI_ONLY=simulate|templates runs one part.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runSimulation } from '@cloud-copilot/iam-simulate'
import { parseTemplate } from '../src/cli/sources/detect'
import { toSimulation } from '../test/simulate/oracle/iam-simulate'

type Json = Record<string, unknown>
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'iam-sidekick.mjs')
const REQUESTS = Number(process.env.BENCH_CLI_REQUESTS ?? 91_400)
const TEMPLATES = Number(process.env.BENCH_CLI_TEMPLATES ?? 1_000)
const work = mkdtempSync(join(tmpdir(), 'iam-sidekick-bench-cli-'))

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Runs the CLI as a separate process with stdout written to a file; wall-clock milliseconds. */
function timeCli(args: string[], out: string): { ms: number; status: number | null } {
  const fd = openSync(out, 'w')
  const t = performance.now()
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' })
  const ms = performance.now() - t
  closeSync(fd)
  return { ms, status: r.status }
}

async function simulate(): Promise<Json> {
  const examples = JSON.parse(readFileSync(join(root, 'test/fixtures/simulation-cases.json'), 'utf8')) as Json[]
  const cases: Json[] = []
  for (let i = 0; cases.length < REQUESTS; i++) cases.push(examples[i % examples.length]!)
  const same = join(work, 'cases-repeated.json')
  writeFileSync(same, JSON.stringify(cases))
  const distinct = join(work, 'cases-distinct-ids.json')
  writeFileSync(distinct, JSON.stringify(cases.map((c, i) => ({ ...c, id: `case-${i}` }))))

  const out = join(work, 'out.json')
  timeCli(['simulate', '--format', 'json', same], out) // warm the file cache
  const oursSame = median([0, 1, 2].map(() => timeCli(['simulate', '--format', 'json', same], out).ms))
  const outBytes = readFileSync(out).length
  const decided = (JSON.parse(readFileSync(out, 'utf8')) as { decision?: string }[]).filter((r) => r.decision).length
  const oursDistinct = median([0, 1, 2].map(() => timeCli(['simulate', '--format', 'json', distinct], out).ms))

  // Peer: the same requests, converted to its input format outside the timing.
  const sims = cases.map((c) => toSimulation(c))
  for (const s of sims.slice(0, 300)) await runSimulation(s, { simulationMode: 'Strict' })
  const t = performance.now()
  let peerDecided = 0
  for (const s of sims) {
    const r = await runSimulation(s, { simulationMode: 'Strict' })
    if (r.resultType !== 'error') peerDecided++
  }
  const peer = performance.now() - t
  const rate = (ms: number) => Math.round((REQUESTS / ms) * 1000)
  return {
    requests: REQUESTS,
    distinctCases: examples.length,
    oursWholeProcessRepeatedCases: { ms: Math.round(oursSame), requestsPerSecond: rate(oursSame), outputMiB: Math.round(outBytes / 1048576), decided },
    oursWholeProcessDistinctIds: { ms: Math.round(oursDistinct), requestsPerSecond: rate(oursDistinct) },
    iamSimulateInProcess: { ms: Math.round(peer), requestsPerSecond: rate(peer), decided: peerDecided },
    ratioRepeatedCases: Math.round((peer / oursSame) * 10) / 10,
    ratioDistinctIds: Math.round((peer / oursDistinct) * 10) / 10,
  }
}

/** One generated template: a role (trust + 2 inline policies), a managed policy, a bucket policy. */
function template(i: number, yaml: boolean): string {
  const t = {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { Env: { Type: 'String', Default: i % 2 ? 'prod' : 'dev' } },
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: `data-${i}` } },
      BucketPolicy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'Bucket' },
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { 'Fn::Sub': '${Bucket.Arn}/*' }], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
              { Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: ['s3:GetObject', 's3:PutObject'], Resource: { 'Fn::Sub': '${Bucket.Arn}/*' } },
            ],
          },
        },
      },
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { 'Fn::Sub': `app-${i}-\${Env}` },
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [
            { PolicyName: 'read', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { 'Fn::Sub': '${Bucket.Arn}/*' }] }] } },
            { PolicyName: 'logs', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', i % 10 === 0 ? 'logs:PutLogEvent' : 'logs:CreateLogGroup'], Resource: '*' }] } },
          ],
        },
      },
      Managed: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'], Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:queue-${i}` } }] } },
      },
    },
  }
  if (!yaml) return JSON.stringify(t, null, 2)
  // YAML (block style) with short-form intrinsics: written as flow text with tags, then printed as YAML.
  const flow = JSON.stringify(t, null, 2)
    .replace(/\{\s*"Fn::GetAtt": \[\s*"(\w+)",\s*"(\w+)"\s*\]\s*\}/g, '!GetAtt $1.$2')
    .replace(/\{\s*"Fn::Sub": ("[^"]*")\s*\}/g, '!Sub $1')
    .replace(/\{\s*"Ref": ("[^"]*")\s*\}/g, '!Ref $1')
  return parseTemplate(flow).toString()
}

function templates(): Json {
  const dir = join(work, 'repo')
  for (let i = 0; i < TEMPLATES; i++) {
    const sub = join(dir, `stack-${Math.floor(i / 100)}`)
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `t${i}.${i % 2 ? 'yaml' : 'json'}`), template(i, i % 2 === 1))
  }
  const out = join(work, 'check.json')
  const runs = [0, 1, 2].map(() => timeCli(['check', '--no-config', '--format', 'json', '--fail-on', 'none', dir], out))
  const entries = JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }[]
  const ms = median(runs.map((r) => r.ms))
  return {
    templates: TEMPLATES,
    policies: entries.length,
    findings: entries.reduce((n, e) => n + e.findings.length, 0),
    wholeProcessMs: Math.round(ms),
    policiesPerSecond: Math.round((entries.length / ms) * 1000),
    msPerTemplate: Math.round((ms / TEMPLATES) * 100) / 100,
  }
}

const ONLY = process.env.BENCH_CLI_ONLY // 'simulate' or 'templates'
const sim = ONLY === 'templates' ? undefined : await simulate()
if (sim) console.log('simulate, whole process vs @cloud-copilot/iam-simulate:', JSON.stringify(sim, null, 2))
const tpl = ONLY === 'simulate' ? undefined : templates()
console.log('check on generated templates, one process:', JSON.stringify(tpl, null, 2))
mkdirSync(join(root, 'test-results'), { recursive: true })
writeFileSync(join(root, 'test-results', 'bench-cli.json'), JSON.stringify({ simulate: sim, templates: tpl }, null, 2) + '\n')
rmSync(work, { recursive: true, force: true })
