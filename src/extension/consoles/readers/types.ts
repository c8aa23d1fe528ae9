import type { ServiceUse } from '../../../engine/tighten/last-accessed'
import type { PolicyRole, SourceKind } from '../../whatif/model/types'

/** An editor on the page, with the text the MAIN-world bridge read from it (Ace virtualises its DOM). */
export interface PageEditor {
  /** The editor's element, where known (tables use it to find a document shown in a row). */
  el?: Element
  text: string
  /** The console page kind that recognised it (src/extension/consoles), where known. */
  pageKind?: string
  policyType?: string
}

/** What a page reader may look at. */
export interface ReaderInput {
  doc: Document
  url: URL
  editors: PageEditor[]
  /** The signed-in account and partition from the console's navigation bar, where shown. */
  accountId?: string
  partition: string
  region?: string
}

/** A policy a page shows (or lists by name), with the part it plays as the page tells it. */
export interface FoundPolicy {
  name: string
  arn?: string
  kind: SourceKind
  role: PolicyRole
  /** The document, when the page shows it. AWS managed policies listed by name get theirs from the bundled data. */
  document?: string
}

/** What one reader found on the page. */
export interface PageReading {
  reader: string
  /** For people: "Permissions of role/app-role". */
  title: string
  /** The principal the page is about (role, user or group ARN). */
  principal?: string
  /** The resource the page is about (bucket, key ARN...). */
  resource?: string
  policies: FoundPolicy[]
  /** A user's page: the IAM groups the user is in (group ARNs), from "Attached via" or the Groups tab. */
  memberOf?: string[]
  /** A Last Accessed tab: what the principal used, as the console shows it (times made absolute at `readAt`). */
  lastAccessed?: { services: ServiceUse[]; readAt: number }
}

/** Does the reading hold anything the what-if card can offer? */
export function hasContent(r: PageReading | undefined): r is PageReading {
  return !!r && (r.policies.length > 0 || (r.memberOf?.length ?? 0) > 0 || (r.lastAccessed?.services.length ?? 0) > 0)
}

/** One kind of non-editor policy display (one file each): how to find it, and what it says. */
export interface PageReader {
  id: string
  description: string
  /** Returns undefined when the page does not hold what this reader reads. Must not throw (the caller still guards). */
  read(input: ReaderInput): PageReading | undefined
}
