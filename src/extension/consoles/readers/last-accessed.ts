import type { ActionUse, ServiceUse } from '../../../engine/tighten/last-accessed'
import { clean } from './dom'
import { pagePrincipal } from './principal'
import type { PageReader } from './types'

const DAY = 86_400_000

/**
 * "Today", "Yesterday", "3 days ago", "5 hours ago", "2 months ago", a date, or "Not accessed in the
 * tracking period" (undefined) → an ISO time, relative to `now`. Unknown text → undefined with `known` false.
 */
export function absoluteTime(text: string, now: number): { iso?: string; known: boolean } {
  const t = text.trim().toLowerCase()
  if (!t || /not accessed/.test(t)) return { known: true }
  const iso = (ms: number) => ({ iso: new Date(ms).toISOString(), known: true })
  if (/^today\b/.test(t)) return iso(now)
  if (/^yesterday\b/.test(t)) return iso(now - DAY)
  const m = /^(\d{1,4})\s+(minute|hour|day|week|month|year)s?\s+ago/.exec(t)
  if (m) {
    const n = Number(m[1])
    const unit = { minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY }[m[2] as 'day']
    return iso(now - n * unit)
  }
  const parsed = Date.parse(text.replace(/\s*\(UTC([+-]\d{2}:\d{2})\)/, ' GMT$1').replace(/ UTC$/, 'Z'))
  return Number.isFinite(parsed) ? iso(parsed) : { known: false }
}

function columns(table: Element): string[] {
  const header = table.querySelector('thead tr') ?? table.querySelector('tr')
  return header ? [...header.children].map((c) => clean(c.textContent).toLowerCase()) : []
}

/** The headers of the containers that hold `el` (a Cloudscape Container, an ExpandableSection), nearest first. */
function sectionTitle(el: Element): string {
  const out: string[] = []
  let a: Element | null = el.parentElement
  for (let i = 0; a && i < 12 && out.length < 4; i++, a = a.parentElement) {
    // Stop at the container that holds another table of the page (the services table).
    if ([...a.querySelectorAll('table')].some((t) => t !== el)) break
    const h = a.querySelector('h2, h3, h4, [role="heading"]')
    if (h && !h.contains(el)) {
      const t = clean(h.textContent, 200)
      if (t && !out.includes(t)) out.push(t)
    }
  }
  return out.join(' | ')
}

/**
 * A user's or role's Last Accessed tab: the services the principal's policies allow with when each was
 * last accessed, and, for services with action-level information, each tracked action's last access.
 * Service names are kept as shown (resolved to namespaces with the catalogue later).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed-view-data.html
 */
export const lastAccessedTab: PageReader = {
  id: 'iam-last-accessed',
  description: 'Last accessed information of an IAM user or role',
  read(input) {
    const p = pagePrincipal(input)
    if ((p.kind !== 'user' && p.kind !== 'role') || !p.arn) return undefined
    const now = Date.now()
    const services: ServiceUse[] = []
    const actionTables: { title: string; actions: ActionUse[] }[] = []
    for (const table of input.doc.querySelectorAll('table')) {
      const cols = columns(table)
      const last = cols.findIndex((c) => /^last accessed/.test(c))
      if (last < 0) continue
      const svcCol = cols.findIndex((c) => /^(allowed )?services?\b/.test(c))
      const actCol = cols.findIndex((c) => /^actions?\b/.test(c))
      const regionCol = cols.findIndex((c) => /^region/.test(c))
      const rows = [...table.querySelectorAll('tbody tr')].slice(0, 1000)
      if (svcCol >= 0) {
        for (const row of rows) {
          const name = clean(row.children[svcCol]?.textContent, 200)
          const when = absoluteTime(clean(row.children[last]?.textContent, 200), now)
          if (!name || !when.known) continue
          services.push({ namespace: '', name, ...(when.iso ? { lastAccessed: when.iso } : {}) })
        }
      } else if (actCol >= 0) {
        const actions: ActionUse[] = []
        for (const row of rows) {
          const action = clean(row.children[actCol]?.textContent, 200)
          const when = absoluteTime(clean(row.children[last]?.textContent, 200), now)
          const region = regionCol >= 0 ? clean(row.children[regionCol]?.textContent, 64) : ''
          if (!action || !/^[\w-]+(:[\w-]+)?$/.test(action) || !when.known) continue
          actions.push({ action, ...(when.iso ? { lastAccessed: when.iso } : {}), ...(region && region !== '-' ? { region } : {}) })
        }
        if (actions.length) actionTables.push({ title: sectionTitle(table), actions })
      }
    }
    if (!services.length) return undefined
    // Action tables belong to the service their section names ("Amazon S3 actions").
    for (const t of actionTables) {
      const svc = services.filter((s) => s.name && t.title.toLowerCase().includes(s.name.toLowerCase())).sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0))[0]
      if (svc) svc.actions = [...(svc.actions ?? []), ...t.actions]
    }
    return { reader: this.id, title: `Last accessed by ${p.kind}/${p.name}`, principal: p.arn, policies: [], lastAccessed: { services, readAt: now } }
  },
}
