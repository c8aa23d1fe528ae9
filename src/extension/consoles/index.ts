import { accessPolicy } from './access-policy'
import { genericPolicy } from './generic'
import { iamInlinePolicy } from './iam-inline-policy'
import { iamPolicyEditor } from './iam-policy-editor'
import { iamPolicyView } from './iam-policy-view'
import { iamTrustPolicy } from './iam-trust-policy'
import { kmsKeyPolicy } from './kms-key-policy'
import { organizationsPolicy } from './organizations-policy'
import { s3BucketPolicy } from './s3-bucket-policy'
import type { ConsolePage, PageContext } from './types'

export type { ConsolePage, PageContext, PagePolicyType } from './types'

/** Every console page kind, most specific first; the first that matches wins. New pages: one file, one line here. */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  iamTrustPolicy,
  organizationsPolicy,
  s3BucketPolicy,
  kmsKeyPolicy,
  accessPolicy,
  iamPolicyView,
  iamInlinePolicy,
  iamPolicyEditor,
  genericPolicy,
]

/** The page kind holding this editor, or undefined when the editor does not hold a policy. */
export function recognise(ctx: PageContext): ConsolePage | undefined {
  for (const page of CONSOLE_PAGES) {
    try {
      if (page.matches(ctx)) return page
    } catch {
      /* a page module's bug must not stop the others */
    }
  }
  return undefined
}
