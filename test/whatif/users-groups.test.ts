// @vitest-environment happy-dom
// Users inherit their groups' policies: readers of a user's Permissions ("Attached via") and Groups tabs
// and of a Last Accessed tab; the basket's memberships; cases that include every group's policies and
// name the group. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readPage, type ReaderInput } from '../../src/extension/consoles/readers'
import { absoluteTime } from '../../src/extension/consoles/readers/last-accessed'
import { basketToCase } from '../../src/extension/whatif/model/cases'
import { parseBasket, parseBasketOp, basketReducer } from '../../src/extension/whatif/model/reducer'
import { emptyBasket, type Basket } from '../../src/extension/whatif/model/types'
import { lineDiff } from '../../src/extension/whatif/model/line-diff'
import { decidedBy } from '../../src/extension/whatif/ui/AskView'
import { simulateCase } from '../../src/engine/simulate'

const ALICE = 'arn:aws:iam::111111111111:user/alice'
const DEV = 'arn:aws:iam::111111111111:group/developers'
const AUD = 'arn:aws:iam::111111111111:group/auditors'

function input(html: string, url: string): ReaderInput {
  document.body.innerHTML = html
  return { doc: document, url: new URL(url), editors: [], accountId: '111111111111', partition: 'aws', region: 'us-east-1' }
}

const summary = `<h1>alice</h1><dl><dt>ARN</dt><dd>${ALICE}</dd></dl>`
const permissions = `${summary}
  <h2>Permissions policies</h2>
  <table><thead><tr><th>Policy name</th><th>Type</th><th>Attached via</th></tr></thead><tbody>
    <tr><td>alice-pass<pre>{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}</pre></td><td>Customer inline</td><td>Directly</td></tr>
    <tr><td>developers-deploy<pre>{"Version":"2012-10-17","Statement":[{"Sid":"Deploy","Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]}</pre></td><td>Customer inline</td><td><a>Group developers</a></td></tr>
    <tr><td><a href="#/policies/details/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess">ReadOnlyAccess</a></td><td>AWS managed</td><td>Group auditors</td></tr>
  </tbody></table>`
const groupsTab = `${summary}
  <h2>User groups membership</h2>
  <table><thead><tr><th></th><th>Group name</th><th>Attached policies</th></tr></thead><tbody>
    <tr><td></td><td><a>developers</a></td><td>developers-deploy</td></tr>
    <tr><td></td><td><a>auditors</a></td><td>ReadOnlyAccess</td></tr>
  </tbody></table>`
const lastAccessedTab = `${summary}
  <div><h2>Allowed services</h2>
  <table><thead><tr><th>Service</th><th>Policies granting permissions</th><th>Last accessed</th></tr></thead><tbody>
    <tr><td>Amazon S3</td><td>p</td><td>Today</td></tr>
    <tr><td>Amazon EC2</td><td>p</td><td>Not accessed in the tracking period</td></tr>
    <tr><td>Amazon SQS</td><td>p</td><td>12 days ago</td></tr>
  </tbody></table></div>
  <div><h2>Amazon S3 actions</h2><div>
  <table><thead><tr><th>Action</th><th>Last accessed</th><th>Region accessed</th></tr></thead><tbody>
    <tr><td>CreateBucket</td><td>Yesterday</td><td>us-east-1</td></tr>
    <tr><td>DeleteBucket</td><td>Not accessed in the tracking period</td><td>-</td></tr>
  </tbody></table></div></div>`

describe('readers of a user’s pages', () => {
  it('routes "Attached via: Group …" rows to the group and names the groups', () => {
    const [r] = readPage(input(permissions, 'https://us-east-1.console.aws.amazon.com/iam/home#/users/details/alice?section=permissions'))
    expect(r!.principal).toBe(ALICE)
    expect(r!.memberOf).toEqual([DEV, AUD])
    expect(r!.policies.map((p) => [p.name, p.role.target, p.document !== undefined])).toEqual([
      ['alice-pass', ALICE, true],
      ['developers-deploy', DEV, true],
      ['ReadOnlyAccess', AUD, false],
    ])
  })

  it('reads the Groups tab', () => {
    const r = readPage(input(groupsTab, 'https://us-east-1.console.aws.amazon.com/iam/home#/users/details/alice?section=groups')).find((x) => x.reader === 'iam-user-groups')
    expect(r!.memberOf).toEqual([DEV, AUD])
    expect(r!.policies).toEqual([])
  })

  it('reads a Last Accessed tab: services, then the actions of the service their section names', () => {
    const r = readPage(input(lastAccessedTab, 'https://us-east-1.console.aws.amazon.com/iam/home#/users/details/alice?section=access_advisor')).find((x) => x.reader === 'iam-last-accessed')!
    const s = r.lastAccessed!.services
    expect(s.map((x) => [x.name, x.lastAccessed !== undefined])).toEqual([
      ['Amazon S3', true],
      ['Amazon EC2', false],
      ['Amazon SQS', true],
    ])
    expect(s[0]!.actions!.map((a) => [a.action, a.lastAccessed !== undefined])).toEqual([
      ['CreateBucket', true],
      ['DeleteBucket', false],
    ])
    expect(s[1]!.actions).toBeUndefined()
  })

  it('turns the console’s relative times into absolute ones, and never throws (fuzzed)', () => {
    const now = Date.parse('2026-12-01T12:00:00Z')
    expect(absoluteTime('12 days ago', now).iso).toBe('2026-11-19T12:00:00.000Z')
    expect(absoluteTime('Not accessed in the tracking period', now)).toEqual({ known: true })
    expect(absoluteTime('sometime', now).known).toBe(false)
    fc.assert(fc.property(fc.string(), (t) => void absoluteTime(t, now)), { seed: 14, numRuns: 300 })
  })
})

function aliceBasket(): Basket {
  let b = emptyBasket()
  b = basketReducer(b, { op: 'set-groups', user: ALICE, groups: [DEV, AUD] })
  const doc = (st: object) => JSON.stringify({ Version: '2012-10-17', Statement: [st] })
  b = basketReducer(b, {
    op: 'add',
    items: [
      { name: 'alice-pass', role: { kind: 'identity', target: ALICE }, document: doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }), source: { kind: 'inline' } },
      { name: 'developers-deploy', role: { kind: 'identity', target: DEV }, document: doc({ Sid: 'Deploy', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }), source: { kind: 'inline' } },
    ],
  })
  return b
}

describe('the basket: a user’s effective identity policies are its own plus every group’s', () => {
  it('includes group policies, names the group, and lists a group with nothing seen as missing', () => {
    const built = basketToCase(aliceBasket(), { principal: ALICE, action: 'ec2:RunInstances', resource: '*' })
    expect(built.case.identityPolicies).toHaveLength(2)
    expect(built.case.policySources!.identityPolicies.map((n) => n.via ?? '')).toEqual(['', 'group developers'])
    expect(built.missingGroups).toEqual([AUD])
    expect(built.case.missing!.join(' ')).toMatch(/group auditors: its policies have not been seen yet/)
    const r = simulateCase(built.case)
    expect(r.decision).toBe('Allowed')
    expect(decidedBy(r.explanation!, built.case.policySources, r.decision)).toBe('Allowed by group developers → developers-deploy, statement Deploy')
    // Another user does not get alice's groups.
    expect(basketToCase(aliceBasket(), { principal: 'arn:aws:iam::111111111111:user/bob', action: 'ec2:RunInstances', resource: '*' }).case.identityPolicies).toHaveLength(0)
  })

  it('memberships survive storage and reject what is not a user and groups (fuzzed ops never throw)', () => {
    const b = parseBasket(JSON.parse(JSON.stringify(aliceBasket())))!
    expect(b.memberships).toEqual({ [ALICE]: [DEV, AUD] })
    expect(basketReducer(b, { op: 'set-groups', user: 'arn:aws:iam::111111111111:role/x', groups: [DEV] })).toBe(b)
    expect(basketReducer(b, { op: 'set-groups', user: ALICE, groups: ['not-an-arn'] }).memberships![ALICE]).toEqual([])
    expect(basketReducer(b, { op: 'clear' }).memberships).toBeUndefined()
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (user, groups) => {
        const op = parseBasketOp({ op: 'set-groups', user, groups })
        if (op) basketReducer(b, op)
      }),
      { seed: 14, numRuns: 300 },
    )
  })

  it('lineDiff keeps, removes and adds lines', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd').map((l) => l.op + l.text)).toEqual([' a', '-b', ' c', '+d'])
  })
})
