/** ARN text helpers that respect policy variables (whose names contain colons). */
import { variablesAsWildcards } from '../arn/format'

/**
 * Splits an ARN (or ARN pattern) into at most six fields at the colons outside `${...}`; the sixth
 * field keeps any further colons.
 */
export function splitArnFields(text: string): string[] {
  const fields: string[] = []
  let start = 0
  let depth = 0
  for (let i = 0; i < text.length && fields.length < 5; i++) {
    const c = text[i]
    if (c === '$' && text[i + 1] === '{') {
      depth++
      i++
    } else if (c === '}' && depth > 0) depth--
    else if (c === ':' && depth === 0) {
      fields.push(text.slice(start, i))
      start = i + 1
    }
  }
  fields.push(text.slice(start))
  return fields
}

export function joinArnFields(fields: string[]): string {
  return fields.join(':')
}

export function hasVariable(text: string): boolean {
  return text.includes('${')
}

export function isWildcardOrVariable(text: string): boolean {
  return /[*?]/.test(text) || text.includes('${')
}

/** The fields with variables turned into `*`, for structural comparison. */
export function wildcardFields(fields: string[]): string[] {
  return fields.map((f) => (f.includes('${') ? variablesAsWildcards(f) : f))
}

/** AWS Region names: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`, `us-isob-east-1`... */
export const REGION = /^[a-z]{2,4}(-[a-z]{2,9}){1,3}-\d{1,2}$/

export const ACCOUNT = /^\d{12}$/
