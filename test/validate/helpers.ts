import type { Catalogue } from '../../src/engine/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import type { Finding, PolicyType } from '../../src/engine/findings/types'
import { validatePolicy, type ValidateOptions } from '../../src/engine/validate'

let catalogue: Catalogue | undefined
export async function getCatalogue(): Promise<Catalogue> {
  catalogue ??= await loadCatalogue()
  return catalogue
}

export interface RunOptions {
  type?: PolicyType | 'auto'
  resourceType?: string
  suppress?: string[]
}

export function options(c: Catalogue, o: RunOptions = {}): ValidateOptions {
  const v: ValidateOptions = { catalogue: c, policyType: o.type ?? 'identity' }
  if (o.resourceType) v.resourceType = o.resourceType
  if (o.suppress) v.suppress = o.suppress
  return v
}

export function findings(c: Catalogue, policy: string | object, o: RunOptions = {}): Finding[] {
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2)
  return validatePolicy(text, options(c, o)).findings
}

export function codes(c: Catalogue, policy: string | object, o: RunOptions = {}): string[] {
  return findings(c, policy, o).map((f) => f.code)
}

/** A policy document with these statements. */
export const P = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement })
/** An identity statement with sensible defaults. */
export const S = (extra: object = {}): object => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*', ...extra })
/** A resource-policy statement. */
export const R = (extra: object = {}): object => ({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
  ...extra,
})
/** A role trust statement. */
export const T = (extra: object = {}): object => ({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', ...extra })
/** A condition on the default identity statement. */
export const C = (Condition: object, extra: object = {}): object => P(S({ Condition, ...extra }))
