import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  basketReducer,
  basketToCase,
  casesToBasket,
  emptyBasket,
  exportCaseFile,
  groupBasket,
  parseBasket,
  parseBasketOp,
  type BasketOp,
  type NewItem,
  type PolicyRole,
} from '../../src/extension/whatif/model'

const principals = ['arn:aws:iam::111111111111:role/app', 'arn:aws:iam::111111111111:user/alice', '']
const resources = ['arn:aws:s3:::bucket', 'arn:aws:s3:::other', 'arn:aws:iam::111111111111:role/app']
const arns = [undefined, 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111111111111:policy/p1', 'arn:aws:iam::111111111111:policy/p2']

const docArb = fc.oneof(
  fc.constant(undefined),
  fc
    .record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: fc.constantFrom('s3:GetObject', 's3:*', '*', 'sts:AssumeRole'),
      Resource: fc.constantFrom('*', 'arn:aws:s3:::bucket/*'),
    })
    .map((s) => JSON.stringify({ Version: '2012-10-17', Statement: [s] })),
  fc.string({ maxLength: 30 }),
)

const roleArb: fc.Arbitrary<PolicyRole> = fc.oneof(
  fc.record({ kind: fc.constantFrom('identity' as const, 'boundary' as const, 'session' as const), target: fc.constantFrom(...principals) }),
  fc.record({ kind: fc.constantFrom('trust' as const), target: fc.constantFrom(principals[0]!) }),
  fc.record({ kind: fc.constantFrom('resource' as const), target: fc.constantFrom(...resources) }),
  fc.record({ kind: fc.constantFrom('scp' as const, 'rcp' as const), target: fc.constant(''), level: fc.integer({ min: 0, max: 3 }) }),
)

const itemArb: fc.Arbitrary<NewItem> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 20 }),
  role: roleArb,
  document: docArb,
  source: fc.record({ kind: fc.constantFrom('aws-managed' as const, 'customer-managed' as const, 'inline' as const, 'bucket-policy' as const, 'scp' as const), arn: fc.constantFrom(...arns) }),
}).map((i) => {
  const { document, source, ...rest } = i
  return { ...rest, ...(document !== undefined ? { document } : {}), source: { kind: source.kind, ...(source.arn ? { arn: source.arn } : {}) } }
})

const opArb: fc.Arbitrary<BasketOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('add' as const), items: fc.array(itemArb, { maxLength: 4 }), now: fc.nat() }) },
  fc.record({ op: fc.constant('remove' as const), ids: fc.array(fc.constantFrom('p1', 'p2', 'p3', 'x'), { maxLength: 2 }) }),
  fc.record({ op: fc.constant('rename' as const), id: fc.constantFrom('p1', 'p2', 'p3'), name: fc.string() }),
  fc.record({ op: fc.constant('set-role' as const), id: fc.constantFrom('p1', 'p2', 'p3'), role: roleArb }),
  fc.constant({ op: 'clear' as const }),
  fc.record({ op: fc.constant('note' as const), principals: fc.array(fc.constantFrom(...principals)), resources: fc.array(fc.string()) }),
)

const questionArb = fc.record({
  principal: fc.constantFrom(...principals),
  action: fc.constantFrom('s3:GetObject', 'sts:AssumeRole', 'iam:PassRole'),
  resource: fc.constantFrom('arn:aws:s3:::bucket/k', 'arn:aws:s3:::bucket', 'arn:aws:iam::111111111111:role/app', '*'),
})

describe('basket reducer (property)', () => {
  it('any op sequence keeps a valid basket with unique ids, and validation is a fixpoint', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const b = ops.reduce(basketReducer, emptyBasket())
        const ids = b.items.map((i) => i.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(parseBasket(JSON.parse(JSON.stringify(b)))).toEqual(JSON.parse(JSON.stringify(b)))
        expect(groupBasket(b).reduce((n, g) => n + g.items.length, 0)).toBe(b.items.length)
        for (const i of b.items) expect(Number(i.id.slice(1))).toBeLessThan(b.nextId)
      }),
      { numRuns: 300 },
    )
  })

  it('untrusted messages never throw and parse to ops the reducer accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), opArb.map((o) => JSON.parse(JSON.stringify(o)) as unknown)), (x) => {
        const op = parseBasketOp(x)
        if (op) basketReducer(emptyBasket(), op)
        parseBasket(x)
      }),
      { numRuns: 500 },
    )
  })
})

describe('case import (property)', () => {
  it('never throws on arbitrary input and yields a valid basket or messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.json()), (x) => {
        const r = casesToBasket(x)
        if (r.ok) expect(parseBasket(r.basket)).toBeDefined()
        else expect(r.errors.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })

  it('export → import → export gives the same case', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 8 }), questionArb, (items, q) => {
        const b = basketReducer(emptyBasket(), { op: 'add', items })
        const file = exportCaseFile(b, q)
        const r = casesToBasket(file)
        // A case whose documents are not JSON objects cannot be imported; everything else must come back.
        const first = basketToCase(b, q).case
        const bad = [...first.identityPolicies, first.resourcePolicy, first.permissionsBoundary, first.sessionPolicy, ...(first.scps ?? []).flat(), ...(first.rcps ?? []).flat()].some(
          (d) => typeof d === 'string',
        )
        if (bad) {
          expect(r.ok).toBe(false)
          return
        }
        if (!r.ok) throw new Error(r.errors.join('\n'))
        const again = basketToCase(r.basket, q).case
        expect({ ...again, missing: undefined, description: undefined }).toEqual({ ...first, missing: undefined, description: undefined })
      }),
      { numRuns: 300 },
    )
  })
})
