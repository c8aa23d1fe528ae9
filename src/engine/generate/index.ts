/**
 * A least-privilege policy from observed activity, offline: what IAM Access Analyzer's policy generation
 * does from CloudTrail (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html).
 * Input: lines of `service:Action [ARN]`, or CloudTrail records as JSON ({"Records": [...]}, an array of
 * events, or one event per line). Pure and deterministic; never throws.
 */
import type { ActionInfo, Catalogue } from '../catalogue'
import { API_TO_ACTIONS, EVENT_SOURCE_PREFIX } from './api-names'
import { flattenParameters, resourcesFromEvent, type EventPlace } from './resources'

export interface ActivityPolicy {
  policy: { Version: string; Statement: Record<string, unknown>[] }
  text: string
  /** Entries that could not be turned into an action, in words (the CLI prints them as skipped). */
  unknown: string[]
}

/** Above this many ARNs under one parent path, they are written as `parent/*`. */
const COLLAPSE_OVER = 10
const MAX_LINES = 200_000

class Collector {
  readonly uses = new Map<string, { info: ActionInfo; resources: Set<string> }>()
  readonly unknown: string[] = []
  private readonly seenUnknown = new Set<string>()

  constructor(readonly catalogue: Catalogue) {}

  skip(what: string): void {
    if (this.seenUnknown.has(what) || this.unknown.length >= 1000) return
    this.seenUnknown.add(what)
    this.unknown.push(what)
  }

  /** IAM actions for an operation written `prefix:Name` (API names are mapped to their IAM actions). */
  resolve(prefix: string, name: string): ActionInfo[] {
    const cleaned = name.replace(/\d{8}(v\d+)?$/, '')
    const key = `${prefix}:${cleaned}`
    const mapped = Object.entries(API_TO_ACTIONS).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1]
    const names = mapped ?? [key]
    return names.map((n) => this.catalogue.action(n)).filter((a): a is ActionInfo => !!a)
  }

  add(info: ActionInfo, resources: string[]): void {
    let u = this.uses.get(info.key)
    if (!u) this.uses.set(info.key, (u = { info, resources: new Set() }))
    if (info.resourceTypes.length === 0 || resources.length === 0) u.resources.add('*')
    else for (const r of resources) u.resources.add(r)
  }

  line(text: string, lineNo: number): void {
    const parts = text.split(/[\s,]+/).filter(Boolean)
    const op = parts[0] ?? ''
    const c = op.indexOf(':')
    if (c <= 0 || /[*?]/.test(op)) {
      this.skip(`"${op}" (line ${lineNo}: not a service:Action name)`)
      return
    }
    const infos = this.resolve(op.slice(0, c).toLowerCase(), op.slice(c + 1))
    if (infos.length === 0) {
      this.skip(`"${op}" (line ${lineNo}: not an IAM action the catalogue knows)`)
      return
    }
    const arn = parts[1]
    if (arn !== undefined && arn !== '*' && !arn.startsWith('arn:')) this.skip(`"${arn}" (line ${lineNo}: not an ARN; the action is granted on "*")`)
    const resources = arn === '*' || arn === undefined || !arn.startsWith('arn:') ? [] : [arn]
    for (const info of infos) this.add(info, resources)
  }

  event(e: unknown, where: string): void {
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      this.skip(`${where}: not a CloudTrail event object`)
      return
    }
    const ev = e as Record<string, unknown>
    if (Array.isArray(ev.Records)) {
      ev.Records.forEach((r, i) => this.event(r, `${where} record ${i + 1}`))
      return
    }
    const source = typeof ev.eventSource === 'string' ? ev.eventSource : ''
    const name = typeof ev.eventName === 'string' ? ev.eventName : ''
    if (!source || !name) {
      this.skip(`${where}: no eventSource or eventName`)
      return
    }
    const label = source.replace(/\.amazonaws\.com(\.cn)?$/, '')
    const options = [EVENT_SOURCE_PREFIX[label], label, label.split('.').pop()].filter((x): x is string => !!x)
    const prefix = options.find((p) => this.catalogue.service(p))
    const infos = prefix ? this.resolve(prefix, name) : []
    if (infos.length === 0) {
      this.skip(`${source} ${name} (${where}: no matching IAM action)`)
      return
    }
    const region = typeof ev.awsRegion === 'string' ? ev.awsRegion : undefined
    const identity = ev.userIdentity && typeof ev.userIdentity === 'object' ? (ev.userIdentity as Record<string, unknown>) : {}
    const account =
      typeof ev.recipientAccountId === 'string' ? ev.recipientAccountId : typeof identity.accountId === 'string' ? identity.accountId : undefined
    const place: EventPlace = {
      partition: region?.startsWith('cn-') ? 'aws-cn' : region?.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
      ...(region ? { region } : {}),
      ...(account && /^\d{12}$/.test(account) ? { account } : {}),
    }
    const listed = Array.isArray(ev.resources)
      ? ev.resources.flatMap((r) => {
          const arn = r && typeof r === 'object' ? (r as Record<string, unknown>).ARN ?? (r as Record<string, unknown>).arn : undefined
          return typeof arn === 'string' ? [arn] : []
        })
      : []
    const params = flattenParameters(ev.requestParameters)
    for (const info of infos) this.add(info, resourcesFromEvent(this.catalogue, info, params, listed, place))
  }
}

/** Many ARNs under one parent (objects of a bucket, say) are written as `parent/*`. */
function collapse(resources: string[]): string[] {
  if (resources.includes('*')) return ['*']
  const byParent = new Map<string, string[]>()
  for (const r of resources) {
    const i = r.lastIndexOf('/')
    const parent = i > 0 ? r.slice(0, i) : r
    byParent.set(parent, [...(byParent.get(parent) ?? []), r])
  }
  const out: string[] = []
  for (const [parent, list] of byParent) {
    if (list.length > COLLAPSE_OVER && parent !== list[0]) out.push(`${parent}/*`)
    else out.push(...list)
  }
  return [...new Set(out)].sort()
}

function sidFor(prefix: string): string {
  const words = prefix.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Service'
}

function build(c: Collector): ActivityPolicy['policy'] {
  const groups = new Map<string, { service: string; actions: string[]; resources: string[] }>()
  for (const { info, resources } of c.uses.values()) {
    const res = collapse([...resources])
    const key = `${info.service}\n${res.join('\n')}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { service: info.service, actions: [], resources: res }))
    g.actions.push(info.key)
  }
  const list = [...groups.values()]
  for (const g of list) g.actions.sort()
  list.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.actions[0]! < b.actions[0]! ? -1 : 1))
  const count = new Map<string, number>()
  const statements = list.map((g) => {
    const n = (count.get(g.service) ?? 0) + 1
    count.set(g.service, n)
    return {
      Sid: `${sidFor(g.service)}${n > 1 ? `Group${n}` : ''}`,
      Effect: 'Allow',
      Action: g.actions.length === 1 ? g.actions[0] : g.actions,
      Resource: g.resources.length === 1 ? g.resources[0] : g.resources,
    }
  })
  return { Version: '2012-10-17', Statement: statements }
}

function parse(c: Collector, input: string): void {
  const trimmed = input.trim()
  if (!trimmed) return
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let doc: unknown
    let ok = true
    try {
      doc = JSON.parse(trimmed)
    } catch {
      ok = false
    }
    if (ok) {
      if (Array.isArray(doc))
        doc.forEach((e, i) => {
          if (typeof e === 'string') c.line(e, i + 1)
          else c.event(e, `item ${i + 1}`)
        })
      else c.event(doc, 'the document')
      return
    }
  }
  const lines = trimmed.split(/\r\n|\r|\n/).slice(0, MAX_LINES)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('//')) return
    if (line.startsWith('{')) {
      try {
        c.event(JSON.parse(line), `line ${i + 1}`)
      } catch {
        c.skip(`line ${i + 1}: not valid JSON`)
      }
      return
    }
    c.line(line, i + 1)
  })
}

/** Generates a least-privilege policy, grouped by service and resource, from the API calls a workload makes. */
export function policyFromActivity(input: string, options: { catalogue: Catalogue }): ActivityPolicy {
  const c = new Collector(options.catalogue)
  try {
    parse(c, typeof input === 'string' ? input : '')
  } catch {
    c.skip('the input could not be read')
  }
  const policy = build(c)
  return { policy, text: JSON.stringify(policy, null, 2), unknown: c.unknown }
}
