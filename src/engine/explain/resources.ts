import { parseArn } from '../arn/arn'
import { compileArnFormat, resourceMatchesFormat } from '../arn/format'
import type { Catalogue } from '../catalogue'
import { joinAnd, quote } from './words'

function kind(typeName: string): string {
  return typeName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
}

function plural(word: string): string {
  if (/(s|x|ch|sh)$/.test(word)) return word + 'es'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

function named(what: string, name: string): string {
  if (name === '*' || name === '') return `all ${plural(what)}`
  if (/^\$\{aws:username\}$/i.test(name)) return `the caller's own ${what}`
  if (/[*?]/.test(name)) {
    const prefix = /^[^*?]+\*$/.test(name) ? name.slice(0, -1) : undefined
    return prefix ? `${plural(what)} whose names start with ${quote(prefix)}` : `${plural(what)} matching ${quote(name)}`
  }
  return `${what} ${quote(name)}`
}

function s3(resource: string): string {
  const slash = resource.indexOf('/')
  if (slash < 0) return named('bucket', resource)
  const bucket = resource.slice(0, slash)
  const key = resource.slice(slash + 1)
  const where = bucket === '*' ? 'every bucket' : /[*?]/.test(bucket) ? `buckets matching ${quote(bucket)}` : `bucket ${quote(bucket)}`
  if (key === '*') return `all objects in ${where}`
  if (/^[^*?]+\/?\*$/.test(key)) return `objects under ${quote(key.slice(0, -1))} in ${where}`
  if (/[*?]/.test(key)) return `objects matching ${quote(key)} in ${where}`
  return `object ${quote(key)} in ${where}`
}

/**
 * One Resource value in words: `arn:aws:s3:::logs/*` → "all objects in bucket `logs`",
 * `arn:aws:iam::111122223333:role/app` → "role `app`". The resource type comes from the catalogue's ARN formats.
 */
export function describeResource(value: string, catalogue: Catalogue): string {
  if (value === '*') return 'all resources'
  const arn = parseArn(value)
  if (!arn) return quote(value)
  if (arn.service === 's3' && !arn.region && !arn.account) return s3(arn.resource)
  const svc = catalogue.service(arn.service)
  let best: { type: string; prefix: string } | undefined
  for (const rt of svc?.resourceTypes.values() ?? []) {
    for (const f of rt.arns) {
      const rest = f.split(':').slice(5).join(':')
      const prefix = rest.slice(0, rest.indexOf('${') < 0 ? rest.length : rest.indexOf('${'))
      if (!prefix || !arn.resource.startsWith(prefix) || !resourceMatchesFormat(value, compileArnFormat(f))) continue
      if (!best || prefix.length > best.prefix.length) best = { type: rt.name, prefix }
    }
  }
  const serviceName = svc?.name ?? arn.service
  if (!best) return arn.resource === '*' ? `all ${serviceName} resources` : `${serviceName} resource ${quote(arn.resource)}`
  const name = arn.resource.slice(best.prefix.length)
  return named(kind(best.type), name)
}

/** A list of Resource values, with a bucket and its objects said together. */
export function describeResources(values: readonly string[], catalogue: Catalogue): string {
  if (values.length === 0) return 'no resources'
  if (values.includes('*')) return 'all resources'
  const set = new Set(values)
  const parts: string[] = []
  for (const v of values) {
    if (v.endsWith('/*') && set.has(v.slice(0, -2))) continue
    const d = describeResource(v, catalogue)
    parts.push(set.has(v + '/*') && v.startsWith('arn:') && parseArn(v)?.service === 's3' ? `${d} and its objects` : d)
  }
  if (parts.length > 5) return `${parts.length} resources (${parts.slice(0, 3).join(', ')} and ${parts.length - 3} more)`
  return joinAnd(parts)
}
