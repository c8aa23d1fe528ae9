/**
 * The configuration file `.iam-sidekick.json`: found upward from the working directory, or named with
 * `--config`. Every key, type and code is checked; a mistake is a usage error (exit 2) with a did-you-mean.
 *
 *   {
 *     "suppress": ["CODE", ...],                          // for every file
 *     "files": { "path/or/glob": ["CODE", ...] },          // per file, relative to the config file's folder
 *     "failOn": "error" | "security" | "warning" | "suggestion" | "none",
 *     "parameters": { "Name": "value" | ["a", "b"] },      // CloudFormation parameter values
 *     "account": "123456789012", "region": "eu-west-1", "partition": "aws",
 *     "exclude": ["glob", ...]                             // files a directory or glob search skips
 *   }
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { closest } from '../engine/catalogue/similar'
import { UsageError } from './args'
import { globToRegExp } from './sources/files'

export const CONFIG_FILE_NAME = '.iam-sidekick.json'

export const FAIL_ON_LEVELS = ['error', 'security', 'warning', 'suggestion', 'none'] as const
export type FailOn = (typeof FAIL_ON_LEVELS)[number]

export interface Config {
  /** The file it came from, when there is one. */
  path?: string
  suppress: string[]
  files: Record<string, string[]>
  failOn?: FailOn
  parameters: Record<string, string | string[]>
  account?: string
  region?: string
  partition?: string
  exclude: string[]
}

const KEYS = ['suppress', 'files', 'failOn', 'parameters', 'account', 'region', 'partition', 'exclude'] as const

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const list = [...candidates]
  const c = closest(name, list, 1)
  const lower = name.toLowerCase()
  const best = c[0] ?? (lower.length >= 3 ? list.find((x) => x.toLowerCase().startsWith(lower)) : undefined)
  return best ? ` (did you mean "${best}"?)` : ''
}

/** `.iam-sidekick.json` in `from` or the nearest folder above it. */
export function findConfig(from: string): string | undefined {
  let dir = resolve(from)
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME)
    if (existsSync(candidate)) return candidate
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

/** Checks codes against the known ones; an unknown code is a usage error naming the closest known code. */
export function checkCodes(codes: string[], known: ReadonlySet<string>, where: string): string[] {
  return codes.map((raw) => {
    const code = raw.trim().toUpperCase()
    if (!known.has(code)) throw new UsageError(`${where}: unknown code "${raw}"${didYouMean(code, known)}`)
    return code
  })
}

/** Parses and checks a config file's text. */
export function parseConfig(text: string, path: string, knownCodes: ReadonlySet<string>): Config {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new UsageError(`${path}: the config file is not valid JSON: ${(e as Error).message}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`${path}: the config file must hold a JSON object`)
  const obj = raw as Record<string, unknown>
  for (const k of Object.keys(obj)) if (!(KEYS as readonly string[]).includes(k)) throw new UsageError(`${path}: unknown key "${k}"${didYouMean(k, KEYS)}`)
  const config: Config = { path, suppress: [], files: {}, parameters: {}, exclude: [] }
  const type = (k: string, expected: string) => new UsageError(`${path}: "${k}" must be ${expected}`)
  if (obj.suppress !== undefined) {
    if (!isStringArray(obj.suppress)) throw type('suppress', 'a list of codes')
    config.suppress = checkCodes(obj.suppress, knownCodes, `${path}: suppress`)
  }
  if (obj.files !== undefined) {
    if (typeof obj.files !== 'object' || obj.files === null || Array.isArray(obj.files)) throw type('files', 'an object of file path → list of codes')
    for (const [f, codes] of Object.entries(obj.files as Record<string, unknown>)) {
      if (!isStringArray(codes)) throw type(`files.${f}`, 'a list of codes')
      config.files[f] = checkCodes(codes, knownCodes, `${path}: files.${f}`)
    }
  }
  if (obj.failOn !== undefined) {
    if (typeof obj.failOn !== 'string' || !(FAIL_ON_LEVELS as readonly string[]).includes(obj.failOn))
      throw new UsageError(`${path}: "failOn" must be one of ${FAIL_ON_LEVELS.join(', ')}${typeof obj.failOn === 'string' ? didYouMean(obj.failOn, FAIL_ON_LEVELS) : ''}`)
    config.failOn = obj.failOn as FailOn
  }
  if (obj.parameters !== undefined) {
    if (typeof obj.parameters !== 'object' || obj.parameters === null || Array.isArray(obj.parameters)) throw type('parameters', 'an object of name → value')
    for (const [n, v] of Object.entries(obj.parameters as Record<string, unknown>)) {
      if (typeof v === 'number' || typeof v === 'boolean') config.parameters[n] = String(v)
      else if (typeof v === 'string' || isStringArray(v)) config.parameters[n] = v
      else throw type(`parameters.${n}`, 'a string or a list of strings')
    }
  }
  for (const k of ['account', 'region', 'partition'] as const) {
    if (obj[k] === undefined) continue
    if (typeof obj[k] !== 'string') throw type(k, 'a string')
    config[k] = obj[k] as string
  }
  if (obj.exclude !== undefined) {
    if (!isStringArray(obj.exclude)) throw type('exclude', 'a list of globs')
    config.exclude = obj.exclude
  }
  return config
}

export function emptyConfig(): Config {
  return { suppress: [], files: {}, parameters: {}, exclude: [] }
}

export function loadConfig(explicit: string | undefined, cwd: string, knownCodes: ReadonlySet<string>): Config {
  const path = explicit ?? findConfig(cwd)
  if (!path) return emptyConfig()
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new UsageError(`${path}: cannot read the config file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`)
  }
  return parseConfig(text, path, knownCodes)
}

function slash(p: string): string {
  return p.split(sep).join('/')
}

/** Does a `files` key or an `exclude` glob of the config name this file? */
export function configMatches(pattern: string, file: string, config: Config): boolean {
  if (file === '-') return pattern === '-'
  if (pattern === file) return true
  const base = config.path ? dirname(resolve(config.path)) : process.cwd()
  const abs = resolve(file)
  if (!isAbsolute(pattern) && resolve(base, pattern) === abs) return true
  if (isAbsolute(pattern) && resolve(pattern) === abs) return true
  const rel = slash(relative(base, abs))
  return globToRegExp(slash(pattern).replace(/^\.\//, '')).test(rel)
}

export function suppressedFor(config: Config, file: string): string[] {
  const codes = [...config.suppress]
  for (const [pattern, list] of Object.entries(config.files)) if (configMatches(pattern, file, config)) codes.push(...list)
  return codes
}
