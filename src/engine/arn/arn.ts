/** ARN parsing: `arn:partition:service:region:account-id:resource` (the resource part may hold further colons). */
export interface Arn {
  partition: string
  service: string
  region: string
  account: string
  resource: string
}

/** Known AWS partitions (from the AWS SDKs' partition data). */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const

/** Parses an ARN; undefined when it does not start with `arn:` or has fewer than six fields. */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined
  const parts: string[] = []
  let start = 4
  for (let i = 0; i < 4; i++) {
    const c = text.indexOf(':', start)
    if (c < 0) return undefined
    parts.push(text.slice(start, c))
    start = c + 1
  }
  return { partition: parts[0]!, service: parts[1]!, region: parts[2]!, account: parts[3]!, resource: text.slice(start) }
}

export function formatArn(a: Arn): string {
  return `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${a.resource}`
}

/** The six colon-separated fields of an ARN-like string, the last keeping its colons; fewer when it has fewer. */
export function arnFields(text: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < 5; i++) {
    const c = text.indexOf(':', start)
    if (c < 0) {
      parts.push(text.slice(start))
      return parts
    }
    parts.push(text.slice(start, c))
    start = c + 1
  }
  parts.push(text.slice(start))
  return parts
}

export const ACCOUNT_ID = /^\d{12}$/
