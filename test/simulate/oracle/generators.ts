/**
 * fast-check generators of simulation cases for differential testing against @cloud-copilot/iam-simulate.
 * The peer validates actions, resource ARNs and context keys against iam-data, so every case uses a real
 * action with a real ARN of its single resource type, and only global condition keys (which the peer
 * accepts for every action). Multivalued keys are always given as arrays, single-valued ones as strings.
 */
import fc from 'fast-check'

export const A = '111111111111'
export const B = '222222222222'

type Json = Record<string, unknown>

/** Real actions with an ARN of their resource type; `{acct}` is the resource account. */
const TARGETS: { action: string; resource: string }[] = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::data-bucket/reports/q1.csv' },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::data-bucket/home/alice/notes.txt' },
  { action: 's3:ListBucket', resource: 'arn:aws:s3:::data-bucket' },
  { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:{acct}:orders' },
  { action: 'sqs:ReceiveMessage', resource: 'arn:aws:sqs:us-west-2:{acct}:orders-dlq' },
  { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:{acct}:alerts' },
  { action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:{acct}:table/books' },
  { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:{acct}:function:handler' },
  { action: 'iam:GetUser', resource: 'arn:aws:iam::{acct}:user/bob' },
  { action: 'ec2:TerminateInstances', resource: 'arn:aws:ec2:us-east-1:{acct}:instance/i-0123456789abcdef0' },
  { action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:{acct}:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
  { action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:us-east-1:{acct}:secret:db-AbCdEf' },
  { action: 'sts:AssumeRole', resource: 'arn:aws:iam::{acct}:role/target' },
  { action: 'iam:ListUsers', resource: '*' },
]

const PRINCIPALS = [
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:sts::${A}:assumed-role/dev/s1`,
  `arn:aws:sts::${A}:assumed-role/dev/s1`,
  `arn:aws:iam::${A}:role/dev`,
  `arn:aws:iam::${A}:root`,
  `arn:aws:iam::${B}:user/bob`,
  'lambda.amazonaws.com',
]

const SESSION_PRINCIPALS = new Set([`arn:aws:sts::${A}:assumed-role/dev/s1`, `arn:aws:iam::${A}:role/dev`])

/** Global condition keys with the kind of values they take. */
const KEYS: { key: string; kind: 'string' | 'ip' | 'date' | 'numeric' | 'bool' | 'arn' | 'multi' | 'binary' }[] = [
  { key: 'aws:SourceIp', kind: 'ip' },
  { key: 'aws:PrincipalTag/team', kind: 'string' },
  { key: 'aws:RequestedRegion', kind: 'string' },
  { key: 'aws:username', kind: 'string' },
  { key: 'aws:PrincipalAccount', kind: 'string' },
  { key: 'aws:CurrentTime', kind: 'date' },
  { key: 'aws:TokenIssueTime', kind: 'date' },
  { key: 'aws:MultiFactorAuthAge', kind: 'numeric' },
  { key: 'aws:SecureTransport', kind: 'bool' },
  { key: 'aws:MultiFactorAuthPresent', kind: 'bool' },
  { key: 'aws:TagKeys', kind: 'multi' },
  { key: 'aws:SourceArn', kind: 'arn' },
  { key: 'aws:PrincipalArn', kind: 'arn' },
  { key: 'aws:PrincipalTag/blob', kind: 'binary' },
]

const REQUEST_VALUES: Record<string, string[]> = {
  ip: ['10.0.0.5', '203.0.113.7', '203.0.113.200', '192.0.2.1', '2001:db8::1', '2001:db8:1234:5678::9'],
  string: ['blue', 'red', 'Blue', 'us-east-1', 'eu-west-1', 'alice', A, ''],
  date: ['2021-06-01T12:00:00Z', '2020-01-01T00:00:00Z', '2023-03-15T08:30:00+02:00', '2019-12-31'],
  numeric: ['100', '3600', '10.0', '7200', '0'],
  bool: ['true', 'false'],
  arn: [`arn:aws:sns:us-east-1:${A}:alerts`, `arn:aws:iam::${A}:role/dev`, `arn:aws:iam::${A}:user/alice`, `arn:aws:s3:::data-bucket`],
  binary: ['QmluYXJ5', 'YQ==', 'QmluYXJ6'],
}

const POLICY_VALUES: Record<string, string[]> = {
  ip: ['10.0.0.0/8', '203.0.113.0/24', '203.0.113.0/25', '203.0.113.7', '0.0.0.0/0', '2001:db8::/32', '2001:DB8:1234:5678::/64', '::/0', '198.51.100.0/24'],
  string: ['blue', 'red', 'BLUE', 'b*', '?lue', '*', 'us-*', 'us-east-1', 'alice', A, '${aws:username}', '${aws:PrincipalTag/team}', "${aws:PrincipalTag/missing, 'blue'}", 'b${*}'],
  date: ['2021-01-01T00:00:00Z', '2021-06-01T12:00:00Z', '2021-06-01T14:00:00+02:00', '2020-06-01', '1609459200', '1622548800'],
  numeric: ['100', '3600', '10', '7200.0', '-1'],
  bool: ['true', 'false'],
  arn: [`arn:aws:sns:us-east-1:${A}:*`, 'arn:aws:iam::*:role/dev', `arn:aws:iam::${A}:user/*`, 'arn:aws:s3:::data-*', 'arn:aws:*:*:*:*', `arn:aws:iam::${A}:role/*`],
  binary: ['QmluYXJ5', 'YQ', 'QmluYXJ6'],
  multi: ['env', 'team', 'cost', 'env*', 'Env'],
}

const OPERATORS: Record<string, string[]> = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  ip: ['IpAddress', 'NotIpAddress'],
  date: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  numeric: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  bool: ['Bool'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
  binary: ['BinaryEquals'],
  multi: ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'],
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs)

/** `arb` with probability `p`, else null. */
function sometimes<T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | null> {
  const w = Math.round(p * 100)
  return fc.oneof({ weight: 100 - w, arbitrary: fc.constant(null) }, { weight: w, arbitrary: arb })
}

const contextArb = fc
  .subarray(KEYS, { maxLength: 6 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map(({ key, kind }) =>
        kind === 'multi'
          ? fc.subarray(['env', 'team', 'cost', 'Env', 'env-prod']).map((v) => [key, v] as const)
          : pick(REQUEST_VALUES[kind]!).map((v) => [key, v] as const),
      ),
    ),
  )
  .map((pairs) => Object.fromEntries(pairs) as Record<string, string | string[]>)

const conditionArb: fc.Arbitrary<Json> = fc
  .array(
    fc.record({
      keyInfo: pick(KEYS),
      any: fc.boolean(),
      qualifier: fc.constantFrom('', '', '', 'ForAnyValue:', 'ForAllValues:'),
      ifExists: fc.constantFrom(false, false, false, true),
      nullOp: fc.constantFrom(false, false, false, false, false, true),
      randomFamily: fc.constantFrom(false, false, false, false, true),
      family: pick(Object.keys(OPERATORS)),
      opIndex: fc.nat(),
      values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 2 },
  )
  .map((items) => {
    const cond: Record<string, Record<string, string | string[]>> = {}
    for (const it of items) {
      const { key, kind } = it.keyInfo
      let op: string
      let values: string[]
      if (it.nullOp) {
        op = 'Null'
        values = [it.any ? 'true' : 'false']
      } else {
        const family = it.randomFamily ? it.family : kind
        const ops = OPERATORS[family]!
        op = ops[it.opIndex % ops.length]!
        const pool = POLICY_VALUES[family] ?? POLICY_VALUES.string!
        values = [...new Set(it.values.map((n) => pool[n % pool.length]!))]
        const qualifier = kind === 'multi' ? (it.qualifier || 'ForAnyValue:') : it.qualifier === 'ForAllValues:' ? '' : it.qualifier
        op = `${qualifier}${op}${it.ifExists ? 'IfExists' : ''}`
      }
      cond[op] ??= {}
      cond[op]![key] = values.length === 1 ? values[0]! : values
    }
    return cond
  })

/** Action patterns derived from the request's action. */
function actionPatterns(action: string): string[] {
  const [svc, name] = action.split(':') as [string, string]
  return [action, action.toLowerCase(), `${svc}:*`, '*', `${svc}:${name.slice(0, 3)}*`, `${svc}:*${name.slice(-4)}`, `${svc}:${name.slice(0, -1)}?`, `${svc}:${name.slice(0, -1)}`, 's3:GetObject', 'ec2:*', 'iam:Get*']
}

/** Resource patterns derived from the request's resource. */
function resourcePatterns(resource: string): string[] {
  if (resource === '*') return ['*', '*', 'arn:aws:iam::*:user/*']
  const parts = resource.split(':')
  const rest = parts.slice(5).join(':')
  const out = ['*', resource, `${parts.slice(0, 5).join(':')}:*`]
  out.push([...parts.slice(0, 3), '*', ...parts.slice(4)].join(':'))
  out.push([...parts.slice(0, 4), '*', ...parts.slice(5)].join(':'))
  if (rest.length > 3) {
    out.push(`${parts.slice(0, 5).join(':')}:${rest.slice(0, rest.length - 2)}*`)
    out.push(`${parts.slice(0, 5).join(':')}:${rest.slice(0, -1)}?`)
    out.push(`${parts.slice(0, 5).join(':')}:${rest.slice(0, 2)}*${rest.slice(-2)}`)
    out.push(`${parts.slice(0, 5).join(':')}:${rest.toUpperCase()}`)
  }
  out.push('arn:aws:s3:::data-bucket/home/${aws:username}/*', 'arn:aws:s3:::data-bucket/${aws:PrincipalTag/team}/*', `arn:aws:sqs:us-east-1:${A}:\${aws:username}`, 'arn:aws:s3:::other-bucket/*')
  return out
}

const principalElementArb = (principal: string) =>
  fc.constantFrom<unknown>(
    '*',
    { AWS: '*' },
    { AWS: A },
    { AWS: `arn:aws:iam::${A}:root` },
    { AWS: B },
    { AWS: `arn:aws:iam::${A}:user/alice` },
    { AWS: `arn:aws:iam::${A}:role/dev` },
    { AWS: `arn:aws:sts::${A}:assumed-role/dev/s1` },
    { AWS: `arn:aws:iam::${B}:user/bob` },
    { Service: 'lambda.amazonaws.com' },
    { AWS: principal.startsWith('arn:') ? principal : A },
  )

function statementArb(action: string, resource: string, kind: 'identity' | 'resource' | 'scp' | 'rcp', principal: string): fc.Arbitrary<Json> {
  return fc
    .record({
      effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
      notAction: fc.constantFrom(false, false, false, false, true),
      actions: fc.subarray(actionPatterns(action), { minLength: 1, maxLength: 2 }),
      notResource: fc.constantFrom(false, false, false, false, true),
      resources: fc.subarray(resourcePatterns(resource), { minLength: 1, maxLength: 2 }),
      condition: sometimes(conditionArb, 0.5),
      principal: principalElementArb(principal),
      notPrincipal: fc.constantFrom(false, false, false, false, false, true),
      omitResource: fc.boolean(),
    })
    .map((r) => {
      const s: Json = { Effect: r.effect }
      s[r.notAction && kind !== 'rcp' ? 'NotAction' : 'Action'] = r.actions.length === 1 ? r.actions[0] : r.actions
      if (!(kind === 'resource' && r.omitResource)) s[r.notResource && kind !== 'rcp' ? 'NotResource' : 'Resource'] = r.resources.length === 1 ? r.resources[0] : r.resources
      if (kind === 'resource') {
        if (r.notPrincipal && r.effect === 'Deny') s.NotPrincipal = typeof r.principal === 'string' ? { AWS: A } : r.principal
        else s.Principal = r.principal
      }
      if (kind === 'rcp') {
        // RCPs may only deny (RCPFullAWSAccess is implied), with Principal "*" and no "*" action.
        s.Effect = 'Deny'
        s.Principal = '*'
        const acts = (Array.isArray(s.Action) ? s.Action : [s.Action]).filter((a) => a !== '*')
        s.Action = acts.length ? acts : [`${action.split(':')[0]}:*`]
      }
      if (r.condition) s.Condition = r.condition
      return s
    })
}

function policyArb(action: string, resource: string, kind: 'identity' | 'resource' | 'scp' | 'rcp', principal: string): fc.Arbitrary<Json> {
  return fc
    .record({
      version: fc.constantFrom('2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17'),
      statements: fc.array(statementArb(action, resource, kind, principal), { minLength: 1, maxLength: 3 }),
    })
    .map(({ version, statements }) => ({ Version: kind === 'rcp' ? '2012-10-17' : version, Statement: statements }))
}

/** A whole case: request + policies of every layer. */
export const caseArb: fc.Arbitrary<Json> = fc
  .record({ target: pick(TARGETS), principal: pick(PRINCIPALS), crossAccount: fc.constantFrom(false, false, false, true) })
  .chain(({ target, principal, crossAccount }) => {
    const acct = crossAccount ? B : A
    const resource = target.resource.replace('{acct}', acct)
    const action = target.action
    const session = SESSION_PRINCIPALS.has(principal)
    return fc
      .record({
        context: contextArb,
        identity: fc.array(policyArb(action, resource, 'identity', principal), { maxLength: 2 }),
        resourcePolicy: sometimes(policyArb(action, resource, 'resource', principal), 0.55),
        boundary: sometimes(policyArb(action, resource, 'identity', principal), 0.25),
        session: session ? sometimes(policyArb(action, resource, 'identity', principal), 0.4) : fc.constant(null),
        scps: sometimes(fc.array(policyArb(action, resource, 'scp', principal), { minLength: 1, maxLength: 2 }), 0.25),
        rcps: sometimes(fc.array(policyArb(action, resource, 'rcp', principal), { minLength: 1, maxLength: 1 }), 0.15),
      })
      .map((p) => {
        const isService = !principal.startsWith('arn:')
        const c: Json = {
          request: { action, resource, principal, resourceAccount: acct, context: p.context },
          identityPolicies: isService ? [] : p.identity,
        }
        if (p.resourcePolicy) c.resourcePolicy = p.resourcePolicy
        if (p.boundary && !isService) c.permissionsBoundary = p.boundary
        if (p.session) c.sessionPolicy = p.session
        if (p.scps && !isService) c.scps = p.scps
        if (p.rcps) c.rcps = p.rcps
        return c
      })
  })

/** A deterministic sample of `n` cases. */
export function sampleCases(n: number, seed = 20260926): Json[] {
  return fc.sample(caseArb, { numRuns: n, seed })
}
