import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Finding, Suggestion } from '../../src/engine/findings/types'
import { buildPolicyModel } from '../../src/engine/model'
import { policyKindFinding } from '../../src/engine/validate/policy-kind'
import { plainExplanation } from '../../src/extension/panel/simulate-case'
import { buildVerdict, safeFixes } from '../../src/extension/panel/verdict'
import { addStatements, hasStatements } from '../../src/extension/templates/merge'

const r = (line: number, column: number) => ({ start: { line, column }, end: { line, column: column + 3 } })
const f = (code: string, severity: Finding['severity'], line: number, extra: Partial<Suggestion> = {}): Suggestion => ({ code, severity, message: code, range: r(line, 5), path: [], ...extra })
const none = () => false

describe('one truthful verdict (issue 11)', () => {
  it('puts security risks from the least-privilege assistant in the first list, ordered by severity, and counts them', () => {
    const v = buildVerdict({
      findings: [f('MISSING_VERSION', 'WARNING', 1)],
      suggestions: [f('PUBLIC_ACCESS', 'SECURITY_WARNING', 4), f('RESOURCE_STAR_SCOPABLE', 'SUGGESTION', 6)],
      isHidden: none,
    })
    expect(v.cards.map((c) => c.finding.code)).toEqual(['PUBLIC_ACCESS', 'MISSING_VERSION'])
    expect(v.counts.SECURITY_WARNING).toBe(1)
    expect(v.serious).toBe(2)
    expect(v.pending).toBe(false)
  })

  it('never says "No findings" while the security phase is pending', () => {
    const v = buildVerdict({ findings: [], suggestions: undefined, isHidden: none })
    expect(v.serious).toBe(0)
    expect(v.pending).toBe(true)
  })

  it('calls public write and permissions management worse than public read, and orders them first', () => {
    const v = buildVerdict({
      findings: [],
      suggestions: [f('PUBLIC_ACCESS', 'SECURITY_WARNING', 3), f('PUBLIC_ACCESS', 'SECURITY_WARNING', 9)],
      extras: { text: '', publicLevels: { '3:5': 'read', '9:5': 'write' } },
      isHidden: none,
    })
    expect(v.cards.map((c) => c.title)).toEqual(['Public write access', 'Public read access'])
    expect(v.cards[0]!.finding.message).toMatch(/Worse than public read/)
  })

  it('renders the engine group when present, and groups same-cause risks itself otherwise', () => {
    const members = [f('PRIVILEGE_ESCALATION', 'SECURITY_WARNING', 2), f('PRIVILEGE_ESCALATION', 'SECURITY_WARNING', 2)]
    const grouped = buildVerdict({
      findings: [],
      suggestions: [f('PRIVILEGE_ESCALATION', 'SECURITY_WARNING', 2, { group: { count: 45, noun: 'privilege-escalation methods', members } } as Partial<Suggestion>)],
      isHidden: none,
    })
    expect(grouped.cards).toHaveLength(1)
    expect(grouped.cards[0]!.group).toMatchObject({ count: 45, noun: 'privilege-escalation methods' })
    const repeated = Array.from({ length: 23 }, () => f('PRIVILEGE_ESCALATION', 'SECURITY_WARNING', 2, { category: 'privilege-escalation' }))
    const v = buildVerdict({ findings: [], suggestions: repeated, isHidden: none })
    expect(v.cards).toHaveLength(1)
    expect(v.cards[0]!.group?.count).toBe(23)
  })

  it('strips every fix when the text is another kind of policy, and leads with that finding', () => {
    const model = buildPolicyModel('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}')
    const kind = policyKindFinding(model, 'identity')!
    expect(kind.message).toMatch(/trust policy/)
    const v = buildVerdict({ findings: [f('MISSING_RESOURCE', 'ERROR', 1, { fixes: [{ title: 'Add Resource', edits: [] }] })], suggestions: [], extras: { text: '', kindFinding: kind, publicLevels: {} }, isHidden: none })
    expect(v.cards[0]!.finding.code).toBe('POLICY_TYPE_MISMATCH')
    expect(v.cards.every((c) => !c.finding.fixes)).toBe(true)
    // A bucket policy in a role's inline editor; an identity policy on a bucket; a trust policy in the trust editor is fine.
    expect(policyKindFinding(buildPolicyModel('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'), 'identity')?.message).toMatch(/resource policy/)
    expect(policyKindFinding(buildPolicyModel('{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'), 'resource')?.message).toMatch(/identity-based/)
    expect(policyKindFinding(model, 'trust')).toBeUndefined()
  })

  it('"Fix all safe" takes only mechanical one-fix codes, without overlapping edits', () => {
    const edit = (line: number) => ({ range: r(line, 1), newText: 'x' })
    const v = buildVerdict({
      findings: [
        f('INVALID_EFFECT', 'ERROR', 2, { fixes: [{ title: 'Change to "Allow"', edits: [edit(2)] }] }),
        f('INVALID_EFFECT', 'ERROR', 3, { fixes: [{ title: 'Allow', edits: [edit(3)] }, { title: 'Deny', edits: [edit(3)] }] }),
        f('MISSING_VERSION', 'WARNING', 1, { fixes: [{ title: 'Add Version', edits: [edit(1)] }] }),
        f('MISSING_RESOURCE', 'ERROR', 4, { fixes: [{ title: 'Add "Resource": "*"', edits: [edit(4)] }] }),
      ],
      suggestions: [],
      isHidden: none,
    })
    expect(safeFixes(v.cards).map((x) => x.title)).toEqual(['Change to "Allow"', 'Add Version'])
  })

  it('hidden codes leave the list, but a JSON syntax error is never hidden', () => {
    const v = buildVerdict({ findings: [f('JSON_SYNTAX_ERROR', 'ERROR', 1), f('INVALID_ACTION', 'ERROR', 2)], suggestions: [], isHidden: () => true })
    expect(v.cards.map((c) => c.finding.code)).toEqual(['JSON_SYNTAX_ERROR'])
    expect(v.hidden).toBe(1)
  })
})

describe('templates: add the statements instead of replacing', () => {
  const mine = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Mine",\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}'
  it('keeps the existing statements and their formatting, and numbers a taken Sid', () => {
    const r1 = addStatements(mine, '{"Version":"2012-10-17","Statement":[{"Sid":"Mine","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}')
    expect(r1.ok).toBe(true)
    if (!r1.ok) return
    expect(r1.text.startsWith(mine.slice(0, mine.lastIndexOf('}\n  ]')))).toBe(true)
    const doc = JSON.parse(r1.text) as { Statement: { Sid: string }[] }
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['Mine', 'Mine2'])
    expect(r1.renamed).toEqual(['Mine → Mine2'])
  })
  it('turns a single Statement object into a list, and refuses text that does not parse', () => {
    const r2 = addStatements('{"Statement":{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"}}', mine)
    expect(r2.ok && (JSON.parse(r2.text) as { Statement: unknown[] }).Statement).toHaveLength(2)
    expect(addStatements('{"Statement": [', mine).ok).toBe(false)
    expect(hasStatements('')).toBe(false)
    expect(hasStatements(mine)).toBe(true)
  })
})

describe('simulation explanations in plain words', () => {
  it('names the editor’s statement by Sid and line, and the others by policy', () => {
    const text = 'ExplicitDeny: identity[0] Statement[1] (Sid "NoDeletes") denies s3:DeleteObject.'
    expect(plainExplanation(text, 'identity[0]', { policy: 'identity[0]', statement: 1, range: { start: { line: 12 } } })).toBe('ExplicitDeny: statement NoDeletes, line 12 denies s3:DeleteObject.')
    expect(plainExplanation('permissionsBoundary Statement[0] (Allow) allows', 'identity[0]')).toBe('statement 1 of the permissions boundary (Allow) allows')
  })
})

describe('fuzz (fixed seed)', () => {
  const statement = fc.record({ Sid: fc.option(fc.constantFrom('A', 'B', 'A2', 'Mine', ''), { nil: undefined }), Effect: fc.constantFrom('Allow', 'Deny'), Action: fc.constantFrom('s3:GetObject', 's3:*'), Resource: fc.constant('*') })
  const doc = fc.record({ Version: fc.constant('2012-10-17'), Statement: fc.oneof(fc.array(statement, { maxLength: 4 }), statement) })
  it('addStatements keeps every statement, makes Sids unique, and never throws on any text', () => {
    fc.assert(
      fc.property(doc, doc, fc.integer({ min: 0, max: 4 }), (cur, tpl, indent) => {
        const r = addStatements(JSON.stringify(cur, null, indent), JSON.stringify(tpl))
        const list = (d: { Statement: unknown }) => (Array.isArray(d.Statement) ? d.Statement : [d.Statement])
        if (list(tpl).length === 0) return !r.ok
        if (!r.ok) return false
        const out = list(JSON.parse(r.text) as { Statement: unknown }) as { Sid?: string }[]
        const sids = out.map((s) => s.Sid).filter((s): s is string => !!s)
        return out.length === list(cur).length + list(tpl).length && (new Set(sids).size === sids.length || list(cur).some((s, i, a) => !!(s as { Sid?: string }).Sid && a.findIndex((t) => (t as { Sid?: string }).Sid === (s as { Sid?: string }).Sid) !== i))
      }),
      { seed: 11, numRuns: 300 },
    )
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => typeof addStatements(a, b).ok === 'boolean'), { seed: 11, numRuns: 300 })
  })
  it('buildVerdict orders by severity and never loses a serious finding', () => {
    const sev = fc.constantFrom('ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION') as fc.Arbitrary<Finding['severity']>
    const finding = fc.record({ code: fc.constantFrom('A', 'B', 'PUBLIC_ACCESS'), severity: sev, line: fc.integer({ min: 1, max: 9 }) }).map((x) => f(x.code, x.severity, x.line))
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 8 }), fc.array(finding, { maxLength: 8 }), (fs, ss) => {
        const v = buildVerdict({ findings: fs, suggestions: ss, isHidden: none })
        const order = ['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION']
        const ranks = v.cards.map((c) => order.indexOf(c.finding.severity))
        return ranks.every((r, i) => i === 0 || ranks[i - 1]! <= r) && v.counts.ERROR >= (fs.some((x) => x.severity === 'ERROR') ? 1 : 0)
      }),
      { seed: 11, numRuns: 300 },
    )
  })
})
