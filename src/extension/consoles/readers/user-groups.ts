import { buildIamArn } from '../../whatif/model/arns'
import { clean } from './dom'
import { pagePrincipal } from './principal'
import type { PageReader } from './types'

/**
 * A user's Groups tab: the "User groups membership" table (Group name, Attached policies). The user's
 * effective identity policies are its own plus every group's; the groups' policies come from their pages.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html
 */
export const userGroups: PageReader = {
  id: 'iam-user-groups',
  description: 'Groups an IAM user belongs to',
  read(input) {
    const p = pagePrincipal(input)
    if (p.kind !== 'user' || !p.arn || !input.accountId) return undefined
    const groups = new Set<string>()
    for (const table of input.doc.querySelectorAll('table')) {
      const header = table.querySelector('thead tr') ?? table.querySelector('tr')
      if (!header) continue
      const cols = [...header.children].map((c) => clean(c.textContent).toLowerCase())
      const nameCol = cols.findIndex((c) => /^(user )?group name/.test(c))
      if (nameCol < 0) continue
      for (const row of table.querySelectorAll('tbody tr')) {
        const cell = row.children[nameCol]
        const name = clean(cell?.querySelector('a')?.textContent ?? cell?.textContent, 128)
        if (name && /^[\w+=,.@-]+$/.test(name) && groups.size < 10) groups.add(buildIamArn(input.partition, input.accountId, 'group', name))
      }
    }
    if (!groups.size) return undefined
    return { reader: this.id, title: `Groups of user/${p.name}`, principal: p.arn, policies: [], memberOf: [...groups] }
  },
}
