import { buildIamArn } from '../../whatif/model/arns'
import type { SourceKind } from '../../whatif/model/types'
import { clean, findArn, headings, jsonIn } from './dom'
import { pagePrincipal } from './principal'
import type { FoundPolicy, PageReader, ReaderInput } from './types'

/** "AWS managed", "AWS managed - job function", "Customer managed", "Customer inline" / "Inline". */
export function policyKindOf(typeText: string): SourceKind | undefined {
  const t = typeText.toLowerCase()
  if (/aws managed/.test(t)) return 'aws-managed'
  if (/customer managed/.test(t)) return 'customer-managed'
  if (/inline/.test(t)) return 'inline'
  return undefined
}

/** A managed policy's ARN from its details link (`#/policies/details/<url-encoded ARN>`) or the cell's text. */
function arnOfCell(cell: Element): string | undefined {
  for (const a of cell.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? ''
    const m = /policies\/details\/([^?&#/]+)/.exec(href)
    if (m) {
      try {
        const arn = decodeURIComponent(m[1]!)
        if (arn.startsWith('arn:')) return arn
      } catch {
        /* not an encoded ARN */
      }
    }
  }
  return findArn(cell.textContent)
}

/** The policy name in its cell: the link, the expand toggle of an inline policy, or the text outside any code block. */
function cellName(cell: Element): string {
  const direct = cell.querySelector('a, [role="button"], [aria-expanded]')
  if (direct && clean(direct.textContent)) return clean(direct.textContent, 128)
  let text = cell.textContent ?? ''
  for (const code of cell.querySelectorAll('pre, code, textarea')) text = text.replace(code.textContent ?? '', ' ')
  return clean(text, 128)
}

interface PolicyTable {
  table: HTMLTableElement
  nameCol: number
  typeCol: number
  /** A user's table: "Attached via" ("Directly" or "Group developers"), -1 when absent. */
  viaCol: number
}

/** "Group developers" → "developers"; "Directly" and anything else → undefined. */
export function groupOfVia(text: string): string | undefined {
  const m = /^group\s+([\w+=,.@-]{1,128})$/i.exec(text.trim())
  return m ? m[1] : undefined
}

/** Tables with "Policy name" and "Type" header cells (Cloudscape renders a real <table>; its sticky copy has no rows). */
export function policyTables(root: ParentNode): PolicyTable[] {
  const out: PolicyTable[] = []
  for (const table of root.querySelectorAll('table')) {
    const headerRow = table.querySelector('thead tr') ?? table.querySelector('tr')
    if (!headerRow) continue
    const cells = [...headerRow.children].map((c) => clean(c.textContent).toLowerCase())
    const nameCol = cells.findIndex((c) => /^policy name/.test(c))
    const typeCol = cells.findIndex((c) => /^type\b/.test(c))
    if (nameCol < 0 || typeCol < 0) continue
    if (!table.querySelector('tbody tr')) continue
    out.push({ table: table as HTMLTableElement, nameCol, typeCol, viaCol: cells.findIndex((c) => /^attached via/.test(c)) })
  }
  return out
}

/** The rows of an attached-policies table, with the document of an expanded inline policy where shown. */
export function readPolicyTable(t: PolicyTable, input: ReaderInput, principal: string): FoundPolicy[] {
  const found: FoundPolicy[] = []
  const rows = [...t.table.querySelectorAll('tbody tr')]
  rows.forEach((row, i) => {
    const cells = [...row.children]
    if (cells.length <= Math.max(t.nameCol, t.typeCol)) return
    const nameCell = cells[t.nameCol]!
    const name = cellName(nameCell)
    const kind = policyKindOf(clean(cells[t.typeCol]!.textContent))
    if (!name || !kind || !/^[\w+=,.@-]+$/.test(name)) return
    let arn = kind === 'inline' ? undefined : arnOfCell(nameCell)
    if (!arn && kind === 'aws-managed') arn = `arn:${input.partition}:iam::aws:policy/${name}`
    // An expanded row shows the document in the row itself or in the row that follows it.
    const next = rows[i + 1]
    const expanded = next && next.children.length === 1 ? next : undefined
    const document = jsonIn(row, input.editors) ?? (expanded ? jsonIn(expanded, input.editors) : undefined)
    // A user's policy attached through a group belongs to the group: its target is the group's ARN.
    const group = t.viaCol >= 0 && cells[t.viaCol] ? groupOfVia(clean(cells[t.viaCol]!.textContent)) : undefined
    const target = group && input.accountId ? buildIamArn(input.partition, input.accountId, 'group', group) : principal
    if (group && !input.accountId) return
    found.push({ name, kind, ...(arn ? { arn } : {}), role: { kind: 'identity', target }, ...(document ? { document } : {}) })
  })
  return found
}

/**
 * The Permissions tab of a role, user or group: the "Permissions policies" table (AWS managed, customer
 * managed and inline policies). AWS managed ones are resolved from the bundled data by the caller;
 * customer managed ones stay missing until their JSON view is visited.
 */
export const principalPermissions: PageReader = {
  id: 'iam-principal-permissions',
  description: 'Policies attached to an IAM role, user or group',
  read(input) {
    const tables = policyTables(input.doc)
    if (!tables.length) return undefined
    // Prefer the table under a "Permissions policies" heading when the page has several.
    const titled = headings(input.doc, /^permissions policies/i)
    const pick = tables.find((t) => titled.some((h) => h.closest('[class*="awsui_root"], section, div')?.contains(t.table))) ?? tables[0]!
    const p = pagePrincipal(input)
    const principal = p.arn ?? ''
    const policies = readPolicyTable(pick, input, principal)
    if (!policies.length) return undefined
    const memberOf = p.kind === 'user' ? [...new Set(policies.map((x) => x.role.target).filter((t) => /:group\//.test(t)))] : []
    return {
      reader: this.id,
      title: `Permissions of ${p.kind && p.name ? `${p.kind}/${p.name}` : 'this principal'}`,
      ...(principal ? { principal } : {}),
      policies,
      ...(memberOf.length ? { memberOf } : {}),
    }
  },
}

export type { ReaderInput }
