import type { ActionInfo, Catalogue } from '../catalogue'
import { compileArnFormat, resourceMatchesFormat } from '../arn/format'

/** The request fields of a CloudTrail event, flattened to `lower-case name → string value` (first two levels). */
export function flattenParameters(params: unknown): Map<string, string> {
  const out = new Map<string, string>()
  const visit = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 2) return
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (typeof x === 'string' && !out.has(k.toLowerCase())) out.set(k.toLowerCase(), x)
      else if (x && typeof x === 'object' && !Array.isArray(x)) visit(x, depth + 1)
    }
  }
  visit(params, 0)
  return out
}

/** Resource types whose ARNs an action's grant needs: the required ones, else the first listed. */
export function neededTypes(info: ActionInfo): string[] {
  const req = info.resourceTypes.filter((r) => r.required).map((r) => r.name)
  if (req.length) return req
  const plain = info.resourceTypes.filter((r) => !/accesspoint|multiregion|objectlambda/i.test(r.name))
  const first = (plain.length ? plain : info.resourceTypes)[0]
  return first ? [first.name] : []
}

function candidates(placeholder: string): string[] {
  const p = placeholder.toLowerCase()
  const base = p.replace(/withpath$/, '').replace(/withoutleadingslash$/, '')
  const out = [base, p]
  if (base.endsWith('name')) out.push(base.slice(0, -4), base.slice(0, -4) + 'id', base.slice(0, -4) + 'arn')
  else out.push(base + 'name', base + 'id')
  if (base === 'objectname') out.push('key')
  if (base === 'queuename') out.push('queueurl')
  return out
}

export interface EventPlace {
  partition: string
  region?: string
  account?: string
}

/**
 * ARNs for one call of `info`, from the event's `resources` list or from request parameters that fill the
 * catalogue's ARN formats. Empty when they cannot be told.
 */
export function resourcesFromEvent(
  catalogue: Catalogue,
  info: ActionInfo,
  params: Map<string, string>,
  listed: string[],
  place: EventPlace,
): string[] {
  const out: string[] = []
  for (const typeName of neededTypes(info)) {
    const rt = catalogue.resourceType(info.service, typeName)
    const format = rt?.arns[0]
    if (!format) continue
    const compiled = compileArnFormat(format)
    const direct = [...listed, ...params.values()].find((v) => v.startsWith('arn:') && resourceMatchesFormat(v, compiled) && !/[*?]/.test(v))
    if (direct) {
      out.push(direct)
      continue
    }
    let ok = true
    const last = [...format.matchAll(/\$\{([^}]*)\}/g)].pop()?.[1]
    const arn = format.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
      if (name === 'Partition') return place.partition
      if (name === 'Region') return place.region ?? ((ok = false), '')
      if (name === 'Account') return place.account ?? ((ok = false), '')
      for (const c of [...candidates(name), ...(name === last && /Name/.test(name) ? ['name'] : [])]) {
        let v = params.get(c)
        if (v === undefined) continue
        if (c === 'queueurl') v = v.slice(v.lastIndexOf('/') + 1)
        if (name.endsWith('WithoutLeadingSlash')) v = v.replace(/^\/+/, '')
        if (v.startsWith('arn:')) v = v.slice(v.lastIndexOf(v.includes('/') ? '/' : ':') + 1)
        if (v) return v
      }
      ok = false
      return ''
    })
    if (ok) out.push(arn)
  }
  return out
}
