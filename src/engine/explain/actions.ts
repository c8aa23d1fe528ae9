import type { ActionInfo, Catalogue } from '../catalogue'
import { ACCESS_LEVELS } from '../catalogue'
import { humanizeAction, joinAnd, levelVerbs, quote } from './words'

function serviceName(catalogue: Catalogue, prefix: string): string {
  return catalogue.service(prefix)?.name ?? prefix
}

function levels(actions: readonly ActionInfo[]): string[] {
  const present = new Set(actions.map((a) => a.accessLevel))
  return ACCESS_LEVELS.filter((l) => present.has(l))
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`
}

/** One exact action in words: "reading objects (s3:GetObject)". */
function exact(value: string, catalogue: Catalogue): string {
  const info = catalogue.action(value)
  if (!info) return `${quote(value)} (not an action AWS knows)`
  return `${humanizeAction(info.name)} (${info.key})`
}

/** One wildcard entry in words: "every Amazon S3 action starting with Get (40 actions that read and list)". */
function pattern(value: string, catalogue: Catalogue): string {
  if (value === '*') return 'every action in every AWS service'
  const matched = catalogue.expand(value)
  const c = value.indexOf(':')
  const svc = c > 0 ? value.slice(0, c) : value
  const name = /[*?]/.test(svc) ? 'AWS' : serviceName(catalogue, svc)
  const rest = c > 0 ? value.slice(c + 1) : ''
  const tail = matched.length ? ` (${count(matched.length, 'action')} that ${levelVerbs(levels(matched))})` : ' (no action AWS knows today)'
  if (rest === '*') return `every ${name} action${tail}`
  if (/^[^*?]+\*$/.test(rest)) return `every ${name} action starting with "${rest.slice(0, -1)}"${tail}`
  return `${name} actions matching ${quote(value)}${tail}`
}

/** What an Action list allows, in words. */
export function describeActions(values: readonly string[], catalogue: Catalogue): string {
  if (values.length === 0) return 'no actions'
  if (values.includes('*')) return 'every action in every AWS service'
  const wild = values.filter((v) => /[*?]/.test(v))
  const plain = values.filter((v) => !/[*?]/.test(v))
  const parts = wild.map((v) => pattern(v, catalogue))
  if (plain.length <= 4) parts.push(...plain.map((v) => exact(v, catalogue)))
  else {
    const byService = new Map<string, string[]>()
    for (const v of plain) {
      const c = v.indexOf(':')
      const k = (c > 0 ? v.slice(0, c) : v).toLowerCase()
      byService.set(k, [...(byService.get(k) ?? []), v])
    }
    for (const [svc, list] of byService) {
      if (list.length <= 2) parts.push(...list.map((v) => exact(v, catalogue)))
      else {
        const infos = list.map((v) => catalogue.action(v)).filter((a): a is ActionInfo => !!a)
        const verbs = infos.length ? ` that ${levelVerbs(levels(infos))}` : ''
        const names = list.length <= 4 ? joinAnd(list) : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`
        parts.push(`${count(list.length, `${serviceName(catalogue, svc)} action`)}${verbs} (${names})`)
      }
    }
  }
  return parts.length > 6 ? `${parts.slice(0, 5).join('; ')}; and ${parts.length - 5} more groups of actions` : joinAnd(parts)
}

/** Actions a NotAction list leaves in, in words. */
export function describeNotActions(values: readonly string[], catalogue: Catalogue): string {
  const total = catalogue.allActions().length
  const excluded = new Set(values.flatMap((v) => catalogue.expand(v)))
  const names = values.length <= 4 ? joinAnd(values.map(quote)) : `${values.slice(0, 3).map(quote).join(', ')} and ${values.length - 3} more`
  return `every action except ${names} (${count(total - excluded.size, 'action')} today, and any AWS adds later)`
}
