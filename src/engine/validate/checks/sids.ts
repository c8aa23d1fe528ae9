/** Statement IDs: allowed characters, empty values, uniqueness. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html */
import type { ValidationContext } from '../context'

const SID_CHARS = /^[A-Za-z0-9]*$/

export function checkSids(ctx: ValidationContext): void {
  const type = ctx.policyType
  // Resource-based policies of several services (S3, SNS, SQS, KMS...) accept other characters and
  // repeated Sids; IAM and Organizations documents do not.
  const iamDocument = type !== 'resource'
  const seen = new Map<string, number>()
  const taken = new Set<string>()
  for (const { st } of ctx.statements) if (st.sid) taken.add(st.sid.value)
  for (const { st } of ctx.statements) {
    const sid = st.sid
    if (!sid) continue
    const value = sid.value
    if (value === '') {
      const p = st.node.properties.find((q) => q.key === sid.path[sid.path.length - 1])
      ctx.report('EMPTY_SID_VALUE', sid, 'The Sid is empty. Give the statement a short descriptive ID, or remove the Sid element.', p ? [{ title: 'Remove the empty Sid', edits: [ctx.edits.removeProperty(st.node, p)] }] : undefined)
      continue
    }
    if (iamDocument && !SID_CHARS.test(value)) {
      const cleaned = value.replace(/[^A-Za-z0-9]/g, '')
      ctx.report(
        'UNSUPPORTED_SID',
        sid,
        `The Sid "${value}" contains characters IAM does not accept. A Sid may only contain letters (A-Z, a-z) and digits (0-9).`,
        cleaned ? [{ title: `Change the Sid to "${cleaned}"`, edits: [ctx.edits.replaceWithString(sid, cleaned)] }] : undefined,
      )
    }
    const n = seen.get(value) ?? 0
    seen.set(value, n + 1)
    if (n > 0) {
      const unique = uniqueSid(value, taken)
      const fixes = [{ title: `Rename to "${unique}"`, edits: [ctx.edits.replaceWithString(sid, unique)] }]
      if (iamDocument) ctx.report('UNIQUE_SIDS_REQUIRED', sid, `The Sid "${value}" is used by another statement. Statement IDs must be unique within this policy type.`, fixes)
      else ctx.report('UNIQUE_SIDS_RECOMMENDED', sid, `The Sid "${value}" is used by another statement. Use unique statement IDs so each statement can be told apart.`, fixes)
    }
  }
}

function uniqueSid(base: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const candidate = `${base}${i}`
    if (!taken.has(candidate)) {
      taken.add(candidate)
      return candidate
    }
  }
}
