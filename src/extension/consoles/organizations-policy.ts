import { inBreadcrumbs, nearHeading, service } from './text'
import type { ConsolePage } from './types'

const isRcp = (text: string) => /resource control polic/i.test(text)
const isScp = (text: string) => /service control polic/i.test(text)

/** AWS Organizations: create or edit a service control policy (SCP) or resource control policy (RCP). */
export const organizationsPolicy: ConsolePage = {
  id: 'organizations-policy',
  description: 'AWS Organizations service or resource control policy',
  matches: (ctx) =>
    ctx.breadcrumbs.some((b) => isScp(b) || isRcp(b)) ||
    ctx.headings.slice(0, 4).some((h) => isScp(h) || isRcp(h)) ||
    (service(ctx) === 'organizations' && nearHeading(ctx, /polic/i, 4)),
  policyType: (ctx) => {
    if (inBreadcrumbs(ctx, /resource control polic/i) || ctx.headings.slice(0, 4).some(isRcp) || /resource-control-policy/.test(ctx.url.pathname)) return 'rcp'
    return 'scp'
  },
}
