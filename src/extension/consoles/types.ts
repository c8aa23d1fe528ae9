import type { PolicyType } from '../../engine/findings/types'

/** What a console page module may look at to recognise its editor. */
export interface PageContext {
  url: URL
  /** The Ace editor element. */
  editorEl: Element
  /** Headings around the editor, nearest first (container header, then page title...). */
  headings: string[]
  /** The console's breadcrumbs, outermost first. */
  breadcrumbs: string[]
  /** The editor's current text. */
  text: string
  readOnly: boolean
}

/** `auto`: the engine infers the type from the document itself (detectPolicyType). */
export type PagePolicyType = PolicyType | 'auto'

/** One kind of console page holding a policy editor. One file per kind; see ./index.ts for the order. */
export interface ConsolePage {
  /** Stable id, shown in the panel and reported to the popup as `pageKind`. */
  id: string
  /** What the page is, for people. */
  description: string
  matches(ctx: PageContext): boolean
  policyType(ctx: PageContext): PagePolicyType
  /** For resource policies: the resource it is attached to (`AWS::S3::Bucket`...), enabling its specific checks. */
  resourceType?(ctx: PageContext): string | undefined
}
