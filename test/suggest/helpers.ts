import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Catalogue } from '../../src/engine/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { applyEdits } from '../../src/engine/findings/edits'
import type { Fix, PolicyType, Suggestion } from '../../src/engine/findings/types'
import { compilePolicySet, simulateAllActions } from '../../src/engine/simulate'
import { suggestPolicy, type SuggestOptions } from '../../src/engine/suggest'

export { applyEdits }

let cat: Catalogue | undefined
export async function catalogue(): Promise<Catalogue> {
  cat ??= await loadCatalogue()
  return cat
}

interface ManagedPolicy {
  name: string
  document: object
}
let managedCache: Map<string, ManagedPolicy> | undefined
export function managedPolicies(): Map<string, ManagedPolicy> {
  if (!managedCache) {
    const file = fileURLToPath(new URL('../../generated/managed-policies.json', import.meta.url))
    const data = JSON.parse(readFileSync(file, 'utf8')) as { policies: ManagedPolicy[] }
    managedCache = new Map(data.policies.map((p) => [p.name, p]))
  }
  return managedCache
}
export function managed(name: string): object {
  const p = managedPolicies().get(name)
  if (!p) throw new Error(`no managed policy ${name}`)
  return p.document
}

/** A pretty-printed policy of the given statements. */
export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
}

export function allow(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra }
}
export function deny(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra }
}

/** Ungrouped by default: these tests look at each check's own suggestions (group.test.ts covers grouping). */
export async function suggest(input: string | object, options: Partial<SuggestOptions> = {}): Promise<Suggestion[]> {
  return suggestPolicy(input, { catalogue: await catalogue(), group: false, ...options })
}

export function codes(list: Suggestion[]): string[] {
  return list.map((s) => s.code)
}

export function byCode(list: Suggestion[], code: string): Suggestion[] {
  return list.filter((s) => s.code === code)
}

export function one(list: Suggestion[], code: string): Suggestion {
  const hits = byCode(list, code)
  if (hits.length !== 1) throw new Error(`expected one ${code}, got ${hits.length}: ${codes(list).join(', ')}`)
  return hits[0]!
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits)
}

const CALLER = 'arn:aws:iam::111122223333:user/alice'
const CONTEXTS: Record<string, unknown>[] = [
  {},
  {
    'aws:MultiFactorAuthPresent': 'true',
    'aws:SecureTransport': 'true',
    'iam:PassedToService': 'ec2.amazonaws.com',
    'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
    'aws:SourceAccount': '111122223333',
    'aws:username': 'alice',
    'token.actions.githubusercontent.com:sub': 'repo:my-org/my-repo:ref:refs/heads/main',
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
  },
  { 'aws:SecureTransport': 'false', 'iam:PassedToService': 'lambda.amazonaws.com' },
]

function concrete(resource: string): string {
  return resource.replace(/\$\{[^}]*\}/g, 'v').replace(/\*/g, 'x').replace(/\?/g, 'y')
}

/** Service prefixes named by Action entries; undefined when some entry could be any service (or NotAction). */
function servicesOf(docs: unknown[]): string[] | undefined {
  const out = new Set<string>()
  let all = false
  const visit = (v: unknown, key?: string): void => {
    if (typeof v === 'string' && key === 'Action') {
      const i = v.indexOf(':')
      const svc = i < 0 ? v : v.slice(0, i)
      if (i < 0 || /[*?]/.test(svc)) all = true
      else out.add(svc.toLowerCase())
    } else if (key === 'NotAction') all = true
    else if (Array.isArray(v)) v.forEach((x) => visit(x, key))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k)
  }
  docs.forEach((d) => visit(d))
  return all ? undefined : [...out]
}

function resourcesOf(doc: unknown): string[] {
  const out = new Set<string>()
  const visit = (v: unknown, key?: string): void => {
    if (typeof v === 'string' && (key === 'Resource' || key === 'NotResource')) out.add(v)
    else if (Array.isArray(v)) v.forEach((x) => visit(x, key))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k)
  }
  visit(doc)
  return [...out]
}

/**
 * Does `after` allow anything `before` does not? Checked with the simulator over the whole catalogue, for
 * resources named by either document (made concrete) and a few generic ones, under several contexts.
 * Returns the first new grant found, or undefined.
 */
export async function newGrant(before: string, after: string, policyType: PolicyType = 'identity'): Promise<string | undefined> {
  const c = await catalogue()
  const b = JSON.parse(before) as object
  const a = JSON.parse(after) as object
  const resources = new Set<string>(['*', 'arn:aws:s3:::my-bucket/x', 'arn:aws:s3:::my-bucket', 'arn:aws:iam::111122223333:role/my-role', 'arn:aws:iam::111122223333:user/bob'])
  for (const r of [...resourcesOf(b), ...resourcesOf(a)]) {
    resources.add(concrete(r))
    if (r.includes('*')) resources.add(r.replace(/\*/g, 'zz'))
  }
  const set = (doc: object) =>
    compilePolicySet(policyType === 'resource' || policyType === 'trust' ? { resourcePolicy: doc } : { identityPolicies: [doc] })
  const beforeSet = set(b)
  const afterSet = set(a)
  // a policy the simulator rejects (no Action, say) cannot be compared; a fix must not make a good one bad
  if (beforeSet.errors.length) return undefined
  if (afterSet.errors.length) return `the fixed policy no longer compiles: ${afterSet.errors.join('; ')}`
  const principals = policyType === 'resource' || policyType === 'trust' ? [CALLER, 'arn:aws:iam::444455556666:user/bob', 's3.amazonaws.com'] : [CALLER]
  let compared = 0
  const services = servicesOf([b, a])
  const scopes: (string | undefined)[] = services ? services.filter((s) => c.service(s)) : [undefined]
  // neither policy names an action AWS knows: nothing to compare
  if (scopes.length === 0) return undefined
  for (const resource of resources) {
    if (resource.length > 300) continue
    for (const principal of principals) {
      for (const context of CONTEXTS) {
        for (const service of scopes) {
          const options = { catalogue: c, resource, principal, context, ...(service ? { service } : {}) }
          const was = simulateAllActions(beforeSet, options)
          const now = simulateAllActions(afterSet, options)
          if (was.error || now.error) continue
          compared++
          const allowedBefore = new Set(Object.values(was.allowed).flat())
          for (const action of Object.values(now.allowed).flat())
            if (!allowedBefore.has(action)) return `${action} on ${resource} for ${principal} with ${JSON.stringify(context)}`
        }
      }
    }
  }
  if (compared === 0) throw new Error('the simulator could not compare the two policies')
  return undefined
}
