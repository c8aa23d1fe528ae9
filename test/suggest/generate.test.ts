import { describe, expect, it } from 'vitest'
import { policyFromActivity } from '../../src/engine/generate'
import { validatePolicy } from '../../src/engine/validate'
import { catalogue, suggest } from './helpers'

interface Stmt {
  Sid: string
  Effect: string
  Action: string | string[]
  Resource: string | string[]
}

async function generate(input: string) {
  const r = policyFromActivity(input, { catalogue: await catalogue() })
  return { ...r, statements: r.policy.Statement as unknown as Stmt[] }
}

const event = (source: string, name: string, extra: object = {}) => ({
  eventVersion: '1.08',
  eventSource: `${source}.amazonaws.com`,
  eventName: name,
  awsRegion: 'us-east-1',
  recipientAccountId: '111122223333',
  ...extra,
})

describe('policyFromActivity (access-analyzer-policy-generation, offline)', () => {
  it('turns service:Action [ARN] lines into statements grouped by service and resource', async () => {
    const r = await generate(
      [
        '# calls of the nightly job',
        's3:GetObject arn:aws:s3:::logs/2024/a.txt',
        's3:getobject arn:aws:s3:::logs/2024/b.txt',
        's3:ListObjectsV2 arn:aws:s3:::logs',
        'dynamodb:Query arn:aws:dynamodb:us-east-1:111122223333:table/orders',
        'dynamodb:GetItem arn:aws:dynamodb:us-east-1:111122223333:table/orders',
        'sts:GetCallerIdentity',
      ].join('\n'),
    )
    expect(r.unknown).toEqual([])
    expect(r.statements).toEqual([
      { Sid: 'Dynamodb', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/orders' },
      { Sid: 'S3', Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::logs/2024/a.txt', 'arn:aws:s3:::logs/2024/b.txt'] },
      { Sid: 'S3Group2', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::logs' },
      { Sid: 'Sts', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
    ])
    expect(JSON.parse(r.text)).toEqual(r.policy)
  })

  it('reads CloudTrail records and fills ARNs from the request', async () => {
    const r = await generate(
      JSON.stringify({
        Records: [
          event('s3', 'GetObject', { requestParameters: { bucketName: 'data', key: 'in/x.csv' } }),
          event('lambda', 'Invoke', { requestParameters: { functionName: 'arn:aws:lambda:us-east-1:111122223333:function:worker' } }),
          event('lambda', 'GetFunction20150331v2', { requestParameters: { functionName: 'worker' } }),
          event('dynamodb', 'PutItem', { requestParameters: { tableName: 'orders' } }),
          event('sqs', 'SendMessage', { requestParameters: { queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/jobs' } }),
          event('ssm', 'GetParameter', { requestParameters: { name: '/app/db/password' } }),
          event('monitoring', 'PutMetricData', { requestParameters: { namespace: 'App' } }),
          event('kms', 'Decrypt', { resources: [{ ARN: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }] }),
        ],
      }),
    )
    const byAction = new Map(r.statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).map((a) => [a, s.Resource] as const)))
    expect(byAction.get('s3:GetObject')).toBe('arn:aws:s3:::data/in/x.csv')
    expect(byAction.get('lambda:InvokeFunction')).toBe('arn:aws:lambda:us-east-1:111122223333:function:worker')
    expect(byAction.get('lambda:GetFunction')).toBe('arn:aws:lambda:us-east-1:111122223333:function:worker')
    expect(byAction.get('dynamodb:PutItem')).toBe('arn:aws:dynamodb:us-east-1:111122223333:table/orders')
    expect(byAction.get('sqs:SendMessage')).toBe('arn:aws:sqs:us-east-1:111122223333:jobs')
    expect(byAction.get('ssm:GetParameter')).toBe('arn:aws:ssm:us-east-1:111122223333:parameter/app/db/password')
    expect(byAction.get('cloudwatch:PutMetricData')).toBeDefined()
    expect(byAction.get('kms:Decrypt')).toBe('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')
  })

  it('accepts an array of events and one event per line', async () => {
    const events = [event('s3', 'ListBuckets'), event('sts', 'GetCallerIdentity')]
    const a = await generate(JSON.stringify(events))
    const b = await generate(events.map((e) => JSON.stringify(e)).join('\n'))
    expect(a.policy).toEqual(b.policy)
    expect(a.statements.map((s) => s.Action)).toEqual(['s3:ListAllMyBuckets', 'sts:GetCallerIdentity'])
  })

  it('maps API names to IAM actions (CopyObject needs GetObject and PutObject)', async () => {
    const r = await generate('s3:CopyObject arn:aws:s3:::b/k\ns3:HeadObject arn:aws:s3:::b/k')
    expect(r.statements).toEqual([{ Sid: 'S3', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/k' }])
  })

  it('many objects of one prefix become prefix/*', async () => {
    const lines = Array.from({ length: 15 }, (_, i) => `s3:GetObject arn:aws:s3:::b/in/${i}.csv`).join('\n')
    expect((await generate(lines)).statements[0]!.Resource).toBe('arn:aws:s3:::b/in/*')
  })

  it('reports what it cannot place, and grants "*" when the resource is unknown', async () => {
    const r = await generate('foo:Bar\ns3:Get*\ns3:GetObject not-an-arn\n{oops\n' + JSON.stringify(event('signin', 'ConsoleLogin')))
    expect(r.unknown).toHaveLength(5)
    expect(r.unknown[0]).toContain('foo:Bar')
    expect(r.statements).toEqual([{ Sid: 'S3', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }])
  })

  it('the result validates without errors and escalates nothing', async () => {
    const c = await catalogue()
    const r = await generate(
      JSON.stringify([
        event('s3', 'PutObject', { requestParameters: { bucketName: 'out', key: 'r.json' } }),
        event('sqs', 'ReceiveMessage', { requestParameters: { queueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/jobs' } }),
      ]),
    )
    const v = validatePolicy(r.text, { catalogue: c, policyType: 'identity' })
    expect(v.findings.filter((f) => f.severity === 'ERROR')).toEqual([])
    expect((await suggest(r.text)).filter((s) => s.category === 'privilege-escalation')).toEqual([])
  })

  it('empty or odd input gives an empty policy, never an exception', async () => {
    for (const input of ['', '   ', '{}', '[]', 'null', '42', '[1,2]', '{"Records": 3}']) {
      const r = await generate(input)
      expect(r.policy.Version).toBe('2012-10-17')
      expect(Array.isArray(r.policy.Statement)).toBe(true)
    }
  })
})
