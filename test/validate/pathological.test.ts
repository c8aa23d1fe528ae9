/**
 * Hostile input must end with findings, never a hang or a crash. Timings are measured in
 * bench/validate.bench.ts; here each case only has the test timeout as its bound.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { validatePolicy } from '../../src/engine/validate'
import { getCatalogue } from './helpers'

let catalogue: Catalogue
beforeAll(async () => {
  catalogue = await getCatalogue()
})

const run = (text: string, policyType: 'identity' | 'resource' | 'auto' = 'identity') => validatePolicy(text, { catalogue, policyType })

describe('pathological input finishes with findings', () => {
  it('10,000 statements (about 1 MB)', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 10_000 }, (_, i) => ({ Sid: `S${i % 5000}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*'], Resource: `arn:aws:s3:::b${i}/*` })),
    })
    expect(text.length).toBeGreaterThan(900_000)
    const r = run(text)
    expect(r.findings.some((f) => f.code === 'REDUNDANT_ACTION')).toBe(true)
    expect(r.findings.some((f) => f.code === 'UNIQUE_SIDS_REQUIRED')).toBe(true)
  }, 60_000)

  it('1 MB of a single string value', () => {
    const r = run(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:' + 'x'.repeat(1_000_000), Resource: '*' } }))
    expect(r.findings.map((f) => f.code)).toContain('INVALID_ACTION')
  })

  it('deeply nested JSON', () => {
    expect(run('['.repeat(50_000) + ']'.repeat(50_000)).findings.length).toBeGreaterThan(0)
    let nested = '"x"'
    for (let i = 0; i < 200; i++) nested = `{"a": ${nested}}`
    expect(run(`{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": ${nested}}}`).findings.length).toBeGreaterThan(0)
  })

  it('patterns built to make a backtracking matcher explode', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:' + 'a*'.repeat(2000) + 'b', '*:' + '?*'.repeat(1000), 's3:' + 'a'.repeat(3000)],
          Resource: ['arn:aws:s3:::' + 'a*'.repeat(5000) + 'b', 'arn:aws:s3:::' + 'a'.repeat(5000), 'arn:' + ':'.repeat(5000)],
          Condition: {
            StringLike: { 'aws:UserAgent': 'a*'.repeat(3000), 's3:prefix': '${'.repeat(2000) },
            IpAddress: { 'aws:SourceIp': '1'.repeat(10_000) },
            DateLessThan: { 'aws:CurrentTime': '2'.repeat(10_000) },
          },
        },
      ],
    })
    expect(run(text).findings.length).toBeGreaterThan(0)
  })

  it('thousands of unknown actions (did-you-mean is bounded)', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: Array.from({ length: 20_000 }, (_, i) => `s3:Gett${i}`), Resource: '*' } })
    expect(run(text).findings.filter((f) => f.code === 'INVALID_ACTION')).toHaveLength(20_000)
  }, 60_000)

  it('many conditions and principals', () => {
    const cond: Record<string, Record<string, string[]>> = {}
    for (let i = 0; i < 300; i++) cond[`StringEquals${i % 2 ? 'IfExists' : ''}${i > 1 ? i : ''}`] = { [`aws:PrincipalTag/t${i}`]: Array.from({ length: 30 }, (_, j) => `v${j}`) }
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', Principal: { AWS: Array.from({ length: 3000 }, (_, i) => `arn:aws:iam::${String(i).padStart(12, '0')}:role/r${i}`) }, Action: '*', Resource: '*', Condition: cond },
    })
    expect(run(text, 'resource').findings.length).toBeGreaterThan(0)
  })
})
