// Every kind of console page the replica has, with the policy type the panel must detect there. Both
// browsers' suites open each one (test/e2e/page-kinds.e2e.ts in Chromium, test/e2e/firefox/ in Firefox).
export interface PageKind {
  name: string
  path: string
  host?: string
  policyType: string
}

export const PAGE_KINDS: PageKind[] = [
  { name: 'IAM create policy', path: '/iam/home#/policies/create', policyType: 'identity' },
  { name: 'IAM edit policy', path: '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Freports-read/edit', policyType: 'identity' },
  { name: 'IAM policy details (read-only JSON)', path: '/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Freports-read?section=permissions', policyType: 'identity' },
  { name: 'IAM inline policy', path: '/iam/home#/users/details/alice/createPolicy?step=addPermissions', policyType: 'identity' },
  { name: 'IAM role trust policy', path: '/iam/home#/roles/details/app-role?section=trust_relationships', policyType: 'trust' },
  { name: 'S3 bucket policy', path: '/s3/buckets/reports?region=us-east-1&tab=permissions', host: 'https://s3.console.aws.amazon.com', policyType: 'resource' },
  { name: 'KMS key policy', path: '/kms/home#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab', policyType: 'resource' },
  { name: 'SQS access policy', path: '/sqs/v3/home#/queues/https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F111111111111%2Forders/edit', policyType: 'resource' },
  { name: 'Organizations SCP', path: '/organizations/v2/home/policies/service-control-policy/create', policyType: 'scp' },
  { name: 'Organizations RCP', path: '/organizations/v2/home/policies/resource-control-policy/create', policyType: 'rcp' },
  { name: 'GovCloud console', path: '/iam/home#/policies/create', host: 'https://console.amazonaws-us-gov.com', policyType: 'identity' },
  { name: 'China console', path: '/iam/home#/policies/create', host: 'https://console.amazonaws.cn', policyType: 'identity' },
]
