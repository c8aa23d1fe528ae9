/** Builds a simulation case (shared/specs/simulation-case.md) from the Simulate tab's form. Pure. */
import type { PolicyType } from '../../engine/findings/types'

export interface ExtraPolicies {
  /** More identity-based policies of the principal. */
  identity?: string
  boundary?: string
  scp?: string
  rcp?: string
  resourcePolicy?: string
  sessionPolicy?: string
}

export interface SimulationForm {
  action: string
  resource: string
  principal: string
  /** Context key → value as typed; multivalued keys as comma-separated text. */
  context: Record<string, string>
  /** Keys whose values are lists (ArrayOf* types). */
  multivalued: string[]
  extras: ExtraPolicies
}

export interface SimulationCaseJson {
  id?: string
  request: { action: string; resource: string; principal?: string; context?: Record<string, string | string[]> }
  identityPolicies: (string | object)[]
  resourcePolicy?: string | object
  permissionsBoundary?: string | object
  scps?: (string | object)[]
  rcps?: (string | object)[]
  sessionPolicy?: string | object
  description?: string
}

/** Allow-everything identity policy, assumed when the policy under test is not an identity policy. */
export const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'

const present = (s: string | undefined): s is string => typeof s === 'string' && s.trim().length > 0

export function buildCase(current: { text: string; policyType: PolicyType }, form: SimulationForm): SimulationCaseJson {
  const context: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(form.context)) {
    if (!k.trim() || v.trim() === '') continue
    context[k.trim()] = form.multivalued.includes(k)
      ? v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : v.trim()
  }
  const request: SimulationCaseJson['request'] = { action: form.action.trim(), resource: form.resource.trim() || '*' }
  if (present(form.principal)) request.principal = form.principal.trim()
  if (Object.keys(context).length) request.context = context
  const c: SimulationCaseJson = { request, identityPolicies: [] }
  const e = form.extras
  switch (current.policyType) {
    case 'identity':
      c.identityPolicies.push(current.text)
      break
    case 'resource':
    case 'trust':
      c.resourcePolicy = current.text
      break
    case 'boundary':
      c.permissionsBoundary = current.text
      break
    case 'scp':
      c.scps = [current.text]
      break
    case 'rcp':
      c.rcps = [current.text]
      break
    case 'session':
      c.sessionPolicy = current.text
      break
  }
  if (present(e.identity)) c.identityPolicies.push(e.identity)
  // A resource policy alone decides same-account access only with an identity policy or a principal it
  // names; guardrail policies (SCP, RCP, boundary, session) only ever limit: assume the identity allows all.
  if (c.identityPolicies.length === 0 && current.policyType !== 'resource' && current.policyType !== 'trust') c.identityPolicies.push(ALLOW_ALL)
  if (present(e.resourcePolicy) && !c.resourcePolicy) c.resourcePolicy = e.resourcePolicy
  if (present(e.boundary) && !c.permissionsBoundary) c.permissionsBoundary = e.boundary
  if (present(e.scp)) c.scps = [...(c.scps ?? []), e.scp]
  if (present(e.rcp)) c.rcps = [...(c.rcps ?? []), e.rcp]
  if (present(e.sessionPolicy) && !c.sessionPolicy) c.sessionPolicy = e.sessionPolicy
  return c
}

/** The case as the CLI reads it: policies given as text are parsed back to objects where they are JSON. */
export function exportCase(c: SimulationCaseJson): string {
  const doc = (p: string | object): string | object => {
    if (typeof p !== 'string') return p
    try {
      return JSON.parse(p) as object
    } catch {
      return p
    }
  }
  const out: SimulationCaseJson = { ...c, identityPolicies: c.identityPolicies.map(doc) }
  if (c.resourcePolicy) out.resourcePolicy = doc(c.resourcePolicy)
  if (c.permissionsBoundary) out.permissionsBoundary = doc(c.permissionsBoundary)
  if (c.sessionPolicy) out.sessionPolicy = doc(c.sessionPolicy)
  if (c.scps) out.scps = c.scps.map(doc)
  if (c.rcps) out.rcps = c.rcps.map(doc)
  return JSON.stringify(out, null, 2)
}

/** Default resource for an action: its first required resource type's ARN with the account filled in, else `*`. */
/** Example values for the common ARN placeholders (AWS's documentation names). */
const EXAMPLES: Record<string, string> = {
  BucketName: 'amzn-s3-demo-bucket',
  ObjectName: 'example.txt',
  RoleName: 'example-role',
  RoleNameWithPath: 'example-role',
  UserName: 'example-user',
  UserNameWithPath: 'example-user',
  GroupName: 'example-group',
  GroupNameWithPath: 'example-group',
  PolicyName: 'example-policy',
  PolicyNameWithPath: 'example-policy',
  FunctionName: 'example-function',
  TableName: 'example-table',
  QueueName: 'example-queue',
  TopicName: 'example-topic',
  KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
  InstanceId: 'i-0123456789abcdef0',
  SecretId: 'example-secret-AbCdEf',
  LogGroupName: 'example-log-group',
}

function exampleFor(name: string): string {
  if (EXAMPLES[name]) return EXAMPLES[name]
  const words = name
    .replace(/(WithPath|Name|Id)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
  return /Id$/.test(name) ? `example-${words || 'id'}-1` : `example-${words || 'name'}`
}

/**
 * A concrete example ARN of the action's resource type (never a template full of `${...}`): the format
 * with the fewest placeholders (the plain resource before access points and the like), with the console's
 * account, Region and partition and example names.
 */
export function defaultResource(arnFormats: string[], accountId: string | undefined, region: string | undefined, partition: string): string {
  const count = (f: string) => (f.match(/\$\{/g) ?? []).length
  const f = [...arnFormats].sort((a, b) => count(a) - count(b))[0]
  if (!f) return '*'
  return f
    .replace(/\$\{Partition\}/g, partition)
    .replace(/\$\{Region\}/g, region ?? 'us-east-1')
    .replace(/\$\{Account\}/g, accountId ?? '111111111111')
    .replace(/\$\{([A-Za-z0-9]+)\}/g, (_m, name: string) => exampleFor(name))
}

/** The simulator's label for the policy the editor holds (where buildCase puts it). */
export function editorPolicyLabel(policyType: PolicyType): string {
  switch (policyType) {
    case 'identity':
      return 'identity[0]'
    case 'resource':
    case 'trust':
      return 'resourcePolicy'
    case 'boundary':
      return 'permissionsBoundary'
    case 'scp':
      return 'scps[0]'
    case 'rcp':
      return 'rcps[0]'
    case 'session':
      return 'sessionPolicy'
  }
}

const POLICY_WORDS: Record<string, string> = {
  resourcePolicy: 'the resource policy',
  permissionsBoundary: 'the permissions boundary',
  sessionPolicy: 'the session policy',
}

function policyWords(label: string): string {
  const m = /^(identity|scps|rcps)\[(\d+)\](?:\[(\d+)\])?$/.exec(label)
  if (!m) return POLICY_WORDS[label] ?? label
  const n = Number(m[2]) + 1
  if (m[1] === 'identity') return `identity policy ${n}`
  return `${m[1] === 'scps' ? 'SCP' : 'RCP'} level ${n}${m[3] !== undefined ? ` (policy ${Number(m[3]) + 1})` : ''}`
}

const REF = /\b(identity\[\d+\]|resourcePolicy|permissionsBoundary|sessionPolicy|(?:scps|rcps)\[\d+\](?:\[\d+\])?) Statement\[(\d+)\](?: \(Sid "((?:[^"\\]|\\.)*)"\))?/g

/**
 * The simulator's explanation in plain words: `identity[0] Statement[1] (Sid "NoDeletes")` becomes
 * "statement NoDeletes, line 12" for the editor's own policy (the line from the explanation's range), and
 * "statement 2 of the permissions boundary" for the others.
 */
export function plainExplanation(text: string, editorLabel: string, line?: { policy?: string; statement?: number; range?: { start: { line: number } } }): string {
  return text.replace(REF, (_all, label: string, index: string, sid: string | undefined) => {
    const name = sid ? `statement ${sid}` : `statement ${Number(index) + 1}`
    if (label === editorLabel || (editorLabel === 'scps[0]' && label === 'scps[0][0]') || (editorLabel === 'rcps[0]' && label === 'rcps[0][0]')) {
      const ln = line?.policy === label && line.statement === Number(index) && line.range ? `, line ${line.range.start.line}` : ''
      return `${name}${ln}`
    }
    return `${name} of ${policyWords(label)}`
  })
}
