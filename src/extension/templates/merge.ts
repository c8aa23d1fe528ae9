/**
 * "Add the template's statements" instead of replacing the policy: the editor's text keeps its own
 * formatting (only the Statement array is edited), the template's statements are appended, and a Sid that
 * is already taken gets a number (Sids must be unique in a policy:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html).
 */
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser'

export type MergeResult = { ok: true; text: string; added: number; renamed: string[] } | { ok: false; error: string }

type Obj = Record<string, unknown>

function parseObject(text: string): Obj | undefined {
  const errors: ParseError[] = []
  const v: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true })
  return errors.length === 0 && typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined
}

function statementsOf(doc: Obj): Obj[] | undefined {
  const st = doc.Statement
  if (Array.isArray(st)) return st.filter((s): s is Obj => typeof s === 'object' && s !== null && !Array.isArray(s))
  if (typeof st === 'object' && st !== null) return [st as Obj]
  return undefined
}

/** True when the editor holds a policy with statements (so "add" is a real choice). */
export function hasStatements(text: string): boolean {
  const doc = parseObject(text)
  return !!doc && (statementsOf(doc)?.length ?? 0) > 0
}

function detectIndent(text: string): { tabSize: number; insertSpaces: boolean } {
  const m = /\n([ \t]+)"/.exec(text)
  if (!m) return { tabSize: 2, insertSpaces: true }
  return m[1]!.startsWith('\t') ? { tabSize: 1, insertSpaces: false } : { tabSize: Math.min(8, m[1]!.length), insertSpaces: true }
}

export function addStatements(current: string, template: string): MergeResult {
  const cur = parseObject(current)
  if (!cur) return { ok: false, error: 'the policy in the editor is not valid JSON, so its statements cannot be kept: fix it first, or replace it' }
  const tpl = parseObject(template)
  const adding = tpl && statementsOf(tpl)
  if (!adding?.length) return { ok: false, error: 'the template has no statements to add' }
  const existing = statementsOf(cur) ?? []
  const taken = new Set(existing.map((s) => (typeof s.Sid === 'string' ? s.Sid : '')).filter(Boolean))
  const renamed: string[] = []
  const fresh = adding.map((s) => {
    if (typeof s.Sid !== 'string' || !s.Sid || !taken.has(s.Sid)) {
      if (typeof s.Sid === 'string' && s.Sid) taken.add(s.Sid)
      return s
    }
    let n = 2
    while (taken.has(`${s.Sid}${n}`)) n++
    const sid = `${s.Sid}${n}`
    taken.add(sid)
    renamed.push(`${s.Sid} → ${sid}`)
    return { ...s, Sid: sid }
  })
  const formattingOptions = { ...detectIndent(current), eol: current.includes('\r\n') ? '\r\n' : '\n' }
  let text = current
  if (Array.isArray(cur.Statement)) {
    for (const s of fresh) text = applyEdits(text, modify(text, ['Statement', -1], s, { formattingOptions, isArrayInsertion: true }))
  } else {
    const list = [...existing, ...fresh]
    text = applyEdits(text, modify(text, ['Statement'], list, { formattingOptions }))
  }
  if (!parseObject(text)) return { ok: false, error: 'the statements could not be added' }
  return { ok: true, text, added: fresh.length, renamed }
}
