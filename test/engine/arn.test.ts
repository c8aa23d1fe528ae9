import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arnFields, parseArn } from '../../src/engine/arn/arn'
import { compileArnFormat, resourceMatchesFormat, variablesAsWildcards } from '../../src/engine/arn/format'

describe('ARN parsing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html)', () => {
  it('splits the six fields, keeping colons in the resource part', () => {
    expect(parseArn('arn:aws:sqs:us-east-1:111122223333:queue:extra')).toEqual({
      partition: 'aws',
      service: 'sqs',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'queue:extra',
    })
    expect(parseArn('arn:aws:s3:::bucket/key')).toMatchObject({ region: '', account: '', resource: 'bucket/key' })
    expect(parseArn('arn:aws:s3')).toBeUndefined()
    expect(parseArn('s3:::bucket')).toBeUndefined()
    expect(arnFields('arn:aws:iam::1')).toEqual(['arn', 'aws', 'iam', '', '1'])
  })

  it('matches policy resources against catalogue ARN formats', () => {
    const object = compileArnFormat('arn:${Partition}:s3:::${BucketName}/${ObjectName}')
    const bucket = compileArnFormat('arn:${Partition}:s3:::${BucketName}')
    expect(resourceMatchesFormat('arn:aws:s3:::logs/*', object)).toBe(true)
    expect(resourceMatchesFormat('arn:aws:s3:::logs', object)).toBe(false)
    expect(resourceMatchesFormat('arn:aws:s3:::logs', bucket)).toBe(true)
    expect(resourceMatchesFormat('arn:aws:s3:::logs/${aws:username}/*', object)).toBe(true)
    expect(resourceMatchesFormat('arn:aws:iam::111122223333:role/x', object)).toBe(false)
    expect(resourceMatchesFormat('*', object)).toBe(true)
    expect(resourceMatchesFormat('arn:aws:s3:*', object)).toBe(true)
    expect(variablesAsWildcards('a/${aws:username}/${*}')).toBe('a/*/*')
  })

  it('never throws (property)', () => {
    const f = compileArnFormat('arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}')
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        parseArn(s)
        resourceMatchesFormat(s, f)
      }),
      { numRuns: 2000 },
    )
  })
})
