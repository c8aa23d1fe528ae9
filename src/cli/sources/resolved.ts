/**
 * Shapes shared by the template and plan readers: a policy found inside a larger file, already resolved to a
 * plain JSON value, with a way back from a path inside the policy to the span of the file it came from.
 */
import type { JsonPath, PolicyType, Range } from '../../engine/findings/types'

/** Where a policy sits inside its file, for people and for SARIF logical locations. */
export interface PolicyLocation {
  /** CloudFormation logical id. */
  logicalId?: string
  /** CloudFormation or Terraform resource type. */
  resourceType?: string
  /** Terraform resource address (module path included). */
  address?: string
  /** Terraform attribute holding the policy, e.g. `policy` or `inline_policy[0].policy`. */
  attribute?: string
  /** CloudFormation: path of the property inside the resource, e.g. ["Properties","Policies",0,"PolicyDocument"]. */
  property?: JsonPath
}

export interface EmbeddedPolicy {
  /** One-line name used in headings: `MyRole Policies[0].PolicyDocument` or `aws_iam_role.app assume_role_policy`. */
  name: string
  location: PolicyLocation
  policyType: PolicyType
  /** For resource policies: the resource type the validator knows (AWS::S3::Bucket ...). */
  validationResourceType?: string
  /** The resolved document, or a string when the policy was written as JSON text. */
  document: unknown
  /** Paths inside the document whose value could not be resolved offline (a placeholder stands there). */
  unknownPaths: JsonPath[]
  /** Span in the file of the node a path inside the policy came from (longest known prefix). */
  locate: (path: JsonPath) => Range
}

/** A value that could not be resolved offline; `placeholder` stands in for it (a wildcard where it is a string). */
export class Unresolved {
  constructor(
    readonly placeholder: unknown,
    readonly reason: string,
  ) {}
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path)
}

/** JSON pointer (RFC 6901) of a path. */
export function jsonPointer(path: JsonPath): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/** `Policies[0].PolicyDocument` */
export function dottedPath(path: JsonPath): string {
  let s = ''
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : (s ? '.' : '') + p
  return s
}

function isPrefix(a: JsonPath, b: JsonPath): boolean {
  if (a.length > b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The statement a path lies in: ["Statement", i] (or ["Statement"] for a single statement object). */
function statementOf(path: JsonPath): JsonPath | undefined {
  if (path[0] !== 'Statement' || path.length < 2) return undefined
  return typeof path[1] === 'number' ? path.slice(0, 2) : path.slice(0, 1)
}

/**
 * A finding at `path` could come from an unresolved value when it lies inside one, when it is about a
 * node that contains one, or when it is about another element of the same statement (an unknown resource
 * makes "every resource" look true). Root-level findings (missing Version, size) are kept unless the whole
 * policy is unknown. Cross-statement findings (redundancy, reachability) are dropped too.
 */
export function touchesUnknown(path: JsonPath, unknownPaths: JsonPath[], code: string): boolean {
  if (unknownPaths.length === 0) return false
  const statement = statementOf(path)
  for (const u of unknownPaths) {
    if (isPrefix(u, path)) return true
    if (path.length >= 2 && isPrefix(path, u)) return true
    if (statement && isPrefix(statement, u)) return true
  }
  return /REDUNDANT|SUBSUMED|UNREACHABLE|CAN_MERGE|NEVER|OVERRIDDEN|SHADOW/.test(code)
}
