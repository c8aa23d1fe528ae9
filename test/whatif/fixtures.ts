import type { NewItem } from '../../src/extension/whatif/model'

export const ROLE = 'arn:aws:iam::111111111111:role/app-role'
export const USER = 'arn:aws:iam::111111111111:user/alice'
export const BUCKET = 'arn:aws:s3:::data-bucket'
export const CUSTOMER_ARN = 'arn:aws:iam::111111111111:policy/app-data-access'

export const readS3 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] })
export const denyDelete = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] })
export const bucketPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }],
})
export const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

export function identity(name: string, document?: string, arn?: string, target = ROLE): NewItem {
  return {
    name,
    role: { kind: 'identity', target },
    ...(document !== undefined ? { document } : {}),
    source: { kind: arn?.includes(':aws:policy/') ? 'aws-managed' : arn ? 'customer-managed' : 'inline', ...(arn ? { arn } : {}) },
  }
}
