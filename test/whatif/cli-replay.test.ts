// The exported case replays through the CLI's own entry point (src/cli/main.ts, `simulate --format json -`)
// with the decisions the what-if tab shows (its `ask` is the same engine call on the same case).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main'
import { ask } from '../../src/extension/whatif/engine'
import { ManagedPolicyIndex, resolveManaged, type ManagedPolicyData } from '../../src/extension/whatif/managed'
import { basketReducer, emptyBasket, exportCaseFile, type NewItem } from '../../src/extension/whatif/model'

const ROLE = 'arn:aws:iam::111111111111:role/whatif-app'
const BUCKET = 'arn:aws:s3:::whatif-data'
const OBJECT = `${BUCKET}/reports/q1.csv`
const j = (o: unknown) => JSON.stringify(o, null, 2)

async function cli(text: string): Promise<{ code: number; out: { decision?: string; error?: string }[] }> {
  let stdout = ''
  const code = await main(['simulate', '--format', 'json', '-'], { stdout: (t) => void (stdout += t), stderr: () => undefined, readStdin: () => text, isTTY: false, env: {} })
  return { code, out: JSON.parse(stdout) }
}

describe('exported what-if cases replay in the CLI', () => {
  it('a role set with AWS managed policies from the bundled data, a boundary and a bucket policy', async () => {
    const data = JSON.parse(readFileSync(new URL('../../generated/managed-policies.json', import.meta.url), 'utf8')) as ManagedPolicyData
    const index = new ManagedPolicyIndex(data)
    const listed: NewItem[] = resolveManaged(
      [
        { name: 'AmazonS3ReadOnlyAccess', kind: 'aws-managed', role: { kind: 'identity', target: ROLE } },
        { name: 'ViewOnlyAccess', kind: 'aws-managed', role: { kind: 'identity', target: ROLE } },
        { name: 'PowerUserAccess', kind: 'aws-managed', role: { kind: 'boundary', target: ROLE } },
      ],
      index,
    ).policies.map((p) => ({ name: p.name, role: p.role, ...(p.document ? { document: p.document } : {}), source: { kind: p.kind, ...(p.arn ? { arn: p.arn } : {}) } }))
    expect(listed.every((p) => p.document)).toBe(true)
    let b = basketReducer(emptyBasket(), { op: 'add', items: listed })
    b = basketReducer(b, {
      op: 'add',
      items: [
        { name: 'deny-delete', role: { kind: 'identity', target: ROLE }, document: j({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] }), source: { kind: 'inline' } },
        {
          name: 'Bucket policy of whatif-data',
          role: { kind: 'resource', target: BUCKET },
          document: j({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `${BUCKET}/*`, Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } } },
            ],
          }),
          source: { kind: 'bucket-policy' },
        },
      ],
    })
    const questions = [
      { principal: ROLE, action: 's3:GetObject', resource: OBJECT },
      { principal: ROLE, action: 's3:PutObject', resource: OBJECT },
      { principal: ROLE, action: 's3:DeleteObject', resource: OBJECT },
      { principal: ROLE, action: 's3:PutObject', resource: OBJECT, context: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    ]
    const shown = await Promise.all(questions.map(async (q) => (await ask(b, q)).result.decision))
    expect(shown).toEqual(['Allowed', 'ExplicitDeny', 'ExplicitDeny', 'ImplicitDeny'])
    const r = await cli(exportCaseFile(b, questions))
    expect(r.code).toBe(0)
    expect(r.out.map((x) => x.decision ?? x.error)).toEqual(shown)
  })
})
