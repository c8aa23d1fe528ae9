/**
 * Resources that AWS owns or protects, whose changes AWS rejects before (or regardless of) policy evaluation:
 * a policy may "allow" the write, but the service refuses it. Used by least-privilege (no escalation through
 * them) and by the simulator (a note beside the policy decision).
 */
import { parseArn } from './arn'

export interface AwsOwnedResource {
  /** What the resource is, as a noun phrase. */
  what: string
  /** Which actions the service rejects: the service prefix, and whether reads still work. */
  service: string
  /** Why, in a sentence. */
  reason: string
  learnMore: string
}

const cache = new Map<string, AwsOwnedResource | null>()

/** Is this (possibly wildcard) resource ARN one the customer cannot change? Undefined when it is an ordinary one. */
export function awsOwnedResource(arnText: string): AwsOwnedResource | undefined {
  const hit = cache.get(arnText)
  if (hit !== undefined) return hit ?? undefined
  const found = classify(arnText)
  if (cache.size > 2000) cache.clear()
  cache.set(arnText, found ?? null)
  return found
}

function classify(arnText: string): AwsOwnedResource | undefined {
  const arn = parseArn(arnText)
  if (!arn) return undefined
  const { service, account, resource } = arn
  if (service === 'iam' && account === 'aws' && resource.startsWith('policy/'))
    return {
      what: 'an AWS managed policy',
      service: 'iam',
      reason: 'AWS managed policies are maintained by AWS; customers cannot create versions of, change, tag or delete them',
      learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies',
    }
  if (service === 'iam' && /^role\/(aws-reserved\/sso\.amazonaws\.com\/(.*\/)?)?AWSReservedSSO_/.test(resource))
    return {
      what: 'a role IAM Identity Center created (AWSReservedSSO_*)',
      service: 'iam',
      reason: 'IAM rejects changes to these protected roles ("this role is only modifiable by AWS"); they change only through their permission set in IAM Identity Center',
      learnMore: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-and-iam-roles.html',
    }
  if (service === 'kms' && /^alias\/aws\//.test(resource))
    return {
      what: 'an alias of an AWS managed KMS key (alias/aws/*)',
      service: 'kms',
      reason: 'aliases that begin with alias/aws/ are reserved for AWS managed keys; customers cannot create, update or delete them',
      learnMore: 'https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    }
  if (account === 'aws')
    return {
      what: 'a resource owned by AWS',
      service,
      reason: 'resources in the account "aws" belong to AWS, not to the customer',
      learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
    }
  return undefined
}

/** Does AWS reject this action on that resource whatever the policies say (a change to an AWS-owned resource)? */
export function rejectedOnAwsOwned(action: { service: string; accessLevel: string; name: string }, resourceArn: string): AwsOwnedResource | undefined {
  if (action.accessLevel === 'Read' || action.accessLevel === 'List') return undefined
  const owned = awsOwnedResource(resourceArn)
  if (!owned || owned.service !== action.service) return undefined
  // Passing a role is not a change to it.
  if (action.service === 'iam' && action.name === 'PassRole') return undefined
  return owned
}
