import { describe, expect, it } from 'vitest'
import {
  basketReducer,
  basketToCase,
  casesToBasket,
  completionSources,
  describeRole,
  emptyBasket,
  exportCaseFile,
  groupBasket,
  missingPolicies,
  parseBasket,
  parseBasketOp,
  principalMatches,
  resourceCovers,
  type Basket,
  type BasketOp,
} from '../../src/extension/whatif/model'
import { BUCKET, bucketPolicy, CUSTOMER_ARN, denyDelete, identity, readS3, ROLE, trust, USER } from './fixtures'

const apply = (ops: BasketOp[], start: Basket = emptyBasket()) => ops.reduce(basketReducer, start)

describe('basket reducer', () => {
  it('adds, numbers and keeps items in order', () => {
    const b = apply([{ op: 'add', items: [identity('ReadOnly', readS3, 'arn:aws:iam::aws:policy/ReadOnlyAccess'), identity('inline-1', denyDelete)], now: 5 }])
    expect(b.items.map((i) => [i.id, i.name, i.addedAt])).toEqual([
      ['p1', 'ReadOnly', 5],
      ['p2', 'inline-1', 5],
    ])
    expect(b.nextId).toBe(3)
  })

  it('does not add the same policy twice for the same principal', () => {
    const add: BasketOp = { op: 'add', items: [identity('A', readS3, 'arn:aws:iam::aws:policy/A')] }
    const b = apply([add, add])
    expect(b.items).toHaveLength(1)
    expect(apply([add], b)).toBe(b)
  })

  it('fills a missing customer managed policy when its JSON is seen, whatever role the page guessed', () => {
    let b = apply([{ op: 'add', items: [identity('app-data-access', undefined, CUSTOMER_ARN)] }])
    expect(missingPolicies(b, ROLE).map((i) => i.name)).toEqual(['app-data-access'])
    // The policy page does not know the principal: an unassigned item with the ARN fills instead of adding.
    b = basketReducer(b, { op: 'add', items: [{ name: 'app-data-access', role: { kind: 'identity', target: '' }, document: readS3, source: { kind: 'customer-managed', arn: CUSTOMER_ARN } }] })
    expect(b.items).toHaveLength(1)
    expect(b.items[0]!.document).toBe(readS3)
    expect(missingPolicies(b, ROLE)).toEqual([])
  })

  it('re-reading a page with the policy still listed as missing keeps the document seen', () => {
    const b = apply([
      { op: 'add', items: [identity('c', readS3, CUSTOMER_ARN)] },
      { op: 'add', items: [identity('c', undefined, CUSTOMER_ARN)] },
    ])
    expect(b.items[0]!.document).toBe(readS3)
  })

  it('a trust, resource or boundary policy replaces the earlier one for the same target', () => {
    const b = apply([
      { op: 'add', items: [{ name: 'bucket', role: { kind: 'resource', target: BUCKET }, document: bucketPolicy, source: { kind: 'bucket-policy' } }] },
      { op: 'add', items: [{ name: 'bucket', role: { kind: 'resource', target: BUCKET }, document: denyDelete, source: { kind: 'bucket-policy' } }] },
      { op: 'add', items: [{ name: 'B1', role: { kind: 'boundary', target: ROLE }, document: readS3, source: { kind: 'aws-managed', arn: 'arn:aws:iam::aws:policy/B1' } }] },
      { op: 'add', items: [{ name: 'B2', role: { kind: 'boundary', target: ROLE }, source: { kind: 'customer-managed', arn: 'arn:aws:iam::111111111111:policy/B2' } }] },
    ])
    expect(b.items).toHaveLength(2)
    expect(b.items[0]!.document).toBe(denyDelete)
    expect(b.items[1]!.name).toBe('B2')
    expect(b.items[1]!.document).toBeUndefined()
  })

  it('removes, renames, corrects roles and clears', () => {
    let b = apply([{ op: 'add', items: [identity('A', readS3), identity('B', denyDelete)] }])
    b = basketReducer(b, { op: 'rename', id: 'p1', name: '  My   policy ' })
    expect(b.items[0]!.name).toBe('My policy')
    expect(basketReducer(b, { op: 'rename', id: 'p1', name: '   ' })).toBe(b)
    b = basketReducer(b, { op: 'set-role', id: 'p2', role: { kind: 'boundary', target: ROLE } })
    expect(describeRole(b.items[1]!.role)).toBe('Permissions boundary of role/app-role')
    b = basketReducer(b, { op: 'remove', ids: ['p1'] })
    expect(b.items.map((i) => i.id)).toEqual(['p2'])
    b = basketReducer(b, { op: 'clear' })
    expect(b.items).toEqual([])
    expect(b.nextId).toBe(3)
  })

  it('notes principals and resources seen, most recent first, without duplicates', () => {
    const b = apply([
      { op: 'note', principals: [ROLE], resources: [BUCKET] },
      { op: 'note', principals: [USER, ROLE] },
    ])
    expect(b.principals).toEqual([USER, ROLE])
    expect(b.resources).toEqual([BUCKET])
  })

  it('rejects malformed ops and baskets', () => {
    expect(parseBasketOp({ op: 'explode' })).toBeUndefined()
    expect(parseBasketOp({ op: 'rename', id: 1 })).toBeUndefined()
    expect(parseBasketOp({ op: 'add', items: [{ name: 'x' }] })).toEqual({ op: 'add', items: [] })
    expect(parseBasket({ v: 2, items: [] })).toBeUndefined()
    expect(parseBasket({ v: 1, items: [{ id: 'p9', name: 'x', role: { kind: 'scp' }, source: { kind: 'scp' } }] })?.nextId).toBe(10)
  })
})

describe('grouping', () => {
  it('groups by principal, resource, organization and unassigned', () => {
    const b = apply([
      { op: 'add', items: [identity('A', readS3), { name: 'trust', role: { kind: 'trust', target: ROLE }, document: trust, source: { kind: 'trust' } }] },
      { op: 'add', items: [{ name: 'bucket', role: { kind: 'resource', target: BUCKET }, document: bucketPolicy, source: { kind: 'bucket-policy' } }] },
      { op: 'add', items: [{ name: 'scp', role: { kind: 'scp', target: '', level: 1 }, document: denyDelete, source: { kind: 'scp' } }] },
      { op: 'add', items: [identity('U', undefined, CUSTOMER_ARN, ''), identity('Alice', readS3, undefined, USER)] },
    ])
    const g = groupBasket(b)
    expect(g.map((x) => [x.kind, x.title, x.items.length, x.missing])).toEqual([
      ['principal', 'role/app-role', 2, 0],
      ['principal', 'user/alice', 1, 0],
      ['resource', 's3://data-bucket', 1, 0],
      ['organization', 'Organization (SCPs and RCPs)', 1, 0],
      ['unassigned', 'Not assigned yet', 1, 1],
    ])
  })
})

describe('matching', () => {
  it('matches role sessions and paths', () => {
    expect(principalMatches(ROLE, 'arn:aws:sts::111111111111:assumed-role/app-role/session')).toBe(true)
    expect(principalMatches('arn:aws:iam::111111111111:role/team/app-role', ROLE)).toBe(true)
    expect(principalMatches(ROLE, 'arn:aws:iam::222222222222:role/app-role')).toBe(false)
    expect(principalMatches(ROLE, USER)).toBe(false)
  })
  it('a bucket policy covers the bucket and its objects only', () => {
    expect(resourceCovers(BUCKET, `${BUCKET}/a/b.txt`)).toBe(true)
    expect(resourceCovers(BUCKET, BUCKET)).toBe(true)
    expect(resourceCovers(BUCKET, 'arn:aws:s3:::data-bucket-2/x')).toBe(false)
    expect(resourceCovers(BUCKET, '*')).toBe(false)
  })
})

describe('cases', () => {
  const basket = apply([
    {
      op: 'add',
      items: [
        identity('ReadOnly', readS3, 'arn:aws:iam::aws:policy/ReadOnly'),
        identity('app-data-access', undefined, CUSTOMER_ARN),
        { name: 'trust', role: { kind: 'trust', target: ROLE }, document: trust, source: { kind: 'trust' } },
        { name: 'boundary', role: { kind: 'boundary', target: ROLE }, document: readS3, source: { kind: 'aws-managed', arn: 'arn:aws:iam::aws:policy/B' } },
        { name: 'data-bucket', role: { kind: 'resource', target: BUCKET }, document: bucketPolicy, source: { kind: 'bucket-policy' } },
        { name: 'root scp', role: { kind: 'scp', target: '', level: 0 }, document: readS3, source: { kind: 'scp' } },
        { name: 'ou scp a', role: { kind: 'scp', target: '', level: 1 }, document: readS3, source: { kind: 'scp' } },
        { name: 'ou scp b', role: { kind: 'scp', target: '', level: 1 }, document: denyDelete, source: { kind: 'scp' } },
        identity('alice', denyDelete, undefined, USER),
      ],
    },
  ])

  it('builds the case for the principal and resource, naming what is missing', () => {
    const built = basketToCase(basket, { principal: ROLE, action: 's3:GetObject', resource: `${BUCKET}/k.txt` })
    const c = built.case
    expect(c.request).toEqual({ action: 's3:GetObject', resource: `${BUCKET}/k.txt`, principal: ROLE })
    expect(c.identityPolicies).toEqual([JSON.parse(readS3)])
    expect(c.resourcePolicy).toEqual(JSON.parse(bucketPolicy))
    expect(c.permissionsBoundary).toEqual(JSON.parse(readS3))
    expect(c.scps).toEqual([JSON.parse(readS3), [JSON.parse(readS3), JSON.parse(denyDelete)]])
    expect(c.policySources?.resourcePolicy).toEqual({ name: 'data-bucket', kind: 'bucket-policy', attachedTo: BUCKET })
    expect(built.missing.map((i) => i.name)).toEqual(['app-data-access'])
    expect(c.missing?.[0]).toMatch(/app-data-access: customer managed policy of role\/app-role not seen yet/)
  })

  it('uses the trust policy for sts:AssumeRole on the role', () => {
    const c = basketToCase(basket, { principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole', resource: ROLE }).case
    expect(c.resourcePolicy).toEqual(JSON.parse(trust))
    expect(c.identityPolicies).toEqual([])
  })

  it('round-trips through a case file', () => {
    const q = { principal: ROLE, action: 's3:GetObject', resource: `${BUCKET}/k.txt`, context: { 'aws:SourceIp': '203.0.113.5' } }
    const file = exportCaseFile(basket, q)
    const r = casesToBasket(file)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.basket.question).toEqual(q)
    const again = basketToCase(r.basket, q).case
    const first = basketToCase(basket, q).case
    expect({ ...again, missing: undefined }).toEqual({ ...first, missing: undefined })
    expect(r.basket.items.find((i) => i.role.kind === 'resource')?.role.target).toBe(BUCKET)
  })

  it('imports trust policies as the role’s and object requests’ resource policies as the bucket’s', () => {
    const r = casesToBasket([
      { request: { action: 'sts:AssumeRole', resource: ROLE, principal: USER }, identityPolicies: [], resourcePolicy: trust },
      { request: { action: 's3:GetObject', resource: `${BUCKET}/x`, principal: USER }, identityPolicies: [readS3], resourcePolicy: JSON.parse(bucketPolicy) },
    ])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.basket.items.map((i) => [i.role.kind, i.role.target])).toEqual([
      ['trust', ROLE],
      ['identity', USER],
      ['resource', BUCKET],
    ])
    expect(r.cases).toBe(2)
  })

  it('explains what is wrong with a bad file', () => {
    const bad = (x: unknown) => {
      const r = casesToBasket(x)
      return r.ok ? [] : r.errors
    }
    expect(bad('{nope')[0]).toMatch(/^The file is not valid JSON/)
    expect(bad('')).toEqual(['The file is empty.'])
    expect(bad('[]')[0]).toMatch(/empty array/)
    expect(bad('42')[0]).toMatch(/expected a simulation case/)
    expect(bad({ identityPolicies: [] })[0]).toMatch(/"request" is missing/)
    expect(bad({ request: { action: 'GetObject', resource: '*' } })[0]).toMatch(/request.action: expected "service:Action"/)
    expect(bad([{ id: 'x', request: { action: 's3:GetObject', resource: '*' }, identityPolicies: [5, '{"a":'] }])).toEqual([
      'case 1 ("x").identityPolicies[0]: expected a policy document (an object or its JSON text), got a number.',
      expect.stringMatching(/^case 1 \("x"\).identityPolicies\[1\]: the policy text is not valid JSON/),
    ])
    expect(bad({ request: { action: 's3:GetObject', resource: '*' }, scps: {} })[0]).toMatch(/scps: expected an array with one element per level/)
  })

  it('imports the shared example cases', async () => {
    const { readFileSync } = await import('node:fs')
    const text = readFileSync(new URL('../fixtures/simulation-cases.json', import.meta.url), 'utf8')
    const r = casesToBasket(text)
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.cases).toBeGreaterThan(100)
  })
})

describe('completion', () => {
  it('offers principals and concrete ARNs seen', () => {
    const b = apply([
      { op: 'note', principals: [ROLE] },
      { op: 'add', items: [{ name: 'bucket', role: { kind: 'resource', target: BUCKET }, document: bucketPolicy, source: { kind: 'bucket-policy' } }] },
      { op: 'add', items: [identity('x', JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: ['arn:aws:sqs:us-east-1:111111111111:q', 'arn:aws:s3:::b/*'] } }), undefined, USER)] },
    ])
    const c = completionSources(b)
    expect(c.principals).toEqual([ROLE, USER])
    expect(c.resources).toEqual([BUCKET, 'arn:aws:sqs:us-east-1:111111111111:q'])
  })
})
