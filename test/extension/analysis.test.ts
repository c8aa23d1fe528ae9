/**
 * The extension's analysis pipeline (src/extension/shared/analysis.ts): one parse per text for every
 * service, plain-data results (fixes built within budget), size gates, and the content script's client
 * that runs it in the background and falls back to the page (issue 17).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'

const parses = vi.hoisted(() => ({ n: 0 }))
vi.mock('../../src/engine/model', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/engine/model')>()
  return { ...m, buildPolicyModel: (...args: Parameters<typeof m.buildPolicyModel>) => (parses.n++, m.buildPolicyModel(...args)) }
})
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: () => Promise.reject(new Error('no background')) } } }))

import { ANALYSIS_TRUNCATED } from '../../src/engine/findings/budget'
import { AnalysisClient } from '../../src/extension/content/analysis-client'
import { advise, ANALYSE_MAX_CHARS, validate } from '../../src/extension/shared/analysis'
import { ANALYSIS_MESSAGE, isAnalysisRequest } from '../../src/extension/shared/analysis-protocol'

const POLICY = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'Esc', Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances', 's3:GetObject'], Resource: '*' }] },
  null,
  2,
)

beforeAll(async () => {
  await validate('{}', { policyType: 'identity' }) // loads the catalogue
})

describe('analysis pipeline', () => {
  it('parses the text once for type detection, validation, suggestions and the explanation', async () => {
    const text = POLICY.replace('Esc', 'Esc1')
    parses.n = 0
    const v = await validate(text, { policyType: 'auto' })
    const a = await advise(v, { policyType: 'auto' })
    expect(parses.n).toBe(1)
    expect(a.policyType).toBe('identity')
    expect(a.suggestions?.some((s) => s.code.startsWith('PRIVILEGE_ESCALATION_'))).toBe(true)
    expect(a.explanation?.statements).toHaveLength(1)
  })

  it('returns plain data: fixes built, no getters, the same after a structured clone', async () => {
    const a = await advise(await validate(POLICY, { policyType: 'identity' }), { policyType: 'identity' })
    const withFixes = a.suggestions!.filter((s) => s.fixes?.length)
    expect(withFixes.length).toBeGreaterThan(0)
    for (const s of a.suggestions!) expect(Object.getOwnPropertyDescriptor(s, 'fixes')?.get).toBeUndefined()
    expect(structuredClone(a)).toEqual(JSON.parse(JSON.stringify(a)))
  })

  it('answers a text past the size gate with one finding, without parsing it', async () => {
    parses.n = 0
    const v = await validate(' '.repeat(ANALYSE_MAX_CHARS + 1), { policyType: 'identity' })
    expect(parses.n).toBe(0)
    expect(v.findings.map((f) => f.code)).toEqual([ANALYSIS_TRUNCATED])
  })
})

describe('analysis client', () => {
  it('runs in the background when it answers', async () => {
    const sent: unknown[] = []
    const client = new AnalysisClient(async (msg) => {
      sent.push(msg)
      return { ok: true, hostMs: 1, analysis: { text: 'x', policyType: 'identity', findings: [], ms: 1 } }
    })
    const a = await client.validate('x', { policyType: 'identity' })
    expect(a.findings).toEqual([])
    expect(client.place).toBe('background')
    expect(sent.every(isAnalysisRequest)).toBe(true)
  })

  it('falls back to the page (short budgets) when the background does not answer', async () => {
    const client = new AnalysisClient(() => Promise.reject(new Error('Receiving end does not exist')))
    const v = await client.validate(POLICY, { policyType: 'identity' })
    expect(client.place).toBe('page')
    const a = await client.advise(v, { policyType: 'identity' })
    expect(a.suggestions?.length).toBeGreaterThan(0)
  })

  it('rejects malformed requests at the host', () => {
    expect(isAnalysisRequest({ v: 1, type: 'iam-sidekick-analysis', op: 'validate', text: 1, opts: { policyType: 'identity' } })).toBe(false)
    expect(isAnalysisRequest({ v: 1, type: 'iam-sidekick-analysis', op: 'validate', text: '{}', opts: { policyType: 'root' } })).toBe(false)
    expect(isAnalysisRequest({ v: 1, type: 'iam-sidekick-analysis', op: 'warm' })).toBe(true)
  })
})

describe('the first view’s extras come with the analysis (computed where the engine runs)', () => {
  it('validation already carries policy-type sense: a trust policy in an identity-policy editor', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, null, 2)
    const v = await validate(trust, { policyType: 'identity', holds: 'identity' })
    expect(v.extras?.text).toBe(trust)
    expect(v.extras?.kindFinding?.code).toBe('POLICY_TYPE_MISMATCH')
    // No page type (the user chose one, or the page does not say): no policy-type sense.
    expect((await validate(trust, { policyType: 'identity' })).extras?.kindFinding).toBeUndefined()
  })

  it('suggestions carry how bad each public grant is (public write is worse than public read)', async () => {
    const bucket = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' }] }, null, 2)
    const opts = { policyType: 'resource' as const, holds: 'resource' as const, resourceType: 'AWS::S3::Bucket' }
    const a = await advise(await validate(bucket, opts), opts)
    expect(Object.values(a.extras?.publicLevels ?? {})).toContain('write')
  })

  it('the background refuses a malformed holds option', () => {
    const req = (holds: unknown) => ({ v: 1, type: ANALYSIS_MESSAGE, op: 'validate', text: '{}', opts: { policyType: 'identity', holds } })
    expect(isAnalysisRequest(req('trust'))).toBe(true)
    expect(isAnalysisRequest(req(undefined))).toBe(true)
    expect(isAnalysisRequest(req('auto'))).toBe(false)
    expect(isAnalysisRequest(req(7))).toBe(false)
  })
})
