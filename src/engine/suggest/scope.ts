import { arnFields } from '../arn/arn'
import { rejectedOnAwsOwned } from '../arn/aws-owned'
import { compileArnFormat, resourceMatchesFormat, type ArnFormat } from '../arn/format'
import type { ActionInfo, Catalogue } from '../catalogue'
import { globCovers, globMatch } from '../patterns/glob'
import { replaceVariables } from '../patterns/variables'
import type { StatementInfo } from './statements'

/**
 * How much of an action's resources a statement reaches:
 * - `all`: every resource of the kinds the action works on (`*`, NotResource, or an ARN whose name part is all wildcard);
 * - `pattern`: a wildcard name (`role/app-*`);
 * - `self`: the caller's own user, through `${aws:username}` or `${aws:userid}`;
 * - `specific`: named resources only.
 * Per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export type ResourceScope = 'all' | 'pattern' | 'self' | 'specific'

export const SCOPE_RANK: Record<ResourceScope, number> = { all: 3, pattern: 2, self: 1.5, specific: 1 }

const formatCache = new Map<string, ArnFormat>()
function format(f: string): ArnFormat {
  let c = formatCache.get(f)
  if (!c) {
    c = compileArnFormat(f)
    formatCache.set(f, c)
  }
  return c
}

/** ARN formats of the resource types an action can be scoped to (empty: the action only works with `*`). */
export function actionFormats(catalogue: Catalogue, info: ActionInfo): ArnFormat[] {
  return formatsOf(catalogue, info).formats
}

const formatsByAction = new WeakMap<ActionInfo, { formats: ArnFormat[]; key: string }>()

/** The action's ARN formats, and a key naming that list (many actions share one, e.g. every S3 object action). */
function formatsOf(catalogue: Catalogue, info: ActionInfo): { formats: ArnFormat[]; key: string } {
  let hit = formatsByAction.get(info)
  if (!hit) {
    const formats: ArnFormat[] = []
    for (const rt of info.resourceTypes) {
      const t = catalogue.resourceType(info.service, rt.name)
      for (const a of t?.arns ?? []) formats.push(format(a))
    }
    hit = { formats, key: formats.map((f) => f.format).join('\n') }
    formatsByAction.set(info, hit)
  }
  return hit
}

/** Scopes already worked out per statement and format list: a statement is asked about every action it names. */
const scopes = new WeakMap<StatementInfo, Map<string, ResourceScope | undefined>>()

const SELF = /\$\{aws:(username|userid)\}/i

/** Scope of one resource pattern by its text alone. */
export function textualScope(resource: string): ResourceScope {
  if (resource === '*') return 'all'
  if (SELF.test(resource)) return 'self'
  const f = arnFields(resource)
  if (f.length === 6 && /^[*?]*$/.test(f[5]!.replace(/^[^/:]*[/:]/, ''))) return 'all'
  return /[*?]|\$\{/.test(resource) ? 'pattern' : 'specific'
}

/**
 * Does the resource pattern name every resource of this ARN format (partition, Region and account aside)?
 * Variables count as fixed text here, so `user/${aws:username}` does not cover all users.
 */
export function coversFormat(resource: string, f: ArnFormat): boolean {
  const fields = arnFields(replaceVariables(resource, '\u0001'))
  if (fields.length < 6) return fields[fields.length - 1] === '*' && fields.length >= 1 && globCovers(fields.join(':'), f.glob)
  fields[1] = '*'
  if (fields[3] !== '') fields[3] = '*'
  if (fields[4] !== '') fields[4] = '*'
  return globCovers(fields.join(':'), f.glob)
}

/**
 * The widest scope at which the statement grants (or denies) `action`, or undefined when none of its
 * resources can name a resource of that action. `forDeny` reads NotResource as narrowing, not widening.
 */
export function statementScope(s: StatementInfo, info: ActionInfo | undefined, catalogue: Catalogue, forDeny = false): ResourceScope | undefined {
  if (s.notResource) return forDeny ? undefined : 'all'
  if (!s.resources) return 'all'
  if (s.resources.includes('*')) return 'all'
  const { formats, key } = info ? formatsOf(catalogue, info) : { formats: [], key: '' }
  // the answer depends on the resources and the format list only, once the action has resource types
  const cacheable = !!info && info.resourceTypes.length > 0 && formats.length > 0
  let cache = cacheable ? scopes.get(s) : undefined
  if (cacheable && !cache) scopes.set(s, (cache = new Map()))
  if (cache?.has(key)) return cache.get(key)
  let best: ResourceScope | undefined
  for (const r of s.resources) {
    const scope = resourceScope(r, info, formats)
    if (scope && (!best || SCOPE_RANK[scope] > SCOPE_RANK[best])) best = scope
    if (best === 'all') break
  }
  cache?.set(key, best)
  return best
}

function resourceScope(r: string, info: ActionInfo | undefined, formats: ArnFormat[]): ResourceScope | undefined {
  if (r === '*') return 'all'
  if (!info) return textualScope(r)
  // AWS rejects changes to resources it owns (AWS managed policies, alias/aws/*, AWSReservedSSO_* roles), so a
  // write "granted" only there grants nothing.
  if (rejectedOnAwsOwned(info, r)) return undefined
  if (info.resourceTypes.length === 0) return globMatch(r, '*') ? 'all' : undefined
  if (formats.length === 0) return textualScope(r)
  const matching = formats.filter((f) => resourceMatchesFormat(r, f))
  if (matching.length === 0) return undefined
  if (matching.some((f) => coversFormat(r, f))) return 'all'
  const t = textualScope(r)
  return t === 'all' ? 'pattern' : t
}
