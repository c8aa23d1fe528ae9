/**
 * Policies inside CloudFormation templates (JSON or YAML, short- and long-form intrinsics). The `yaml`
 * library parses both (JSON is YAML 1.2) and keeps every node's offsets, so findings point at the template.
 * Where policies live: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
 * (and the table in AWS's cfn-policy-validator README).
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml'
import type { JsonPath, PolicyType, Range } from '../../engine/findings/types'
import { LineIndex } from '../../engine/json/positions'
import { CfnResolver, settle, type CfnOptions, type Recorder } from './cfn-intrinsics'
import { dottedPath, pathKey, Unresolved, type EmbeddedPolicy } from './resolved'

interface PolicyProperty {
  /** Property path inside Properties; `*` walks every element of a list. */
  path: (string | '*')[]
  policyType: PolicyType
  validationResourceType?: string
}

const IDENTITY_LIST: PolicyProperty[] = [{ path: ['Policies', '*', 'PolicyDocument'], policyType: 'identity' }]
const DOC = (policyType: PolicyType, prop = 'PolicyDocument', validationResourceType?: string): PolicyProperty[] => [
  { path: [prop], policyType, ...(validationResourceType ? { validationResourceType } : {}) },
]

/** Resource types and the properties that hold policies. */
export const CFN_POLICY_PROPERTIES: Record<string, PolicyProperty[]> = {
  'AWS::IAM::Role': [{ path: ['AssumeRolePolicyDocument'], policyType: 'trust' }, ...IDENTITY_LIST],
  'AWS::IAM::User': IDENTITY_LIST,
  'AWS::IAM::Group': IDENTITY_LIST,
  'AWS::IAM::Policy': DOC('identity'),
  'AWS::IAM::ManagedPolicy': DOC('identity'),
  'AWS::IAM::RolePolicy': DOC('identity'),
  'AWS::IAM::UserPolicy': DOC('identity'),
  'AWS::IAM::GroupPolicy': DOC('identity'),
  'AWS::SSO::PermissionSet': DOC('identity', 'InlinePolicy'),
  'AWS::S3::BucketPolicy': DOC('resource', 'PolicyDocument', 'AWS::S3::Bucket'),
  'AWS::S3::AccessPoint': DOC('resource', 'Policy', 'AWS::S3::AccessPoint'),
  'AWS::S3::MultiRegionAccessPointPolicy': DOC('resource', 'Policy', 'AWS::S3::MultiRegionAccessPoint'),
  'AWS::S3Express::AccessPoint': DOC('resource', 'Policy'),
  'AWS::S3Tables::TableBucketPolicy': DOC('resource', 'ResourcePolicy'),
  'AWS::SQS::QueuePolicy': DOC('resource', 'PolicyDocument', 'AWS::SQS::Queue'),
  'AWS::SNS::TopicPolicy': DOC('resource', 'PolicyDocument', 'AWS::SNS::Topic'),
  'AWS::KMS::Key': DOC('resource', 'KeyPolicy', 'AWS::KMS::Key'),
  'AWS::SecretsManager::ResourcePolicy': DOC('resource', 'ResourcePolicy'),
  'AWS::ECR::Repository': DOC('resource', 'RepositoryPolicyText'),
  'AWS::ApiGateway::RestApi': DOC('resource', 'Policy'),
  'AWS::OpenSearchService::Domain': DOC('resource', 'AccessPolicies'),
  'AWS::Elasticsearch::Domain': DOC('resource', 'AccessPolicies'),
  'AWS::Backup::BackupVault': DOC('resource', 'AccessPolicy'),
  'AWS::CodeArtifact::Domain': DOC('resource', 'PermissionsPolicyDocument'),
  'AWS::CodeArtifact::Repository': DOC('resource', 'PermissionsPolicyDocument'),
  'AWS::CloudTrail::ResourcePolicy': DOC('resource', 'ResourcePolicy'),
  'AWS::Logs::ResourcePolicy': DOC('resource', 'PolicyDocument'),
  'AWS::EFS::FileSystem': DOC('resource', 'FileSystemPolicy'),
  'AWS::Glue::ResourcePolicy': DOC('resource', 'Policy'),
}

/** A quick look: is this parsed YAML/JSON a CloudFormation template? */
export function looksLikeCloudFormation(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  if ('AWSTemplateFormatVersion' in v) return true
  const resources = v.Resources
  if (!resources || typeof resources !== 'object' || Array.isArray(resources)) return false
  const entries = Object.values(resources as Record<string, unknown>)
  return entries.length > 0 && entries.every((r) => !!r && typeof r === 'object' && typeof (r as { Type?: unknown }).Type === 'string')
}

export interface TemplateResult {
  policies: EmbeddedPolicy[]
  /** Things worth saying that are not findings (a SAM transform, policies that are never resolved ...). */
  notes: string[]
}

function key(node: unknown): string {
  return isScalar(node) ? String(node.value) : ''
}

/** Every policy of a parsed template, resolved, with its positions in the template text. */
export function extractCloudFormationPolicies(doc: Document, text: string, options: CfnOptions = {}): TemplateResult {
  const notes: string[] = []
  const resolver = new CfnResolver(doc, options)
  const lines = new LineIndex(text)
  const root = doc.contents
  const transform = isMap(root) ? root.get('Transform') : undefined
  if (transform !== undefined) notes.push(`the template declares Transform ${JSON.stringify(transform)}; resources the transform creates are not checked`)
  const resourcesNode = isMap(root) ? root.get('Resources', true) : undefined
  if (!isMap(resourcesNode)) return { policies: [], notes }

  // Managed policies referenced as permissions boundaries and attached nowhere are checked as boundaries.
  const boundaryOnly = boundaryPolicies(resourcesNode, resolver)
  const policies: EmbeddedPolicy[] = []
  for (const pair of resourcesNode.items) {
    const logicalId = key(pair.key)
    const resource = pair.value
    if (!isMap(resource)) continue
    const type = key(resource.get('Type', true))
    const props = resource.get('Properties', true)
    if (!isMap(props)) continue
    let specs = CFN_POLICY_PROPERTIES[type]
    if (type === 'AWS::Organizations::Policy') {
      const t = resolver.resolve(props.get('Type', true) as YamlNode, [], null)
      const policyType: PolicyType | undefined = t === 'SERVICE_CONTROL_POLICY' ? 'scp' : t === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : undefined
      specs = policyType ? [{ path: ['Content'], policyType }] : []
    }
    if (!specs) continue
    const condition = resource.get('Condition')
    if (typeof condition === 'string' && resolver.condition(condition) === false) continue
    for (const spec of specs) {
      for (const { node, path } of walk(props, spec.path, ['Properties'])) {
        const policyType = type === 'AWS::IAM::ManagedPolicy' && boundaryOnly.has(logicalId) ? 'boundary' : spec.policyType
        policies.push(embed(resolver, lines, node, { logicalId, type, path, policyType, ...(spec.validationResourceType ? { vrt: spec.validationResourceType } : {}) }))
      }
    }
  }
  return { policies, notes }
}

function* walk(node: YamlNode, path: (string | '*')[], at: JsonPath): Generator<{ node: YamlNode; path: JsonPath }> {
  if (path.length === 0) {
    yield { node, path: at }
    return
  }
  const [head, ...rest] = path
  if (head === '*') {
    if (!isSeq(node)) return
    for (let i = 0; i < node.items.length; i++) yield* walk(node.items[i] as YamlNode, rest, [...at, i])
    return
  }
  if (!isMap(node)) return
  const child = node.get(head!, true) as YamlNode | undefined
  if (child !== undefined && child !== null) yield* walk(child, rest, [...at, head!])
}

function boundaryPolicies(resources: YAMLMap, resolver: CfnResolver): Set<string> {
  const asBoundary = new Set<string>()
  const attached = new Set<string>()
  const refOf = (n: unknown): string | undefined => {
    if (isScalar(n) && n.tag === '!Ref') return String(n.value)
    if (isMap(n) && n.items.length === 1 && key(n.items[0]!.key) === 'Ref') return key(n.items[0]!.value)
    return undefined
  }
  for (const pair of resources.items) {
    const props = isMap(pair.value) ? pair.value.get('Properties', true) : undefined
    if (!isMap(props)) continue
    const b = refOf(props.get('PermissionsBoundary', true))
    if (b) asBoundary.add(b)
    const managed = props.get('ManagedPolicyArns', true)
    if (isSeq(managed)) for (const item of managed.items) {
      const r = refOf(item)
      if (r) attached.add(r)
    }
    for (const k of ['Roles', 'Users', 'Groups']) if (isSeq(props.get(k, true)) && key(pair.value && isMap(pair.value) ? pair.value.get('Type', true) : '') === 'AWS::IAM::ManagedPolicy') attached.add(key(pair.key))
  }
  void resolver
  return new Set([...asBoundary].filter((b) => !attached.has(b)))
}

function embed(
  resolver: CfnResolver,
  lines: LineIndex,
  node: YamlNode,
  at: { logicalId: string; type: string; path: JsonPath; policyType: PolicyType; vrt?: string },
): EmbeddedPolicy {
  const rec: Recorder = { spans: new Map(), unknowns: [] }
  let value = resolver.resolve(node, [], rec)
  const unknownPaths: JsonPath[] = []
  const whole = node.range ? ([node.range[0], node.range[1]] as [number, number]) : ([0, 0] as [number, number])
  let stringPolicy = false
  const textWithUnknowns = value instanceof Unresolved
  // A policy written as JSON text (a string, often through Fn::Sub): parse it; positions fall on the string.
  if (typeof value === 'string' || (value instanceof Unresolved && typeof value.placeholder === 'string')) {
    const text = typeof value === 'string' ? value : (value as Unresolved).placeholder as string
    try {
      value = JSON.parse(text) as unknown
      stringPolicy = true
      if (!(typeof value === 'object' && value)) value = text
    } catch {
      value = text
    }
  }
  const document = settle(value, [], unknownPaths)
  if (stringPolicy && textWithUnknowns) unknownPaths.push([])
  const toRange = (span: [number, number]): Range => ({ start: lines.position(span[0]), end: lines.position(span[1]) })
  const spans = rec.spans
  return {
    name: `${at.logicalId} ${dottedPath(at.path.slice(1))}`,
    location: { logicalId: at.logicalId, resourceType: at.type, property: at.path },
    policyType: at.policyType,
    ...(at.vrt ? { validationResourceType: at.vrt } : {}),
    document,
    unknownPaths,
    locate: (path) => {
      if (stringPolicy) return toRange(whole)
      for (let n = path.length; n >= 0; n--) {
        const span = spans.get(pathKey(path.slice(0, n)))
        if (span) return toRange(span)
      }
      return toRange(whole)
    },
  }
}
