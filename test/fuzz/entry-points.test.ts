/**
 * Every public entry point that takes outside input, fuzzed in one place: the engine (validate, suggest,
 * simulate), the CLI (argument parsing and whole runs on standard input), template import, What-if case
 * import, and the validators of the bridge and framed-editor messages. In CI: a fixed seed and a short
 * run. `npm run fuzz` runs the same properties far longer with a fresh seed (scripts/fuzz.mjs); a failure
 * prints the seed and path that reproduce it (FUZZ_SEED=… FUZZ_RUNS=… npx vitest run test/fuzz).
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { simulateCase } from '../../src/engine/simulate'
import { suggestPolicy } from '../../src/engine/suggest'
import { validatePolicy } from '../../src/engine/validate'
import { parseArgs, UsageError } from '../../src/cli/args'
import { main } from '../../src/cli/main'
import { readFromMain, readToMain, wrap } from '../../src/extension/bridge/protocol'
import { isConnect, readFromFrame, readToFrame } from '../../src/extension/shared/editor-protocol'
import { parseImport } from '../../src/extension/templates/import-export'
import { casesToBasket } from '../../src/extension/whatif/model/import'

const RUNS = Number(process.env.FUZZ_RUNS) || 0
const SEED = Number(process.env.FUZZ_SEED) || 1717
/** fast-check parameters: the CI run's size unless FUZZ_RUNS says otherwise. */
const params = (ciRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: RUNS || ciRuns })
const TIMEOUT = RUNS ? 0 : 60_000

let cat: Catalogue
beforeAll(async () => {
  cat = await loadCatalogue()
})

// Policy-shaped JSON: the grammar's element names and values mixed with anything.
const word = fc.constantFrom('Version', 'Statement', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition', 'Sid', 'AWS', 'Service', '*', 'Allow', 'Deny', 's3:GetObject', 'iam:PassRole', 'iam:*', 'arn:aws:s3:::b/*', '${aws:username}', 'StringEquals', 'aws:SourceIp', '2012-10-17')
const leaf = fc.oneof(word, fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null))
const policyish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(word, tie('value'), { maxKeys: 5 })),
})).value
const policyText = fc.oneof(
  policyish.map((v) => JSON.stringify(v)),
  policyish.map((v) => JSON.stringify(v, null, 2)),
  // Cut or spliced JSON: what someone typing produces.
  fc.tuple(policyish, fc.nat(), fc.string({ maxLength: 5 })).map(([v, at, s]) => {
    const t = JSON.stringify({ Version: '2012-10-17', Statement: [v] })
    const i = at % (t.length + 1)
    return t.slice(0, i) + s + t.slice(i)
  }),
  fc.string({ maxLength: 200 }),
)

describe('fuzz: every public entry point', () => {
  it(
    'engine: validate and suggest never throw, and every range lies inside the text',
    () => {
      fc.assert(
        fc.property(policyText, fc.constantFrom('identity', 'resource', 'trust', 'scp', 'auto') as fc.Arbitrary<'identity'>, (text, policyType) => {
          const v = validatePolicy(text, { catalogue: cat, policyType })
          const lines = text.split(/\r\n|\r|\n/).length
          for (const f of v.findings) expect(f.range.end.line).toBeLessThanOrEqual(lines + 1)
          suggestPolicy(text, { catalogue: cat, policyType })
        }),
        params(150),
      )
    },
    TIMEOUT,
  )

  it(
    'engine: simulate answers or refuses any case, never throws',
    () => {
      fc.assert(
        fc.property(policyish, (c) => {
          try {
            simulateCase(c, { catalogue: cat })
          } catch (e) {
            // Invalid cases are refused with an Error that says why, never a crash of another kind.
            expect(e).toBeInstanceOf(Error)
            expect(e).not.toBeInstanceOf(RangeError)
            expect(e).not.toBeInstanceOf(TypeError)
          }
        }),
        params(200),
      )
    },
    TIMEOUT,
  )

  it(
    'CLI: argument parsing throws only usage errors; whole runs on standard input end with an exit code',
    async () => {
      const arg = fc.oneof(fc.constantFrom('validate', 'suggest', 'simulate', 'expand', 'generate', '--format', 'json', 'text', '--type', 'auto', '-', '--', '-h', '--help', '--suppress', '--no-color', '--format=json', '--bogus', 's3:Get*'), fc.string({ maxLength: 12 }))
      fc.assert(
        fc.property(fc.array(arg, { maxLength: 6 }), (argv) => {
          try {
            parseArgs(argv)
          } catch (e) {
            expect(e).toBeInstanceOf(UsageError)
          }
        }),
        params(500),
      )
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('validate', 'suggest', 'simulate', 'generate'), fc.constantFrom('json', 'text'), policyText, async (command, format, stdin) => {
          const io = { stdout: () => undefined, stderr: () => undefined, readStdin: () => stdin, isTTY: false, env: {} }
          const code = await main([command, '--format', format, '-'], io)
          expect([0, 1, 2]).toContain(code)
        }),
        params(60),
      )
    },
    TIMEOUT,
  )

  it(
    'template import and What-if case import: anything in, ok or a message out, never a throw',
    () => {
      const text = fc.oneof(
        policyText,
        policyish.map((v) => JSON.stringify({ format: 'iam-sidekick-templates', schemaVersion: 2, templates: [v] })),
        fc.tuple(fc.nat(3000), fc.constantFrom('[', '{"a":', '["')).map(([n, open]) => open.repeat(n)),
      )
      fc.assert(
        fc.property(text, (t) => {
          const r = parseImport(t)
          if (!r.ok) expect(r.error.length).toBeGreaterThan(0)
          const c = casesToBasket(t)
          if (!c.ok) expect(c.errors.length).toBeGreaterThan(0)
        }),
        params(200),
      )
      fc.assert(
        fc.property(policyish, (v) => {
          const c = casesToBasket(v)
          if (!c.ok) expect(c.errors.length).toBeGreaterThan(0)
        }),
        params(200),
      )
    },
    TIMEOUT,
  )

  it(
    'bridge and framed-editor messages: the validators accept only well-formed messages and never throw',
    () => {
      const kind = fc.constantFrom('hello', 'read', 'set-text', 'apply-edits', 'select', 'marks', 'editor', 'editor-removed', 'changed', 'text', 'result', 'state', 'edit', 'ready', 'height', 'connect')
      const field = fc.oneof(leaf, fc.constant('a'.repeat(32)), fc.constant({ start: { row: 0, column: 0 }, end: { row: 0, column: 1 } }), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }))
      const msg = fc.record({ kind, id: fc.oneof(fc.constant('e1-abc'), field), nonce: field, text: field, base: field, edits: field, range: field, marks: field, length: field, ok: field, readOnly: field, language: field, start: field, oldEnd: field, v: fc.constantFrom(1, 2), px: field, policyType: field, dark: field, source: fc.constantFrom('iam-sidekick-editor', 'x') }, { requiredKeys: ['kind'] })
      fc.assert(
        fc.property(msg, fc.anything({ maxDepth: 3 }), (m, junk) => {
          for (const dir of ['to-main', 'to-content'] as const) {
            const data = wrap(m as never, dir)
            const a = readToMain(data)
            const b = readFromMain(data)
            // Whatever is accepted survives a structured clone unchanged (plain data, nothing live).
            if (a) expect(structuredClone(a)).toEqual(a)
            if (b) expect(structuredClone(b)).toEqual(b)
          }
          for (const x of [m, junk]) {
            readToMain(x)
            readFromMain(x)
            readToFrame(x)
            readFromFrame(x)
            isConnect(x)
          }
        }),
        params(1000),
      )
    },
    TIMEOUT,
  )
})
