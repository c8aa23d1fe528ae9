/**
 * IAM Sidekick engine: pure TypeScript, no DOM, no browser API, no I/O, deterministic.
 * parse → PolicyModel (with ranges) → independent services (validate, suggest, explain, simulate).
 */
export * from './findings/types'
export * from './model'
export * from './catalogue'
export { parseJson } from './json/parse'
export { LineIndex } from './json/positions'
export type { JsonNode } from './json/tree'
export { globMatch, compileGlob, hasWildcard } from './patterns/glob'
export { parseArn, formatArn, arnFields, PARTITIONS } from './arn/arn'
export { compileArnFormat, resourceMatchesFormat, variablesAsWildcards } from './arn/format'
