// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { CONSOLE_PAGES, recognise } from '../../src/extension/consoles'
import { breadcrumbs, headingsAround, pageContext } from '../../src/extension/consoles/context'
import { looksLikePolicy } from '../../src/extension/consoles/generic'
import { partitionOf, readIdentity, regionOf } from '../../src/extension/consoles/identity'

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}'

/** A console-like page: breadcrumbs, a page title, a container with its header and the Cloudscape code editor. */
function page(opts: { url: string; title: string; container: string; crumbs?: string[]; account?: string }): Element {
  history.replaceState(null, '', opts.url.replace(/^https:\/\/[^/]+/, ''))
  document.body.innerHTML = `
    <header id="awsc-nav-header"><button data-testid="awsc-nav-account-menu-button"><span title="${opts.account ?? 'alice @ 1111-2222-3333'}">${opts.account ?? 'alice @ 1111-2222-3333'}</span></button></header>
    <nav aria-label="Breadcrumbs"><ol>${(opts.crumbs ?? []).map((c) => `<li><a>${c}</a></li>`).join('')}</ol></nav>
    <main>
      <h1>${opts.title}</h1>
      <div class="awsui_container_x"><div class="awsui_header_x"><h2><span>${opts.container}</span></h2></div>
        <div class="awsui_code-editor_1gl9c_191z3_14"><div class="awsui_editor_x ace_editor" id="ace"></div></div>
      </div>
    </main>`
  return document.getElementById('ace')!
}

function kind(el: Element, text = POLICY, readOnly = false) {
  const ctx = pageContext(el, text, readOnly)
  const p = recognise(ctx)
  return p && { id: p.id, type: p.policyType(ctx), resourceType: p.resourceType?.(ctx) }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('console page kinds (detected from the DOM around the editor)', () => {
  it('reads headings nearest first, and breadcrumbs', () => {
    const el = page({ url: 'https://console.aws.amazon.com/iam/home', title: 'Specify permissions', container: 'Policy editor', crumbs: ['IAM', 'Policies', 'Create policy'] })
    expect(headingsAround(el).slice(0, 2)).toEqual(['Policy editor', 'Specify permissions'])
    expect(breadcrumbs(document)).toEqual(['IAM', 'Policies', 'Create policy'])
  })

  it('recognises each editor the console has', () => {
    const cases: [Parameters<typeof page>[0], string, string, string?][] = [
      [{ url: 'https://us-east-1.console.aws.amazon.com/iam/home#/policies/create', title: 'Specify permissions', container: 'Policy editor', crumbs: ['IAM', 'Policies'] }, 'iam-policy-editor', 'identity'],
      [{ url: 'https://console.aws.amazon.com/iam/home#/roles/details/r/createPolicy', title: 'Specify permissions', container: 'Policy editor', crumbs: ['IAM', 'Roles', 'r'] }, 'iam-inline-policy', 'identity'],
      [{ url: 'https://console.aws.amazon.com/iam/home#/roles/details/r?section=trust_relationships', title: 'r', container: 'Trusted entities', crumbs: ['IAM', 'Roles'] }, 'iam-trust-policy', 'trust'],
      [{ url: 'https://console.aws.amazon.com/iam/home#/roles/details/r/edit_trust_policy', title: 'Edit trust policy', container: 'Policy editor' }, 'iam-trust-policy', 'trust'],
      [{ url: 'https://s3.console.aws.amazon.com/s3/buckets/b?tab=permissions', title: 'b', container: 'Bucket policy' }, 's3-bucket-policy', 'resource', 'AWS::S3::Bucket'],
      [{ url: 'https://console.aws.amazon.com/kms/home#/kms/keys/k', title: 'k', container: 'Key policy' }, 'kms-key-policy', 'resource', 'AWS::KMS::Key'],
      [{ url: 'https://console.aws.amazon.com/sqs/v3/home#/queues/q/edit', title: 'Edit q', container: 'Access policy' }, 'resource-access-policy', 'resource', 'AWS::SQS::Queue'],
      [{ url: 'https://console.aws.amazon.com/organizations/v2/home/policies/service-control-policy/create', title: 'Create new service control policy', container: 'Policy', crumbs: ['AWS Organizations', 'Policies', 'Service control policies'] }, 'organizations-policy', 'scp'],
      [{ url: 'https://console.aws.amazon.com/organizations/v2/home/policies/resource-control-policy/create', title: 'Create new resource control policy', container: 'Policy', crumbs: ['AWS Organizations', 'Policies', 'Resource control policies'] }, 'organizations-policy', 'rcp'],
    ]
    for (const [p, id, type, rt] of cases) {
      const got = kind(page(p))
      expect(got, p.url).toEqual({ id, type, resourceType: rt })
    }
  })

  it('recognises the read-only JSON view of a policy', () => {
    const el = page({ url: 'https://console.aws.amazon.com/iam/home#/policies/details/x', title: 'x', container: 'Permissions defined in this policy' })
    expect(kind(el, POLICY, true)?.id).toBe('iam-policy-view')
  })

  it('falls back to a generic policy for an unknown page whose editor holds a policy, and to nothing otherwise', () => {
    const el = page({ url: 'https://console.aws.amazon.com/lambda/home', title: 'Function', container: 'Resource-based policy statements x' })
    expect(kind(el)).toEqual({ id: 'generic-policy', type: 'auto', resourceType: undefined })
    expect(kind(el, 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket')).toBeUndefined()
    expect(looksLikePolicy('{"Statement": []}')).toBe(true)
    expect(looksLikePolicy('{"name": "x"}')).toBe(false)
  })

  it('has unique ids and a description for every page kind', () => {
    expect(new Set(CONSOLE_PAGES.map((p) => p.id)).size).toBe(CONSOLE_PAGES.length)
    for (const p of CONSOLE_PAGES) expect(p.description.length).toBeGreaterThan(3)
  })
})

describe('the signed-in identity, region and partition', () => {
  it('reads an IAM user and an assumed role from the account menu', () => {
    page({ url: 'https://eu-west-1.console.aws.amazon.com/iam/home', title: 't', container: 'Policy editor' })
    expect(readIdentity(document)).toMatchObject({ accountId: '111122223333', principalArn: 'arn:aws:iam::111122223333:user/alice', partition: 'aws' })
    page({ url: 'https://console.aws.amazon.com/iam/home', title: 't', container: 'Policy editor', account: 'Admin/alice @ 1111-2222-3333' })
    expect(readIdentity(document).principalArn).toBe('arn:aws:sts::111122223333:assumed-role/Admin/alice')
  })

  it('knows partitions and regions from the URL', () => {
    expect(partitionOf('console.amazonaws-us-gov.com')).toBe('aws-us-gov')
    expect(partitionOf('cn-north-1.console.amazonaws.cn')).toBe('aws-cn')
    expect(partitionOf('console.aws.amazon.com')).toBe('aws')
    expect(regionOf(new URL('https://eu-west-1.console.aws.amazon.com/iam/home'))).toBe('eu-west-1')
    expect(regionOf(new URL('https://console.aws.amazon.com/s3/buckets/b?region=us-west-2'))).toBe('us-west-2')
    expect(regionOf(new URL('https://console.aws.amazon.com/iam/home'))).toBeUndefined()
  })
})
