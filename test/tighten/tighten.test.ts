// "Tighten to what was used": unit tests over reports in the shape of
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
import { describe, expect, it } from 'vitest'
import { describeAccess, parseLastAccessed, tightenToUsage, type LastAccessedReport } from '../../src/engine/tighten'
import { catalogue } from '../suggest/helpers'
import { ACTION_LEVEL, ADMIN_POLICY, DEV_POLICY, NOW, POWER_USER, SERVICE_LEVEL } from './fixtures'

function report(x: unknown): LastAccessedReport {
  const r = parseLastAccessed(x)
  if (!r.report) throw new Error(r.error)
  return r.report
}

function actionsOf(policy: { Statement: Record<string, unknown>[] }, effect = 'Allow'): string[] {
  return policy.Statement.filter((s) => s.Effect === effect).flatMap((s) => (typeof s.Action === 'string' ? [s.Action] : (s.Action as string[]) ?? []))
}

describe('parseLastAccessed', () => {
  it('reads the get-service-last-accessed-details output, service and action level', () => {
    const s = report(SERVICE_LEVEL)
    expect(s.granularity).toBe('service')
    expect(s.generatedAt).toBe('2026-12-01T09:00:05.000Z')
    expect(s.services.map((x) => x.namespace)).toEqual(['s3', 'ec2', 'dynamodb', 'iam'])
    expect(s.services.find((x) => x.namespace === 'dynamodb')!.lastAccessed).toBeUndefined()
    const a = report(JSON.stringify(ACTION_LEVEL))
    expect(a.granularity).toBe('action')
    expect(a.services[0]!.actions!.map((x) => x.action)).toEqual(['s3:CreateBucket', 's3:DeleteBucket', 's3:PutBucketPolicy'])
  })

  it('says what is wrong with input that is not a report', () => {
    expect(parseLastAccessed('{').error).toMatch(/not JSON/)
    expect(parseLastAccessed({ JobId: 'x' }).error).toMatch(/ServicesLastAccessed/)
    expect(parseLastAccessed({ JobStatus: 'IN_PROGRESS', ServicesLastAccessed: [] }).error).toMatch(/IN_PROGRESS/)
  })

  it('keeps "not accessed in the tracking period" distinct from "N days ago"', () => {
    expect(describeAccess(undefined, NOW)).toBe('Not accessed in the tracking period')
    expect(describeAccess('2026-11-28T10:00:00Z', NOW)).toBe('2 days ago')
    expect(describeAccess('2026-12-01T08:00:00Z', NOW)).toBe('Today')
  })
})

describe('tightenToUsage', () => {
  it('drops services the data says are unused in the period and keeps the used ones', async () => {
    const cat = await catalogue()
    const r = tightenToUsage([{ name: 'dev', document: DEV_POLICY }], report(SERVICE_LEVEL), { catalogue: cat, days: 30 })
    expect(r.error).toBeUndefined()
    expect(actionsOf(r.policy)).toEqual(['s3:*'])
    // The Deny is kept whole.
    expect(actionsOf(r.policy, 'Deny')).toEqual(['s3:DeleteObject'])
    const by = Object.fromEntries(r.services.map((s) => [s.service, s]))
    expect(by.dynamodb!.status).toBe('unused')
    expect(by.dynamodb!.removed).toBe(cat.service('dynamodb')!.actions.length)
    expect(by.dynamodb!.daysAgo).toBeUndefined()
    expect(by.ec2!.status).toBe('unused')
    expect(by.ec2!.daysAgo).toBe(39)
    expect(by.s3!.status).toBe('kept')
    expect(r.removed).toBe(by.dynamodb!.removed + by.ec2!.removed)
    expect(r.proof.ok).toBe(true)
    // 90 days keeps ec2 (40 days ago).
    const r90 = tightenToUsage([{ name: 'dev', document: JSON.stringify(DEV_POLICY) }], report(SERVICE_LEVEL), { catalogue: cat, days: 90 })
    expect(actionsOf(r90.policy)).toEqual(['s3:*', 'ec2:Describe*'])
  })

  it('removes tracked actions not used (action-level data) and keeps untracked ones unless told', async () => {
    const cat = await catalogue()
    const r = tightenToUsage([{ name: 'dev', document: DEV_POLICY }], report(ACTION_LEVEL), { catalogue: cat, days: 90 })
    const allow = actionsOf(r.policy)
    expect(allow).toContain('s3:CreateBucket')
    expect(allow).toContain('s3:GetObject')
    expect(allow).not.toContain('s3:DeleteBucket')
    expect(allow).not.toContain('s3:PutBucketPolicy')
    const s3 = r.services.find((s) => s.service === 's3')!
    expect(s3.status).toBe('narrowed')
    expect(s3.removed).toBe(2)
    expect(s3.removedActions).toEqual(['s3:DeleteBucket', 's3:PutBucketPolicy'])
    expect(r.proof.ok).toBe(true)
    const strict = tightenToUsage([{ name: 'dev', document: DEV_POLICY }], report(ACTION_LEVEL), { catalogue: cat, days: 90, keepUntrackedActions: false })
    expect(actionsOf(strict.policy).filter((a) => a.startsWith('s3:'))).toEqual(['s3:CreateBucket'])
  })

  it('turns "*" and NotAction into the used services, each exactly as wide as before', async () => {
    const cat = await catalogue()
    const admin = tightenToUsage([{ name: 'admin', document: ADMIN_POLICY }], report(SERVICE_LEVEL), { catalogue: cat, days: 365 })
    expect(actionsOf(admin.policy).sort()).toEqual(['ec2:*', 'iam:*', 's3:*'])
    expect(admin.proof.ok).toBe(true)
    const power = tightenToUsage([{ name: 'PowerUserAccess', document: POWER_USER }], report(SERVICE_LEVEL), { catalogue: cat, days: 365 })
    // iam:* is excluded by NotAction, so only the two iam actions of the second statement remain.
    expect(actionsOf(power.policy).sort()).toEqual(['ec2:*', 'iam:CreateServiceLinkedRole', 'iam:ListRoles', 's3:*'])
    expect(power.proof.ok).toBe(true)
  })

  it('keeps a named service the report does not list, and says so', async () => {
    const cat = await catalogue()
    const r = tightenToUsage([{ name: 'p', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] } }], report(SERVICE_LEVEL), { catalogue: cat, days: 90 })
    expect(actionsOf(r.policy)).toEqual(['sqs:SendMessage'])
    expect(r.services[0]!.status).toBe('no-data')
    expect(r.warnings.join(' ')).toMatch(/No last accessed data for sqs/)
  })

  it('reports bad input instead of throwing', async () => {
    const cat = await catalogue()
    expect(tightenToUsage([{ name: 'p', document: DEV_POLICY }], report(SERVICE_LEVEL), { catalogue: cat, days: 0 }).error).toMatch(/positive/)
    const r = tightenToUsage([{ name: 'broken', document: '{"Statement": [' }], report(SERVICE_LEVEL), { catalogue: cat, days: 30 })
    expect(r.warnings[0]).toMatch(/broken: not JSON/)
    expect(r.policy.Statement).toEqual([])
  })
})
