/**
 * Differential testing against @cloud-copilot/iam-simulate (AGPL-3.0, a dev dependency used only in
 * tests and bench). Thousands of cases come from fast-check generators over operators, keys, values,
 * variables, principals and every policy layer (oracle/generators.ts). Every disagreement is triaged
 * (oracle/triage.ts) into a class whose AWS documentation page says which side is right; a disagreement
 * that no class explains fails the test. The tally is written to test-results/differential.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { simulateCase } from '../../src/engine/simulate'
import { sampleCases } from './oracle/generators'
import { peerDecide } from './oracle/iam-simulate'
import { CLASSES, classify } from './oracle/triage'

const CASES = Number(process.env.DIFF_CASES ?? 4000)
const SEED = Number(process.env.DIFF_SEED ?? 20260926)

const root = fileURLToPath(new URL('../../', import.meta.url))
const peerVersion = (JSON.parse(readFileSync(`${root}node_modules/@cloud-copilot/iam-simulate/package.json`, 'utf8')) as { version: string }).version

describe('differential: our simulator vs @cloud-copilot/iam-simulate', () => {
  it(`${CASES} generated cases agree, or disagree for a documented reason`, async () => {
    const started = Date.now()
    const cases = sampleCases(CASES, SEED)
    let agreements = 0
    let peerErrors = 0
    const byClass: Record<string, number> = {}
    const unclassified: { case: unknown; ours: string | undefined; peer: string | undefined; explanation: string | undefined }[] = []
    const decisions: Record<string, number> = {}
    for (const c of cases) {
      const ours = simulateCase(c)
      expect(ours.error, JSON.stringify(c)).toBeUndefined()
      decisions[ours.decision!] = (decisions[ours.decision!] ?? 0) + 1
      const peer = await peerDecide(c)
      if (peer.decision === undefined) {
        peerErrors++
        continue
      }
      if (peer.decision === ours.decision) {
        agreements++
        continue
      }
      const cls = await classify(c, ours, peer.decision, simulateCase)
      byClass[cls] = (byClass[cls] ?? 0) + 1
      if (cls.startsWith('unclassified') && unclassified.length < 5)
        unclassified.push({ case: c, ours: ours.decision, peer: peer.decision, explanation: ours.explanation?.[0]?.text })
    }
    const disagreements = Object.values(byClass).reduce((a, b) => a + b, 0)
    const classCounts: Record<string, number> = {}
    for (const [combo, n] of Object.entries(byClass)) for (const cls of combo.split('+')) classCounts[cls] = (classCounts[cls] ?? 0) + n
    const report = {
      peer: `@cloud-copilot/iam-simulate ${peerVersion}`,
      seed: SEED,
      cases: CASES,
      ourDecisions: decisions,
      agreements,
      peerErrors,
      disagreements,
      unclassified: Object.entries(byClass)
        .filter(([k]) => k.startsWith('unclassified'))
        .reduce((a, [, n]) => a + n, 0),
      /** Disagreements by the combination of classes that explains each one. */
      byCombination: Object.fromEntries(Object.entries(byClass).sort((a, b) => b[1] - a[1])),
      /** Each class with the number of disagreements it takes part in, who is right, and the page that says so. */
      classes: Object.fromEntries(
        Object.entries(classCounts)
          .sort((a, b) => b[1] - a[1])
          .map(([cls, n]) => [cls, { count: n, ...(CLASSES[cls] ? { reason: CLASSES[cls]!.reason, source: CLASSES[cls]!.source } : {}) }]),
      ),
      unclassifiedExamples: unclassified,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    }
    mkdirSync(`${root}test-results`, { recursive: true })
    writeFileSync(`${root}test-results/differential.json`, JSON.stringify(report, null, 2) + '\n')
    expect(peerErrors).toBeLessThan(CASES * 0.02)
    expect(report.unclassified, JSON.stringify(unclassified, null, 1)).toBe(0)
    expect(agreements).toBeGreaterThan(CASES * 0.8)
  }, 180_000)
})
