// `iam-sidekick tighten --last-accessed FILE --days N POLICY...` reading
// `aws iam get-service-last-accessed-details` JSON (service and action level).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/harness'
import { ACTION_LEVEL, DEV_POLICY, SERVICE_LEVEL } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'tighten-'))
const file = (name: string, v: unknown) => {
  const p = join(dir, name)
  writeFileSync(p, typeof v === 'string' ? v : JSON.stringify(v, null, 2))
  return p
}
const policy = file('dev.json', DEV_POLICY)
const service = file('service.json', SERVICE_LEVEL)
const action = file('action.json', ACTION_LEVEL)

describe('iam-sidekick tighten', () => {
  it('prints the tightened policy and a per-service summary (service-level data)', async () => {
    const r = await runCli(['tighten', '--last-accessed', service, '--days', '30', policy])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { Statement: { Action: unknown }[] }
    expect(out.Statement.map((s) => s.Action)).toEqual(['s3:*', 's3:DeleteObject'])
    expect(r.stderr).toMatch(/dynamodb: -\d+ of \d+ \(not accessed in the tracking period\)/)
    expect(r.stderr).toMatch(/ec2: -\d+ of \d+ \(39 days ago\)/)
    expect(r.stderr).toMatch(/Proven narrower/)
  })

  it('uses action-level data and prints JSON with --format json', async () => {
    const r = await runCli(['tighten', '--format', 'json', '--last-accessed', action, '--days', '90', policy])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { granularity: string; proof: { ok: boolean }; services: { service: string; removed: number; removedActions: string[] }[] }
    expect(out.granularity).toBe('action')
    expect(out.proof.ok).toBe(true)
    expect(out.services.find((s) => s.service === 's3')!.removedActions).toEqual(['s3:DeleteBucket', 's3:PutBucketPolicy'])
  })

  it('usage and input errors exit 2 with nothing on stdout', async () => {
    for (const args of [
      ['tighten', policy],
      ['tighten', '--last-accessed', service],
      ['tighten', '--last-accessed', service, '--days', 'ninety', policy],
      ['tighten', '--last-accessed', file('bad.json', '{"JobId": "x"}'), policy],
      ['tighten', '--last-accessed', service, file('broken.json', '{')],
    ]) {
      const r = await runCli(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/iam-sidekick:/)
    }
  })
})
