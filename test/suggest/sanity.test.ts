import { describe, expect, it } from 'vitest'
import { allow, applyFix, newGrant, policy, suggest } from './helpers'

describe('helpers', () => {
  it('detects a new grant and accepts a narrowing', async () => {
    const before = policy(allow('s3:GetObject', 'arn:aws:s3:::a/*'))
    const wider = policy(allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::a/*'))
    expect(await newGrant(before, wider)).toMatch(/s3:PutObject/)
    expect(await newGrant(wider, before)).toBeUndefined()
    const s = await suggest(policy(allow('s3:*')))
    const w = s.find((x) => x.code === 'WILDCARD_SERVICE_ACTIONS')!
    const text = policy(allow('s3:*'))
    expect(await newGrant(text, applyFix(text, w.fixes![0]!))).toBeUndefined()
  })
})
