/**
 * Hostile policies (issue 17, item 3) finish, with the same output as before for ordinary ones. Timings
 * live in bench/hostile.bench.ts; here the bounds are operation counts, results and generous timeouts.
 */
import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { bucketPolicyWithVariables, bigPolicy, identityWithVariables, longWildcards, manyStatements, variablesAtScale } from '../../bench/hostile-policies'
import { variablesAsWildcards } from '../../src/engine/arn/format'
import type { Catalogue } from '../../src/engine/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { explainModel, explainPolicy } from '../../src/engine/explain'
import { ANALYSIS_TRUNCATED } from '../../src/engine/findings/budget'
import type { Suggestion } from '../../src/engine/findings/types'
import { buildPolicyModel } from '../../src/engine/model'
import { replaceVariables } from '../../src/engine/patterns/variables'
import { suggestModel, suggestPolicy } from '../../src/engine/suggest'
import { validateModel, validatePolicy } from '../../src/engine/validate'
import { scanVariables } from '../../src/engine/validate/policy-variables'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await loadCatalogue()
})

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

/** Counts the character reads a function makes of one string (String.prototype.indexOf, which the scanners use). */
function countIndexOfWork(fn: () => void): number {
  const original = String.prototype.indexOf
  let work = 0
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    const r = original.call(this, search, from)
    work += (r < 0 ? this.length : r + search.length) - Math.max(0, from ?? 0)
    return r
  }
  try {
    fn()
  } finally {
    String.prototype.indexOf = original
  }
  return work
}

describe('policy variable scans are linear', () => {
  it('replaceVariables is the regular expression /\\$\\{[^}]*\\}/g, on any text (fixed seed)', () => {
    const text = fc.array(fc.constantFrom('$', '{', '}', '${', 'a', ':', '*', '$}', '}${'), { maxLength: 60 }).map((xs) => xs.join(''))
    fc.assert(
      fc.property(text, fc.constantFrom('*', '', '\u0001'), (t, by) => replaceVariables(t, by) === t.replace(/\$\{[^}]*\}/g, by)),
      { seed: 17, numRuns: 2000 },
    )
    expect(variablesAsWildcards('a${aws:username}/${*}${${x}')).toBe('a*/**')
  })

  it('reads each character a bounded number of times with many `${` and no `}`', () => {
    for (const n of [1000, 4000]) {
      const text = 'arn:aws:s3:::b/' + '${'.repeat(n)
      expect(countIndexOfWork(() => replaceVariables(text, '*'))).toBeLessThanOrEqual(4 * text.length)
    }
  })

  it('scanVariables reads each character a bounded number of times (many `${` before one `}`)', () => {
    const text = '${'.repeat(5000) + '}'
    let problems = 0
    const work = countIndexOfWork(() => {
      problems = scanVariables(text).problems.length
    })
    expect(problems).toBe(5000)
    expect(work).toBeLessThanOrEqual(4 * text.length)
  })
})

describe('hostile policies finish with findings (no time limit, as the CLI runs)', () => {
  it('6 KB identity policy of `${`: validation and suggestions', () => {
    const text = identityWithVariables()
    expect(text.length).toBeLessThanOrEqual(6144)
    expect(validatePolicy(text, { catalogue }).findings.map((f) => f.code)).toContain('MISSING_BRACE_IN_VARIABLE')
    expect(suggestPolicy(text, { catalogue }).map((s) => s.code)).toContain('WILDCARD_SERVICE_ACTIONS')
    expect(explainPolicy(text, { catalogue }).statements).toHaveLength(2)
  }, 60_000)

  it('20 KB bucket policy of `${`, open to everyone', () => {
    const text = bucketPolicyWithVariables()
    expect(validatePolicy(text, { catalogue, policyType: 'resource', resourceType: 'AWS::S3::Bucket' }).findings.length).toBeGreaterThan(0)
    expect(suggestPolicy(text, { catalogue, policyType: 'resource' }).length).toBeGreaterThan(0)
  }, 60_000)

  it('64 KB of `${` and long wildcard patterns', () => {
    for (const text of [variablesAtScale(64 * 1024), longWildcards()]) {
      expect(validatePolicy(text, { catalogue }).findings.length).toBeGreaterThan(0)
      expect(suggestPolicy(text, { catalogue }).length).toBeGreaterThan(0)
    }
  }, 120_000)

  it('2,000 statements: the redundancy check finds repeated statements through its indexes', () => {
    const statements = Array.from({ length: 2000 }, (_, i) => ({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::b${i % 1000}/*` }))
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements })
    // group: false — each repeated statement on its own (grouping would fold them into one item)
    const found = suggestPolicy(text, { catalogue, group: false }).filter((s) => s.code === 'REDUNDANT_STATEMENT_DUPLICATE' || s.code === 'STATEMENTS_CAN_MERGE')
    expect(found.filter((s) => s.code === 'REDUNDANT_STATEMENT_DUPLICATE')).toHaveLength(1000)
    expect(found.some((s) => s.code === 'STATEMENTS_CAN_MERGE')).toBe(true)
  }, 120_000)
})

describe('time budgets: a phase that runs out says so', () => {
  it('validation with no time left reports every check it skipped', () => {
    const r = validatePolicy(identityWithVariables(), { catalogue, budgetMs: 0 })
    const cut = r.findings.filter((f) => f.code === ANALYSIS_TRUNCATED)
    expect(cut).toHaveLength(1)
    expect(cut[0]!.message).toMatch(/PolicyGrammar/)
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('10,000 statements and 512 KB end with ANALYSIS_TRUNCATED under a budget', () => {
    // A clock that moves 1 ms each time it is read: the budget runs out after a fixed amount of work whatever
    // the machine's speed (with the real clock a fast runner could finish inside the budget).
    let t = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 1))
    for (const text of [manyStatements(), bigPolicy()]) {
      const model = buildPolicyModel(text)
      const v = validateModel(model, { catalogue, budgetMs: 200 })
      const s = suggestModel(model, { catalogue, budgetMs: 200 })
      expect(v.findings.length).toBeGreaterThan(0)
      expect(s.some((x) => x.code === ANALYSIS_TRUNCATED)).toBe(true)
      const e = explainModel(model, { catalogue, budgetMs: 50 })
      expect(e.statements.length).toBeLessThan(model.statements.length)
      expect(e.summary).toMatch(/too large to explain/)
    }
  }, 120_000)

  it('without a budget nothing is cut (the default stays deterministic)', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] })
    expect(plain(suggestPolicy(text, { catalogue }))).toEqual(plain(suggestPolicy(text, { catalogue })))
    expect(suggestPolicy(text, { catalogue }).some((s) => s.code === ANALYSIS_TRUNCATED)).toBe(false)
  })
})

describe('one model for every service; fixes built when read', () => {
  const samples = [
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances', 's3:GetObject', 's3:Get*'], Resource: '*' }] },
    { Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/*'] }, { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] },
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
  ].map((d) => JSON.stringify(d, null, 2))

  it('validateModel / suggestModel / explainModel on one model equal the text entry points', () => {
    for (const text of samples) {
      const model = buildPolicyModel(text)
      expect(plain(validateModel(model, { catalogue, policyType: 'auto' }))).toEqual(plain(validatePolicy(text, { catalogue, policyType: 'auto' })))
      expect(plain(suggestModel(model, { catalogue }))).toEqual(plain(suggestPolicy(text, { catalogue })))
      expect(explainModel(model, { catalogue })).toEqual(explainPolicy(text, { catalogue }))
    }
  })

  it('a suggestion’s fixes are a getter until read, then plain data; JSON output keeps them', () => {
    const s = suggestPolicy(samples[0]!, { catalogue }).find((x) => x.code.startsWith('PRIVILEGE_ESCALATION_')) as Suggestion
    expect(Object.getOwnPropertyDescriptor(s, 'fixes')?.get).toBeTypeOf('function')
    const json = JSON.parse(JSON.stringify(s)) as Suggestion
    expect(json.fixes?.length).toBeGreaterThan(0)
    expect(Object.getOwnPropertyDescriptor(s, 'fixes')?.get).toBeUndefined()
    expect(structuredClone(s)).toEqual(json)
  })
})
