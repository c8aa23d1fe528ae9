/** What the console shows about where the user is: account, signed-in identity, region, partition. */
export interface ConsoleIdentity {
  accountId?: string
  /** ARN of the signed-in principal, where the console's account menu names it. */
  principalArn?: string
  region?: string
  partition: string
}

export function partitionOf(host: string): string {
  if (/\.amazonaws-us-gov\.com$/i.test(host)) return 'aws-us-gov'
  if (/\.amazonaws\.cn$/i.test(host)) return 'aws-cn'
  return 'aws'
}

/** Region from the host (`eu-west-1.console.aws.amazon.com`) or the `region` query parameter. */
export function regionOf(url: URL): string | undefined {
  const fromHost = /^([a-z]{2}(-gov)?-[a-z]+-\d)\./.exec(url.hostname)?.[1]
  if (fromHost) return fromHost
  const q = url.searchParams.get('region') ?? new URLSearchParams(url.hash.split('?')[1] ?? '').get('region')
  return q && /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(q) ? q : undefined
}

/**
 * Reads the account menu of the console's navigation bar: "alice @ 1111-2222-3333" (an IAM user) or
 * "Admin/alice @ 1111-2222-3333" (an assumed role and its session).
 */
export function readIdentity(doc: Document): ConsoleIdentity {
  const url = new URL(doc.location.href)
  const partition = partitionOf(url.hostname)
  const region = regionOf(url)
  const button = doc.querySelector('[data-testid="awsc-nav-account-menu-button"], #nav-usernameMenu')
  const texts = button ? [button.getAttribute('title') ?? '', ...[...button.querySelectorAll('[title]')].map((e) => e.getAttribute('title') ?? ''), button.textContent ?? ''] : []
  for (const t of texts) {
    const m = /^\s*([^@\s][^@]*?)\s*@\s*(\d{4}-?\d{4}-?\d{4})\s*$/.exec(t)
    if (!m) continue
    const name = m[1]!
    const accountId = m[2]!.replace(/-/g, '')
    const role = /^([\w+=,.@-]+)\/([\w+=,.@-]+)$/.exec(name)
    let principalArn: string | undefined
    if (role) principalArn = `arn:${partition}:sts::${accountId}:assumed-role/${role[1]}/${role[2]}`
    else if (/^[\w+=,.@-]{1,64}$/.test(name) && name.toLowerCase() !== 'root') principalArn = `arn:${partition}:iam::${accountId}:user/${name}`
    else if (name.toLowerCase() === 'root') principalArn = `arn:${partition}:iam::${accountId}:root`
    return { accountId, partition, ...(region ? { region } : {}), ...(principalArn ? { principalArn } : {}) }
  }
  const accountOnly = /\b(\d{4}-\d{4}-\d{4})\b/.exec(texts.join(' '))?.[1]
  return { partition, ...(region ? { region } : {}), ...(accountOnly ? { accountId: accountOnly.replace(/-/g, '') } : {}) }
}
