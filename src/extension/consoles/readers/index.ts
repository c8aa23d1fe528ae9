import { readEditor } from './editor-policies'
import { permissionsBoundary } from './permissions-boundary'
import { principalPermissions } from './principal-permissions'
import { lastAccessedTab } from './last-accessed'
import { hasContent, type PageReader, type PageReading, type ReaderInput } from './types'
import { userGroups } from './user-groups'

export type { FoundPolicy, PageEditor, PageReader, PageReading, ReaderInput } from './types'
export { hasContent } from './types'
export { readEditor } from './editor-policies'

/** Readers of policy displays that are not editors (tables, sections). New displays: one file, one line here. */
export const PAGE_READERS: readonly PageReader[] = [principalPermissions, permissionsBoundary, userGroups, lastAccessedTab]

/**
 * Everything the page shows that the what-if basket can take: the non-editor displays, then each editor's
 * policy. A reader that fails or finds nothing contributes nothing: an unknown layout means no "add"
 * button, never an error.
 */
export function readPage(input: ReaderInput): PageReading[] {
  const out: PageReading[] = []
  for (const r of PAGE_READERS) {
    try {
      const reading = r.read(input)
      if (hasContent(reading)) out.push(reading)
    } catch {
      /* an unknown layout: nothing to offer */
    }
  }
  for (const e of input.editors) {
    try {
      const reading = readEditor(input, e)
      if (reading && reading.policies.length) out.push(reading)
    } catch {
      /* as above */
    }
  }
  // A principal page seen through two readers (permissions and boundary) names the same principal: fill gaps.
  const principal = out.find((r) => r.principal)?.principal
  if (principal)
    for (const r of out)
      for (const p of r.policies)
        if ((p.role.kind === 'identity' || p.role.kind === 'boundary') && !p.role.target && r.reader.startsWith('iam-principal')) p.role = { ...p.role, target: principal }
  return out
}
