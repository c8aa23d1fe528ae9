import type { PolicyType } from '../../../engine/findings/types'

/** A curated template shipped with the extension (read-only; "Copy to my templates" makes an editable copy). */
export interface BuiltinTemplate {
  /** Stable id, `builtin-…`. */
  id: string
  name: string
  /** One sentence: what it allows or denies, and where it goes. */
  description: string
  policyType: PolicyType
  /** For resource policies: the resource it is written for (enables the validator's resource-specific checks). */
  resourceType?: 'AWS::S3::Bucket' | 'AWS::KMS::Key' | 'AWS::SQS::Queue' | 'AWS::SNS::Topic'
  tags: string[]
  /** Policy text with `{{Placeholders}}`. */
  document: string
}

/** Policy text from a policy object, indented as the console's editor shows it. */
export function policy(statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
}
