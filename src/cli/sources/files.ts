/**
 * Turns command-line operands into files: a file as it is, `-` for standard input, a directory searched
 * recursively for *.json, *.yaml, *.yml and *.template (skipping node_modules and dot-folders), and a glob
 * (`*`, `**`, `?`, `{a,b}`) matched against the files under its fixed prefix.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { InputError } from '../io'

export const SEARCHED_EXTENSIONS = ['.json', '.yaml', '.yml', '.template']

export interface InputFile {
  path: string
  /** Named on the command line (rather than found in a directory or by a glob). */
  explicit: boolean
}

function searchable(name: string): boolean {
  const lower = name.toLowerCase()
  return SEARCHED_EXTENSIONS.some((e) => lower.endsWith(e))
}

function walk(dir: string, out: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (e) {
    throw new InputError(`${dir}: cannot read the directory: ${(e as Error).message}`)
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (e.isFile() && searchable(e.name)) out.push(p)
  }
}

export function hasGlob(s: string): boolean {
  return /[*?{[]/.test(s)
}

/** A glob as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/'
        re += slash ? '(?:.*/)?' : '.*'
        i += slash ? 2 : 1
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '{') {
      const end = glob.indexOf('}', i)
      if (end < 0) re += '\\{'
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\*?]/g, '\\$&')).join('|') + ')'
        i = end
      }
    } else if (c === '[') {
      const end = glob.indexOf(']', i)
      if (end < 0) re += '\\['
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^') + ']'
        i = end
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&')
  }
  return new RegExp('^' + re + '$')
}

function expandGlob(pattern: string): string[] {
  const norm = pattern.split(sep).join('/')
  const parts = norm.split('/')
  const fixed: string[] = []
  for (const p of parts) {
    if (hasGlob(p)) break
    fixed.push(p)
  }
  const base = fixed.length ? fixed.join('/') || '/' : '.'
  const found: string[] = []
  try {
    if (statSync(base).isDirectory()) walkAll(base, found)
  } catch {
    return []
  }
  const re = globToRegExp(norm.startsWith('./') ? norm.slice(2) : norm)
  return found.filter((f) => re.test((base === '.' ? relative('.', f) : f).split(sep).join('/')))
}

function walkAll(dir: string, out: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const e of entries) {
    if (e.name === 'node_modules' || (e.name.startsWith('.') && e.isDirectory())) continue
    const p = dir === '.' ? e.name : join(dir, e.name)
    if (e.isDirectory()) walkAll(p, out)
    else if (e.isFile()) out.push(p)
  }
}

/** Files for the operands, in order, without duplicates. A missing file or an empty glob is an input error. */
export function expandOperands(operands: string[]): InputFile[] {
  const seen = new Set<string>()
  const out: InputFile[] = []
  const add = (path: string, explicit: boolean) => {
    if (path !== '-' && seen.has(path)) return
    seen.add(path)
    out.push({ path, explicit })
  }
  for (const op of operands) {
    if (op === '-') {
      add('-', true)
      continue
    }
    let isDir = false
    let exists = false
    try {
      const st = statSync(op)
      exists = true
      isDir = st.isDirectory()
    } catch {
      exists = false
    }
    if (isDir) {
      const found: string[] = []
      walk(op, found)
      for (const f of found) add(f, false)
    } else if (!exists && hasGlob(op)) {
      const found = expandGlob(op)
      if (found.length === 0) throw new InputError(`${op}: no file matches this pattern`)
      for (const f of found) add(f, false)
    } else add(op, true)
  }
  return out
}
