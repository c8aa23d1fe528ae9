/**
 * An Allow whose every action an unconditional Deny of the same policy takes away grants nothing
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
 * The Denies are indexed by service once per policy; the index must answer exactly what comparing every
 * Deny with every Allow answers.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPolicyModel } from '../../src/engine/model'
import { globCovers } from '../../src/engine/patterns/glob'
import { readStatements, type StatementInfo } from '../../src/engine/suggest/statements'
import { alwaysDenies, fullyDenied } from '../../src/engine/suggest/time-and-denials'

/** The plain definition: every Deny against every Allow. */
function naive(s: StatementInfo, statements: readonly StatementInfo[]): boolean {
  if (s.effect !== 'Allow' || s.notAction || s.actionItems.length === 0) return false
  const denies = statements.filter(
    (d) =>
      d.effect === 'Deny' &&
      !d.conditioned &&
      !d.notAction &&
      d.anyPrincipal &&
      !d.model.notPrincipal &&
      !d.notResource &&
      (d.resources === undefined || d.resources.includes('*') || (!s.notResource && s.resources !== undefined && s.resources.every((r) => d.resources!.some((x) => globCovers(x, r))))),
  )
  return s.actionItems.every((i) => denies.some((d) => d.actionItems.some((x) => globCovers(x.item.value, i.item.value, true))))
}

const action = fc.constantFrom('*', 's3:*', 's3:Get*', 'S3:GetObject', 's3:getobject', 's3:PutObject', 's*:Get*', 'ec2:*', 'ec2:RunInstances', 'iam:Pass*', 'iam:PassRole', '*:Get*', 's3')
const resource = fc.constantFrom('*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/k', 'arn:aws:s3:::c/*', 'arn:aws:ec2:us-east-1:111122223333:instance/*')
const statement = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: fc.array(action, { minLength: 1, maxLength: 3 }),
    Resource: fc.array(resource, { minLength: 1, maxLength: 2 }),
    Condition: fc.constant({ Bool: { 'aws:SecureTransport': 'false' } }),
  },
  { requiredKeys: ['Effect', 'Action', 'Resource'] },
)

describe('Allows taken away by an unconditional Deny of the same policy', () => {
  it('the per-service index answers as comparing every Deny with every Allow does (property)', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), (list) => {
        const statements = readStatements(buildPolicyModel(JSON.stringify({ Version: '2012-10-17', Statement: list })))
        const index = alwaysDenies(statements)
        for (const s of statements) expect(fullyDenied(s, index)).toBe(naive(s, statements))
      }),
      { numRuns: 400 },
    )
  })

  it('a Deny on s3:* takes away an Allow of S3:GetObject (service names are case-insensitive); a Deny on s3:* does not take away *', () => {
    const statements = readStatements(
      buildPolicyModel(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'S3:GetObject', Resource: '*' },
            { Effect: 'Allow', Action: '*', Resource: '*' },
            { Effect: 'Deny', Action: 's3:*', Resource: '*' },
          ],
        }),
      ),
    )
    const index = alwaysDenies(statements)
    expect(statements.map((s) => fullyDenied(s, index))).toEqual([true, false, false])
  })
})
