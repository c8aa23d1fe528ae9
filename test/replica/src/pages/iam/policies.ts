// Managed policies the replica "has", by ARN (not a page: files without a default export are ignored).
import { SAMPLES } from '../../samples'

export function policyName(encodedArn: string): string {
  const arn = decodeURIComponent(encodedArn)
  return arn.slice(arn.lastIndexOf('/') + 1) || arn
}

export function storedPolicy(encodedArn: string): string {
  const name = policyName(encodedArn)
  if (name === 'admin-everything') return SAMPLES.find((s) => s.id === 'admin')!.text
  if (name === 'broken-policy') return SAMPLES.find((s) => s.id === 'typos')!.text
  return SAMPLES.find((s) => s.id === 's3-read')!.text
}
