/** AWS managed policies as a realism check: what a reviewer would expect of well-known policies. */
import { describe, expect, it } from 'vitest'
import type { Suggestion } from '../../src/engine/findings/types'
import { managed, managedPolicies, suggest } from './helpers'

const categories = (list: Suggestion[]) => new Set(list.map((s) => s.category))
const escalations = (list: Suggestion[]) => list.filter((s) => s.category === 'privilege-escalation')

describe('AWS managed policies', () => {
  it('AdministratorAccess is flagged in every category', async () => {
    const s = await suggest(managed('AdministratorAccess'))
    for (const c of ['privilege-escalation', 'data-exfiltration', 'resource-exposure', 'credentials-exposure', 'infrastructure-modification', 'wildcard', 'missing-condition'])
      expect(categories(s).has(c as never), c).toBe(true)
    expect(escalations(s).length).toBeGreaterThanOrEqual(40)
    expect(s.find((x) => x.code === 'WILDCARD_ALL_ACTIONS')?.severity).toBe('SECURITY_WARNING')
  })

  it.each(['ReadOnlyAccess', 'ViewOnlyAccess', 'SecurityAudit', 'AmazonS3ReadOnlyAccess', 'AmazonEC2ReadOnlyAccess', 'IAMReadOnlyAccess'])('%s has no privilege escalation', async (name) => {
    expect(escalations(await suggest(managed(name))).map((s) => s.code)).toEqual([])
  })

  it('read-only policies get no resource-exposure or infrastructure finding', async () => {
    for (const name of ['ReadOnlyAccess', 'ViewOnlyAccess', 'AmazonS3ReadOnlyAccess']) {
      const c = categories(await suggest(managed(name)))
      expect(c.has('resource-exposure'), name).toBe(false)
      expect(c.has('infrastructure-modification'), name).toBe(false)
    }
  })

  it('ReadOnlyAccess can still read every object and secret value: data exfiltration', async () => {
    expect(categories(await suggest(managed('ReadOnlyAccess'))).has('data-exfiltration')).toBe(true)
  })

  it('IAMFullAccess escalates through IAM', async () => {
    const codes = escalations(await suggest(managed('IAMFullAccess'))).map((s) => s.code)
    expect(codes).toEqual(expect.arrayContaining(['PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION', 'PRIVILEGE_ESCALATION_ATTACH_ROLE_POLICY', 'PRIVILEGE_ESCALATION_PUT_USER_POLICY']))
  })

  it('PowerUserAccess: NotAction grants everything but IAM, so only non-IAM paths remain', async () => {
    const s = await suggest(managed('PowerUserAccess'))
    expect(s.some((x) => x.code === 'ALLOW_WITH_NOT_ACTION')).toBe(true)
    const codes = escalations(s).map((x) => x.code)
    expect(codes).toContain('PRIVILEGE_ESCALATION_LAMBDA_UPDATE_FUNCTION_CODE')
    expect(codes).not.toContain('PRIVILEGE_ESCALATION_CREATE_POLICY_VERSION')
    expect(codes).not.toContain('PRIVILEGE_ESCALATION_PASSROLE_EC2')
  })

  it('IAMUserChangePassword (own user only) escalates nothing', async () => {
    expect(escalations(await suggest(managed('IAMUserChangePassword')))).toEqual([])
  })

  it('a service role that passes roles only to named services is not flagged for other services', async () => {
    // AWSLambdaBasicExecutionRole writes logs only
    expect(escalations(await suggest(managed('AWSLambdaBasicExecutionRole')))).toEqual([])
  })

  it('every managed policy is analysed without an exception and with positions inside the text', async () => {
    const all = [...managedPolicies().values()]
    const sample = all.filter((_, i) => i % 8 === 0)
    for (const p of sample) {
      const text = JSON.stringify(p.document, null, 2)
      const lines = text.split('\n').length
      for (const s of await suggest(text)) {
        expect(s.range.start.line, p.name).toBeGreaterThanOrEqual(1)
        expect(s.range.end.line, p.name).toBeLessThanOrEqual(lines)
        expect(s.message.length, p.name).toBeGreaterThan(20)
      }
    }
  })
})
