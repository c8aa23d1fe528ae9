import { clean, findArn, headings } from './dom'
import { pagePrincipal } from './principal'
import type { PageReader } from './types'

/**
 * A role's or user's "Permissions boundary" section: the managed policy set as its boundary, by name and
 * link. The document comes from the bundled data (AWS managed) or the policy's JSON view (customer managed).
 */
export const permissionsBoundary: PageReader = {
  id: 'iam-permissions-boundary',
  description: 'Permissions boundary of an IAM role or user',
  read(input) {
    for (const h of headings(input.doc, /^permissions boundary\b/i)) {
      // The section: the nearest ancestor with a policy link or an ARN outside the heading, short of the
      // permissions table (whose links are the attached policies, not the boundary).
      let section: Element | undefined
      let a: Element | null = h.parentElement
      for (let i = 0; a && i < 8; i++, a = a.parentElement) {
        if (a.querySelector('table')) break
        const links = [...a.querySelectorAll('a[href*="policies/details"]')]
        if (links.length || findArn(clean(a.textContent, 2000).replace(clean(h.textContent), ''))) {
          section = a
          break
        }
        if (/\(not set\)|no permissions boundary/i.test(clean(a.textContent, 2000))) break
      }
      if (!section) continue
      const text = clean(section.textContent, 2000)
      if (/\(not set\)|not set|no permissions boundary/i.test(text) && !section.querySelector('a[href*="policies/details"]')) continue
      const link = section.querySelector('a[href*="policies/details"]')
      let arn: string | undefined
      let name: string | undefined
      if (link) {
        const m = /policies\/details\/([^?&#/]+)/.exec(link.getAttribute('href') ?? '')
        try {
          arn = m ? decodeURIComponent(m[1]!) : undefined
        } catch {
          arn = undefined
        }
        name = clean(link.textContent, 128)
      }
      arn ??= findArn(text.replace(clean(h.textContent), ''))
      if (arn && !/:policy\//.test(arn)) arn = undefined
      name = name || arn?.slice(arn.lastIndexOf('/') + 1)
      if (!name || !/^[\w+=,.@-]+$/.test(name)) continue
      const awsManaged = arn ? /:iam::aws:policy\//.test(arn) : false
      const p = pagePrincipal(input)
      const principal = p.arn ?? ''
      return {
        reader: this.id,
        title: `Permissions boundary of ${p.kind && p.name ? `${p.kind}/${p.name}` : 'this principal'}`,
        ...(principal ? { principal } : {}),
        policies: [{ name, ...(arn ? { arn } : {}), kind: awsManaged ? 'aws-managed' : 'customer-managed', role: { kind: 'boundary', target: principal } }],
      }
    }
    return undefined
  },
}
