/**
 * Compiles the policies of a simulation case (shared/specs/simulation-case.md) into a policy set:
 * identityPolicies, resourcePolicy, permissionsBoundary, sessionPolicy, scps and rcps (levels of the
 * organization tree, each a policy or an array of policies). Never throws; problems land in `errors`.
 */
import { compilePolicy, type CompiledPolicy } from './compile'
import type { CompiledPolicySet } from './decide'
import type { SimPolicyType } from './types'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function compilePolicySetFrom(input: unknown): CompiledPolicySet {
  const set: CompiledPolicySet = { identity: [], scps: [], rcps: [], errors: [] }
  if (!isRecord(input)) {
    set.errors.push('a simulation case must be a JSON object')
    return set
  }
  const one = (value: unknown, label: string, type: SimPolicyType): CompiledPolicy | undefined => {
    const r = compilePolicy(value, label, type)
    if ('message' in r) {
      set.errors.push(r.message)
      return undefined
    }
    return r
  }
  const ids = input.identityPolicies
  if (ids !== undefined && ids !== null) {
    if (!Array.isArray(ids)) {
      const p = one(ids, 'identityPolicies', 'identity')
      if (p) set.identity.push(p)
    } else
      ids.forEach((doc, i) => {
        const p = one(doc, `identityPolicies[${i}]`, 'identity')
        if (p) set.identity.push({ ...p, label: `identity[${i}]` })
      })
  }
  const single = (key: string, label: string, type: SimPolicyType): CompiledPolicy | undefined => {
    const v = input[key]
    if (v === undefined || v === null) return undefined
    const p = one(v, key, type)
    return p ? { ...p, label } : undefined
  }
  const rp = single('resourcePolicy', 'resourcePolicy', 'resource')
  if (rp) set.resourcePolicy = rp
  const pb = single('permissionsBoundary', 'permissionsBoundary', 'boundary')
  if (pb) set.permissionsBoundary = pb
  const sp = single('sessionPolicy', 'sessionPolicy', 'session')
  if (sp) set.sessionPolicy = sp
  const levels = (key: 'scps' | 'rcps', type: SimPolicyType): CompiledPolicy[][] => {
    const v = input[key]
    if (v === undefined || v === null) return []
    if (!Array.isArray(v)) {
      set.errors.push(`${key} must be an array of levels (each a policy or an array of policies)`)
      return []
    }
    return v.map((level, i) => {
      if (Array.isArray(level))
        return level.map((doc, j) => one(doc, `${key}[${i}][${j}]`, type)).filter((p): p is CompiledPolicy => p !== undefined)
      const p = one(level, `${key}[${i}]`, type)
      return p ? [p] : []
    })
  }
  set.scps = levels('scps', 'scp')
  set.rcps = levels('rcps', 'rcp')
  return set
}
