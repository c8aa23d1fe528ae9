import type { Catalogue } from '../../engine/catalogue'
import { simulateCase, type SimulationResult } from '../../engine/simulate'
import { formatOf, UsageError, type ParsedArgs } from '../args'
import { colours, InputError, readInput, type CliIO } from '../io'

/** Fields of a case that do not take part in the decision (docs/simulation-case.md). */
const ANNOTATIONS = new Set(['id', 'description', 'expected', 'source'])

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function caseId(input: unknown, index: number): string {
  if (isRecord(input)) {
    if (typeof input.id === 'string') return input.id
    if (typeof input.id === 'number' && Number.isFinite(input.id)) return String(input.id)
  }
  return String(index)
}

/** The decision-relevant part of a case as a string: equal keys decide equally (the engine is deterministic). */
function decisionKey(input: unknown): string | undefined {
  if (!isRecord(input)) return undefined
  let key = ''
  for (const k of Object.keys(input)) if (!ANNOTATIONS.has(k)) key += JSON.stringify(k) + ':' + JSON.stringify(input[k]) + ','
  return key
}

interface Decided {
  result: Omit<SimulationResult, 'id'>
  /** The pretty JSON of the result after its "id" line, indented as an element of the output array. */
  jsonTail?: string
  jsonTailBytes?: Uint8Array
}

/** Writes many small pieces to the output in large chunks (bytes when the output takes bytes). */
class ChunkedWriter {
  private parts: (string | Uint8Array)[] = []
  private size = 0
  private readonly encoder = new TextEncoder()
  constructor(private readonly io: CliIO) {}
  push(s: string): void {
    this.add(this.io.stdoutBytes ? this.encoder.encode(s) : s, s.length)
  }
  pushDecided(d: Decided): void {
    d.jsonTail ??= jsonTailOf(d.result)
    if (this.io.stdoutBytes) this.add((d.jsonTailBytes ??= this.encoder.encode(d.jsonTail)), d.jsonTail.length)
    else this.add(d.jsonTail, d.jsonTail.length)
  }
  private add(p: string | Uint8Array, n: number): void {
    this.parts.push(p)
    this.size += n
    if (this.size > 1 << 20) this.flush()
  }
  flush(): void {
    if (this.parts.length === 0) return
    if (this.io.stdoutBytes) this.io.stdoutBytes(Buffer.concat(this.parts as Uint8Array[]))
    else this.io.stdout((this.parts as string[]).join(''))
    this.parts = []
    this.size = 0
  }
}

function jsonTailOf(result: Omit<SimulationResult, 'id'>): string {
  const full = JSON.stringify({ id: '', ...result }, null, 2).replace(/\n/g, '\n  ')
  return full.slice(full.indexOf('\n', full.indexOf('\n') + 1) + 1)
}

/**
 * The spans of the elements of a top-level JSON array, without parsing them; undefined when the text is not
 * an array (or is malformed between elements, which JSON.parse then reports).
 */
export function arrayElementSpans(text: string): [number, number][] | undefined {
  const n = text.length
  let i = 0
  const ws = (c: number) => c === 32 || c === 10 || c === 13 || c === 9
  while (i < n && ws(text.charCodeAt(i))) i++
  if (text.charCodeAt(i) !== 91) return undefined
  i++
  const spans: [number, number][] = []
  for (;;) {
    while (i < n && ws(text.charCodeAt(i))) i++
    if (i >= n) return undefined
    if (text.charCodeAt(i) === 93 && spans.length === 0) {
      i++
      break
    }
    const start = i
    let depth = 0
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        for (i++; i < n; i++) {
          const d = text.charCodeAt(i)
          if (d === 92) i++
          else if (d === 34) break
        }
      } else if (c === 123 || c === 91) depth++
      else if (c === 125 || c === 93) {
        if (depth === 0) break
        depth--
      } else if (c === 44 && depth === 0) break
    }
    let end = i
    while (end > start && ws(text.charCodeAt(end - 1))) end--
    if (end === start) return undefined
    spans.push([start, end])
    if (i >= n) return undefined
    const c = text.charCodeAt(i)
    i++
    if (c === 93) break
    if (c !== 44) return undefined
  }
  while (i < n && ws(text.charCodeAt(i))) i++
  return i === n ? spans : undefined
}

interface Planned {
  id: string
  decided: Decided
  expected: unknown
}

/**
 * Decides every case. Cases that repeat the same policies and request (CI often asserts many requests
 * against one policy set, and files repeat cases) are decided once: the result and its JSON are reused.
 */
export function runSimulate(args: ParsedArgs, io: CliIO, catalogue: Catalogue): number {
  const format = formatOf(args)
  if (args.positionals.length !== 1) throw new UsageError('simulate takes exactly one CASES.json file (or - for standard input)')
  const file = args.positionals[0]!
  const text = readInput(file, io)
  const check = args.flags.has('check')
  const byText = new Map<string, { item: unknown; ownId: boolean; decided: Decided }>()
  const byKey = new Map<string, Decided>()
  const decide = (item: unknown): Decided => {
    const key = decisionKey(item)
    let decided = key === undefined ? undefined : byKey.get(key)
    if (!decided) {
      const { id: _id, ...result } = simulateCase(item, { catalogue })
      void _id
      decided = { result }
      if (key !== undefined) byKey.set(key, decided)
    }
    return decided
  }
  // Pass 1: decide every case (identical case texts are parsed once). Nothing is printed before the
  // whole file is known to be JSON.
  const planned: Planned[] = []
  const spans = arrayElementSpans(text)
  if (spans) {
    for (let i = 0; i < spans.length; i++) {
      const raw = text.slice(spans[i]![0], spans[i]![1])
      let hit = byText.get(raw)
      if (!hit) {
        let item: unknown
        try {
          item = JSON.parse(raw)
        } catch (e) {
          throw new InputError(`${file}: not valid JSON: ${(e as Error).message} (in element ${i} of the array)`)
        }
        hit = { item, ownId: isRecord(item) && (typeof item.id === 'string' || (typeof item.id === 'number' && Number.isFinite(item.id))), decided: decide(item) }
        byText.set(raw, hit)
      }
      planned.push({ id: hit.ownId ? caseId(hit.item, i) : String(i), decided: hit.decided, expected: isRecord(hit.item) ? hit.item.expected : undefined })
    }
  } else {
    let input: unknown
    try {
      input = JSON.parse(text)
    } catch (e) {
      throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`)
    }
    const cases = Array.isArray(input) ? input : [input]
    cases.forEach((item, i) => planned.push({ id: caseId(item, i), decided: decide(item), expected: isRecord(item) ? item.expected : undefined }))
  }

  // Pass 2: output.
  const out = new ChunkedWriter(io)
  const c = colours(io.isTTY && !args.flags.has('no-color') && !io.env.NO_COLOR)
  let malformed = 0
  let denied = 0
  let compared = 0
  let differ = 0
  const differences: string[] = []
  if (format === 'json') out.push('[')
  for (let i = 0; i < planned.length; i++) {
    const { id, decided, expected } = planned[i]!
    const r = decided.result
    if (r.error !== undefined) malformed++
    else if (r.decision !== 'Allowed') denied++
    let mismatch = false
    if (check && typeof expected === 'string' && r.error === undefined) {
      compared++
      if (expected !== r.decision) {
        mismatch = true
        differ++
        if (differences.length < 50) differences.push(`${id}: expected ${expected}, got ${r.decision}`)
      }
    }
    if (format === 'json') {
      out.push(`${i ? ',' : ''}\n  {\n    "id": ${JSON.stringify(id)},\n`)
      out.pushDecided(decided)
    } else if (r.error !== undefined) out.push(`${c.bold(id)}: ${c.red('error')} ${r.error}\n`)
    else {
      const d = r.decision === 'Allowed' ? c.green(r.decision) : c.red(String(r.decision))
      out.push(`${c.bold(id)}: ${d}${mismatch ? c.red(` (expected ${String(expected)})`) : ''}\n`)
      for (const line of r.explanation ?? []) out.push(`  ${line.text}\n`)
    }
  }
  if (format === 'json') out.push(planned.length ? '\n]\n' : ']\n')
  out.flush()
  const cases = planned
  const summary = `${cases.length} case${cases.length === 1 ? '' : 's'}: ${cases.length - malformed - denied} allowed, ${denied} denied, ${malformed} malformed${
    check ? `; ${compared} compared with expected, ${differ} differ${compared < cases.length - malformed ? ` (${cases.length - malformed - compared} without expected)` : ''}` : ''
  }`
  const note = format === 'json' ? io.stderr : io.stdout
  if (check) for (const d of differences) io.stderr(`iam-sidekick: ${file}: ${d}\n`)
  if (format === 'text' || check || malformed) note(summary + '\n')
  if (malformed) return 2
  if (check && differ) return 1
  return args.flags.has('fail-on-deny') && denied ? 1 : 0
}
