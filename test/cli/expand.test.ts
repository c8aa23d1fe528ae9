import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCli } from './harness'

describe('iam-sidekick expand (shared/specs/cli.md)', () => {
  it('lists every S3 Get action with its access level', async () => {
    const r = await runCli(['expand', '--format', 'json', 's3:Get*'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout) as { pattern: string; actions: { action: string; accessLevel: string }[] }[]
    expect(out).toHaveLength(1)
    expect(out[0]!.pattern).toBe('s3:Get*')
    expect(out[0]!.actions.length).toBeGreaterThan(40)
    expect(out[0]!.actions).toContainEqual({ action: 's3:GetObject', accessLevel: 'Read' })
    expect(out[0]!.actions.every((a) => a.action.startsWith('s3:Get'))).toBe(true)
  })

  it('gives an empty list and a message for an unknown service, exit 0', async () => {
    const r = await runCli(['expand', '--format', 'json', 'nosuch:Get*', 'ec2:*Instances'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { actions: unknown[] }[]
    expect(out[0]!.actions).toEqual([])
    expect(out[1]!.actions.length).toBeGreaterThan(5)
    expect(r.stderr).toMatch(/unknown service "nosuch"/)
  })

  it('prints readable text by default', async () => {
    const r = await runCli(['expand', 'iam:PassRole'])
    expect(r.stdout).toMatch(/iam:PassRole: 1 action \(1 Write\)/)
  })

  it('usage errors exit 2 with nothing on stdout', async () => {
    for (const args of [['expand'], ['expand', '--format', 'xml', 's3:*'], ['nonsense'], ['expand', '--bogus', 's3:*'], []]) {
      const r = await runCli(args)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).not.toBe('')
    }
  })

  it('never crashes on random patterns (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 20 }).filter((s) => !s.startsWith('-')), { minLength: 1, maxLength: 3 }), async (patterns) => {
        const r = await runCli(['expand', '--format', 'json', ...patterns])
        expect(r.code).toBe(0)
        expect(JSON.parse(r.stdout)).toHaveLength(patterns.length)
      }),
      { numRuns: 200 },
    )
  })
})
