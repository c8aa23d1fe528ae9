// @vitest-environment happy-dom
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readPage, type ReaderInput } from '../../src/extension/consoles/readers'
import { ManagedPolicyIndex, resolveManaged } from '../../src/extension/whatif/managed'
import { parseRole } from '../../src/extension/whatif/model'

const ROLE = 'arn:aws:iam::111111111111:role/app-role'

function input(html: string, url: string, editors: ReaderInput['editors'] = []): ReaderInput {
  document.body.innerHTML = html
  return { doc: document, url: new URL(url), editors, accountId: '111111111111', partition: 'aws', region: 'us-east-1' }
}

const rolePage = `
  <h1>app-role</h1>
  <div class="awsui_root"><h2>Summary</h2>
    <dl><div><dt>Creation date</dt><dd>November 1, 2026</dd></div><div><dt>ARN</dt><dd><span>${ROLE}</span></dd></div></dl>
  </div>
  <div class="awsui_root">
    <h2>Permissions policies <span>(4)</span></h2>
    <table><thead><tr><th></th><th>Policy name</th><th>Type</th><th>Attached entities</th></tr></thead></table>
    <table>
      <thead><tr><th></th><th><span>Policy name</span></th><th>Type</th><th>Attached entities</th></tr></thead>
      <tbody>
        <tr><td><input type="checkbox"></td><td><a href="#/policies/details/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAmazonS3ReadOnlyAccess">AmazonS3ReadOnlyAccess</a></td><td>AWS managed</td><td>12</td></tr>
        <tr><td><input type="checkbox"></td><td><a href="#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Fapp-data-access">app-data-access</a></td><td>Customer managed</td><td>1</td></tr>
        <tr><td><input type="checkbox"></td><td><a>ViewOnlyAccess</a></td><td>AWS managed - job function</td><td>3</td></tr>
        <tr><td><input type="checkbox"></td><td>deny-delete</td><td>Customer inline</td><td>0</td></tr>
        <tr><td colspan="4"><pre>{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}</pre></td></tr>
      </tbody>
    </table>
  </div>
  <div class="awsui_root"><div class="header"><h2>Permissions boundary <span>(set)</span></h2><p>Set a permissions boundary to control the maximum permissions.</p></div>
    <div><dl><dt>Policy name</dt><dd><a href="#/policies/details/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FPowerUserAccess">PowerUserAccess</a></dd></dl></div>
  </div>`

describe('page readers', () => {
  it('reads a role’s attached policies, its inline policy document and its boundary', () => {
    const r = readPage(input(rolePage, 'https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/app-role?section=permissions'))
    expect(r.map((x) => x.reader)).toEqual(['iam-principal-permissions', 'iam-permissions-boundary'])
    expect(r[0]!.principal).toBe(ROLE)
    expect(r[0]!.policies.map((p) => [p.name, p.kind, p.arn, p.role.kind, p.role.target, p.document !== undefined])).toEqual([
      ['AmazonS3ReadOnlyAccess', 'aws-managed', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'identity', ROLE, false],
      ['app-data-access', 'customer-managed', 'arn:aws:iam::111111111111:policy/app-data-access', 'identity', ROLE, false],
      ['ViewOnlyAccess', 'aws-managed', 'arn:aws:iam::aws:policy/ViewOnlyAccess', 'identity', ROLE, false],
      ['deny-delete', 'inline', undefined, 'identity', ROLE, true],
    ])
    expect(r[1]!.policies).toEqual([{ name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess', kind: 'aws-managed', role: { kind: 'boundary', target: ROLE } }])
  })

  it('builds the principal ARN from the URL and the account when the page does not show it', () => {
    const html = rolePage.replace(/<dt>ARN<\/dt><dd><span>[^<]*<\/span><\/dd>/, '')
    const r = readPage(input(html, 'https://console.aws.amazon.com/iam/home#/users/details/bob?section=permissions'))
    expect(r[0]!.principal).toBe('arn:aws:iam::111111111111:user/bob')
  })

  it('offers nothing on a page it does not recognise', () => {
    expect(readPage(input('<h1>EC2</h1><table><tr><th>Instance</th></tr><tr><td>i-1</td></tr></table>', 'https://console.aws.amazon.com/ec2/home'))).toEqual([])
  })

  it('reads editors by page kind: trust, bucket, key, SCP, managed policy view', () => {
    const doc = '{"Version":"2012-10-17","Statement":[]}'
    const el = () => document.body.querySelector('#ed')!
    let i = input(`<h1>app-role</h1><dl><dt>ARN</dt><dd>${ROLE}</dd></dl><div id="ed"></div>`, 'https://console.aws.amazon.com/iam/home#/roles/details/app-role?section=trust_relationships')
    let r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 'iam-trust-policy' }] })
    expect(r[0]!.policies[0]!.role).toEqual({ kind: 'trust', target: ROLE })

    i = input(`<h1>reports</h1><div id="ed"></div>`, 'https://s3.console.aws.amazon.com/s3/buckets/reports?region=us-east-1&tab=permissions')
    r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 's3-bucket-policy' }] })
    expect(r[0]!.policies[0]).toMatchObject({ kind: 'bucket-policy', role: { kind: 'resource', target: 'arn:aws:s3:::reports' } })

    i = input(`<h1>key</h1><div id="ed"></div>`, 'https://us-east-1.console.aws.amazon.com/kms/home?region=us-east-1#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab')
    r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 'kms-key-policy' }] })
    expect(r[0]!.policies[0]!.role.target).toBe('arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab')

    i = input(`<h1>DenyLeaving</h1><div id="ed"></div>`, 'https://us-east-1.console.aws.amazon.com/organizations/v2/home/policies/resource-control-policy/p-abc')
    r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 'organizations-policy', policyType: 'rcp' }] })
    expect(r[0]!.policies[0]).toMatchObject({ name: 'DenyLeaving', kind: 'rcp', role: { kind: 'rcp', level: 0 } })

    i = input(`<h1>app-data-access</h1><div id="ed"></div>`, 'https://console.aws.amazon.com/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A111111111111%3Apolicy%2Fapp-data-access?section=permissions')
    r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 'iam-policy-view' }] })
    expect(r[0]!.policies[0]).toMatchObject({ name: 'app-data-access', kind: 'customer-managed', arn: 'arn:aws:iam::111111111111:policy/app-data-access', role: { kind: 'identity', target: '' } })

    // The same page seen through a generic editor (the page kind not recognised yet) is still the managed policy.
    r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 'generic-policy' }] })
    expect(r[0]!.policies[0]).toMatchObject({ kind: 'customer-managed', arn: 'arn:aws:iam::111111111111:policy/app-data-access' })

    i = input(`<h1>queue</h1><dl><dt>ARN</dt><dd>arn:aws:sqs:us-east-1:111111111111:jobs</dd></dl><div id="ed"></div>`, 'https://us-east-1.console.aws.amazon.com/sqs/v3/home?region=us-east-1#/queues/x')
    r = readPage({ ...i, editors: [{ el: el(), text: doc, pageKind: 'resource-access-policy' }] })
    expect(r[0]!.policies[0]).toMatchObject({ kind: 'resource-policy', role: { kind: 'resource', target: 'arn:aws:sqs:us-east-1:111111111111:jobs' } })

    // An editor whose text is not a JSON object offers nothing.
    r = readPage({ ...i, editors: [{ el: el(), text: '{"Version": ', pageKind: 'iam-policy-view' }] })
    expect(r).toEqual([])
  })

  it('resolves AWS managed policies by ARN or name from the bundled data', () => {
    const index = new ManagedPolicyIndex({
      source: { package: 'x', version: '1' },
      policies: [
        { name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', versionId: 'v3', updated: '', document: { Version: '2012-10-17', Statement: [] } },
        { name: 'ViewOnlyAccess', arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', versionId: 'v9', updated: '', document: { Statement: [] } },
      ],
    })
    const r = readPage(input(rolePage, 'https://console.aws.amazon.com/iam/home#/roles/details/app-role'))
    const res = resolveManaged([...r[0]!.policies, ...r[1]!.policies], index)
    expect(res.policies.filter((p) => p.document !== undefined).map((p) => p.name)).toEqual(['AmazonS3ReadOnlyAccess', 'ViewOnlyAccess', 'deny-delete'])
    expect(res.policies[2]!.arn).toBe('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')
    expect(res.unresolved).toEqual(['PowerUserAccess'])
    expect(res.versions).toEqual({ AmazonS3ReadOnlyAccess: 'v3', ViewOnlyAccess: 'v9' })
  })
})

describe('page readers (property): any DOM, never an error', () => {
  const words = ['Policy name', 'Type', 'AWS managed', 'Customer managed', 'Customer inline', 'ARN', 'Permissions boundary', 'Permissions policies', ROLE, 'arn:aws:iam::aws:policy/X', '{"Statement":[]}', '{', 'not set', 'x']
  const tags = ['div', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'h2', 'a', 'pre', 'code']
  type Node = { tag: string; text: string; href?: string; children: Node[] }
  const { tree } = fc.letrec<{ tree: Node }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'dom' },
      fc.record({ tag: fc.constantFrom(...tags), text: fc.constantFrom(...words), children: fc.constant([]) }),
      fc.record({
        tag: fc.constantFrom(...tags),
        text: fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 8 })),
        href: fc.option(fc.constantFrom('#/policies/details/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FX', '#/policies/details/%E0%A4%A', 'x'), { nil: undefined }),
        children: fc.array(tie('tree'), { maxLength: 3, depthIdentifier: 'dom' }),
      }),
    ) as fc.Arbitrary<Node>,
  }))
  const render = (n: Node): string => `<${n.tag}${n.href ? ` href="${n.href}"` : ''}>${n.text.replace(/[<&]/g, '')}${n.children.map(render).join('')}</${n.tag}>`
  const urls = [
    'https://console.aws.amazon.com/iam/home#/roles/details/app-role?section=permissions',
    'https://console.aws.amazon.com/iam/home#/policies/details/%E0%A4%A',
    'https://s3.console.aws.amazon.com/s3/buckets/b',
    'https://console.aws.amazon.com/',
  ]
  it('readPage never throws and returns well-formed readings', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), fc.constantFrom(...urls), fc.constantFrom(undefined, 'iam-trust-policy', 's3-bucket-policy', 'iam-policy-view', 'organizations-policy', 'x'), fc.string(), (nodes, url, pageKind, text) => {
        const i = input(nodes.map(render).join(''), url)
        const editors = pageKind ? [{ el: document.body, text: Math.random() < 0.5 ? text : '{"Statement":[]}', pageKind }] : []
        for (const reading of readPage({ ...i, editors })) {
          expect(reading.policies.length).toBeGreaterThan(0)
          for (const p of reading.policies) {
            expect(parseRole(p.role)).toEqual(p.role)
            expect(p.name.length).toBeGreaterThan(0)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('inline policy rows', () => {
  it('names an expanded inline policy by its toggle, not by its document', () => {
    const html = `<table><thead><tr><th>Policy name</th><th>Type</th></tr></thead><tbody>
      <tr><td><div><span role="button" aria-expanded="true"><span>deny-delete</span></span><div role="group"><code><pre>{"Statement":[]}</pre></code></div></div></td><td>Customer inline</td></tr>
      <tr><td>plain-inline<pre>{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}</pre></td><td>Inline</td></tr></tbody></table>`
    const r = readPage(input(html, 'https://console.aws.amazon.com/iam/home#/roles/details/app-role'))
    expect(r[0]!.policies.map((p) => [p.name, p.kind, p.document])).toEqual([
      ['deny-delete', 'inline', '{"Statement":[]}'],
      ['plain-inline', 'inline', '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'],
    ])
  })
})
