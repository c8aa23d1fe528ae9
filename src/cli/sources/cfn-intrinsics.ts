/**
 * Resolves CloudFormation intrinsic functions offline, the way AWS's cfn-policy-validator documents it
 * (https://github.com/awslabs/aws-cloudformation-iam-policy-validator#intrinsic-function-and-pseudo-parameter-support):
 * pseudo parameters from flags with defaults, `Ref` to parameters (value given, else Default), `Ref` and
 * `Fn::GetAtt X.Arn` to resources as the ARN of the resource's type built from its name property or logical
 * id, `Fn::Sub`, `Join`, `Select`, `Split`, `FindInMap`, `If` (Conditions evaluated), `Base64`, `GetAZs`.
 * What cannot be known offline (`ImportValue`, `Cidr`, attributes other than the ARN, parameters without
 * a value) becomes an `Unresolved` whose placeholder is a wildcard: it never causes a finding of its own
 * (callers drop findings that touch it).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml'
import type { JsonPath } from '../../engine/findings/types'
import { pathKey, Unresolved } from './resolved'

export interface CfnOptions {
  account?: string
  region?: string
  partition?: string
  /** Parameter values (strings, or lists for List<...> / CommaDelimitedList parameters). */
  parameters?: Record<string, string | string[]>
}

/** Removed from the enclosing object or list (`Ref: AWS::NoValue`). */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue')

type Value = unknown

export interface Recorder {
  /** Source offset spans by resolved path. */
  spans: Map<string, [number, number]>
  unknowns: JsonPath[]
}

const SHORT_TAGS: Record<string, string> = { '!Ref': 'Ref', '!Condition': 'Condition' }

function fnName(tag: string): string {
  return SHORT_TAGS[tag] ?? 'Fn::' + tag.slice(1)
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  if (region.startsWith('us-iso-')) return 'aws-iso'
  if (region.startsWith('us-isob-')) return 'aws-iso-b'
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e'
  if (region.startsWith('us-isof-')) return 'aws-iso-f'
  return 'aws'
}

interface ResourceInfo {
  type: string
  node: YamlNode | null
}

/** Name properties per resource type: what CloudFormation names the resource when set. */
const NAME_PROPERTY: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Kinesis::Stream': 'Name',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Rule': 'Name',
  'AWS::CodeBuild::Project': 'Name',
  'AWS::SSM::Parameter': 'Name',
  'AWS::KMS::Alias': 'AliasName',
}

export class CfnResolver {
  readonly account: string
  readonly region: string
  readonly partition: string
  private readonly params = new Map<string, { node: YamlNode | null }>()
  private readonly resources = new Map<string, ResourceInfo>()
  private readonly conditions = new Map<string, YamlNode | null>()
  private readonly conditionCache = new Map<string, boolean | Unresolved>()
  private mappings: YamlNode | null = null

  constructor(
    readonly doc: Document,
    readonly options: CfnOptions = {},
  ) {
    this.region = options.region ?? 'us-east-1'
    this.account = options.account ?? '123456789012'
    this.partition = options.partition ?? partitionOf(this.region)
    const root = doc.contents
    if (!isMap(root)) return
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const value = pair.value as YamlNode | null
      if (!isMap(value)) continue
      if (key === 'Mappings') this.mappings = value
      for (const p of value.items) {
        const name = isScalar(p.key) ? String(p.key.value) : ''
        const v = p.value as YamlNode | null
        if (key === 'Parameters') this.params.set(name, { node: v })
        else if (key === 'Resources') this.resources.set(name, { type: this.typeOf(v), node: v })
        else if (key === 'Conditions') this.conditions.set(name, v)
      }
    }
  }

  resourceTypes(): Map<string, string> {
    return new Map([...this.resources].map(([k, v]) => [k, v.type]))
  }

  private typeOf(node: YamlNode | null): string {
    if (!isMap(node)) return ''
    const t = node.get('Type', true)
    return isScalar(t) ? String(t.value) : ''
  }

  /** Resolves a node to a plain value, recording spans for every produced path. */
  resolve(node: YamlNode | null | undefined, path: JsonPath, rec: Recorder | null): Value {
    if (node === null || node === undefined) return null
    if (isAlias(node)) return this.resolve(node.resolve(this.doc) as YamlNode | undefined, path, rec)
    if (rec && node.range) rec.spans.set(pathKey(path), [node.range[0], node.range[1]])
    const tag = node.tag
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return this.intrinsic(fnName(tag), node, path, rec)
    if (isScalar(node)) {
      const v = node.value
      if (typeof v === 'number' && typeof node.source === 'string' && /^0\d|^\d{12,}$/.test(node.source)) return node.source
      if (typeof v === 'bigint') return String(v)
      return v
    }
    if (isSeq(node)) {
      const out: Value[] = []
      for (const item of node.items) {
        const v = this.resolve(item as YamlNode, [...path, out.length], rec)
        if (v !== NO_VALUE) out.push(v)
      }
      return out
    }
    if (isMap(node)) {
      if (node.items.length === 1 && isScalar(node.items[0]!.key)) {
        const k = String(node.items[0]!.key.value)
        if (k === 'Ref' || (k.startsWith('Fn::') && k !== 'Fn::Transform')) return this.intrinsic(k, node.items[0]!.value as YamlNode, path, rec)
      }
      const out: Record<string, Value> = {}
      for (const pair of node.items) {
        if (!isPair(pair)) continue
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
        const v = this.resolve(pair.value as YamlNode, [...path, key], rec)
        if (v !== NO_VALUE) out[key] = v
      }
      return out
    }
    return null
  }

  /** Resolves a whole subtree without recording (arguments of functions). */
  private plain(node: YamlNode | null | undefined): Value {
    return this.resolve(node, [], null)
  }

  private unknown(reason: string, placeholder: unknown = '*'): Unresolved {
    return new Unresolved(placeholder, reason)
  }

  private intrinsic(fn: string, arg: YamlNode | null, path: JsonPath, rec: Recorder | null): Value {
    // For a short-form tag the node itself carries the argument: strip the tag and read it as data.
    const raw = arg && arg.tag && arg.tag.startsWith('!') && !arg.tag.startsWith('!!') && fnName(arg.tag) === fn ? this.untagged(arg) : this.plain(arg)
    switch (fn) {
      case 'Ref':
        return this.ref(String(raw))
      case 'Condition':
        return this.condition(String(raw))
      case 'Fn::GetAtt': {
        const [res, attr] = Array.isArray(raw) ? [String(raw[0]), raw.slice(1).map(String).join('.')] : splitFirstDot(String(raw))
        return this.getAtt(res, attr)
      }
      case 'Fn::Sub':
        return this.sub(raw)
      case 'Fn::Join': {
        if (!Array.isArray(raw) || raw.length !== 2 || !Array.isArray(raw[1])) return this.unknown('Fn::Join arguments')
        const delim = typeof raw[0] === 'string' ? raw[0] : ''
        return joinParts((raw[1] as Value[]).filter((v) => v !== NO_VALUE), delim)
      }
      case 'Fn::Select': {
        if (!Array.isArray(raw) || raw.length !== 2) return this.unknown('Fn::Select arguments')
        const i = Number(raw[0] instanceof Unresolved ? NaN : raw[0])
        const list = raw[1]
        if (!Array.isArray(list) || !Number.isInteger(i)) return this.unknown('Fn::Select of an unknown list')
        return i >= 0 && i < list.length ? list[i] : this.unknown('Fn::Select index out of range')
      }
      case 'Fn::Split': {
        if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string') return this.unknown('Fn::Split arguments')
        if (typeof raw[1] !== 'string') return this.unknown('Fn::Split of an unknown string')
        return raw[1].split(raw[0])
      }
      case 'Fn::FindInMap':
        return this.findInMap(raw)
      case 'Fn::If': {
        if (!isSeq(arg)) return this.unknown('Fn::If arguments')
        const items = arg.items as YamlNode[]
        if (items.length !== 3) return this.unknown('Fn::If arguments')
        const cond = this.condition(String(this.plain(items[0])))
        if (cond === true) return this.resolve(items[1], path, rec)
        if (cond === false) return this.resolve(items[2], path, rec)
        const a = this.plain(items[1])
        const b = this.plain(items[2])
        if (JSON.stringify(a) === JSON.stringify(b) && !containsUnresolved(a)) return a
        return this.unknown('Fn::If on a condition that depends on unknown values')
      }
      case 'Fn::Equals': {
        if (!Array.isArray(raw) || raw.length !== 2) return this.unknown('Fn::Equals arguments')
        if (containsUnresolved(raw)) return this.unknown('Fn::Equals of unknown values')
        return JSON.stringify(raw[0]) === JSON.stringify(raw[1]) || String(raw[0]) === String(raw[1])
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(raw)) return this.unknown(`${fn} arguments`)
        const vals = raw.map((v) => (typeof v === 'string' ? this.condition(v) : v))
        if (fn === 'Fn::And' && vals.some((v) => v === false)) return false
        if (fn === 'Fn::Or' && vals.some((v) => v === true)) return true
        if (vals.some((v) => typeof v !== 'boolean')) return this.unknown(`${fn} of unknown conditions`)
        return fn === 'Fn::And'
      }
      case 'Fn::Not': {
        const v = Array.isArray(raw) ? raw[0] : raw
        const b = typeof v === 'string' ? this.condition(v) : v
        return typeof b === 'boolean' ? !b : this.unknown('Fn::Not of an unknown condition')
      }
      case 'Fn::Base64':
        return typeof raw === 'string' ? base64(raw) : this.unknown('Fn::Base64 of an unknown string')
      case 'Fn::GetAZs': {
        const region = typeof raw === 'string' && raw ? raw : this.region
        return ['a', 'b', 'c'].map((z) => region + z)
      }
      case 'Fn::ToJsonString':
        return containsUnresolved(raw) ? this.unknown('Fn::ToJsonString of unknown values') : JSON.stringify(raw)
      case 'Fn::Length':
        return Array.isArray(raw) ? raw.length : this.unknown('Fn::Length of an unknown list')
      case 'Fn::ImportValue':
        return this.unknown('Fn::ImportValue needs the exports of the account')
      case 'Fn::Cidr':
        return this.unknown('Fn::Cidr')
      default:
        return this.unknown(`${fn} is not resolved offline`)
    }
  }

  /** The argument of a short-form tag, read as plain data. */
  private untagged(node: YamlNode): Value {
    const tag = node.tag
    node.tag = undefined
    try {
      return this.plain(node)
    } finally {
      node.tag = tag
    }
  }

  ref(name: string): Value {
    switch (name) {
      case 'AWS::AccountId':
        return this.account
      case 'AWS::Region':
        return this.region
      case 'AWS::Partition':
        return this.partition
      case 'AWS::URLSuffix':
        return this.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'
      case 'AWS::StackName':
        return 'StackName'
      case 'AWS::StackId':
        return `arn:${this.partition}:cloudformation:${this.region}:${this.account}:stack/StackName/00000000-0000-0000-0000-000000000000`
      case 'AWS::NoValue':
        return NO_VALUE
      case 'AWS::NotificationARNs':
        return this.unknown('AWS::NotificationARNs')
    }
    const given = this.options.parameters?.[name]
    const param = this.params.get(name)
    if (param) {
      const type = isMap(param.node) ? String(this.plain(param.node.get('Type', true) as YamlNode) ?? '') : ''
      const isList = type.startsWith('List<') || type === 'CommaDelimitedList'
      let value: Value = given
      if (value === undefined && isMap(param.node) && param.node.has('Default')) value = this.plain(param.node.get('Default', true) as YamlNode)
      if (value === undefined || value instanceof Unresolved) return this.unknown(`parameter ${name} has no value (pass --parameters ${name}=...)`)
      if (isList) return Array.isArray(value) ? value.map(String) : String(value).split(',').map((s) => s.trim())
      return Array.isArray(value) ? value.join(',') : String(value)
    }
    if (given !== undefined) return given
    const res = this.resources.get(name)
    if (res) return this.resourceRef(name, res)
    return this.unknown(`Ref to ${name}, which the template does not declare`)
  }

  private nameOf(logicalId: string, res: ResourceInfo): Value {
    const prop = NAME_PROPERTY[res.type]
    if (prop && isMap(res.node)) {
      const props = res.node.get('Properties', true)
      if (isMap(props) && props.has(prop)) return this.plain(props.get(prop, true) as YamlNode)
    }
    return logicalId
  }

  private iamPath(res: ResourceInfo): Value {
    if (isMap(res.node)) {
      const props = res.node.get('Properties', true)
      if (isMap(props) && props.has('Path')) return this.plain(props.get('Path', true) as YamlNode)
    }
    return '/'
  }

  private resourceRef(logicalId: string, res: ResourceInfo): Value {
    const name = this.nameOf(logicalId, res)
    switch (res.type) {
      case 'AWS::IAM::ManagedPolicy':
      case 'AWS::SNS::Topic':
      case 'AWS::StepFunctions::StateMachine':
      case 'AWS::SecretsManager::Secret':
        return this.getAtt(logicalId, 'Arn')
      case 'AWS::SQS::Queue':
        return joinParts([`https://sqs.${this.region}.amazonaws.com/${this.account}/`, name], '')
      case 'AWS::KMS::Key':
        return this.unknown('a KMS key id is generated on creation')
      default:
        return NAME_PROPERTY[res.type] ? name : this.unknown(`Ref to ${logicalId} (${res.type || 'unknown type'})`)
    }
  }

  getAtt(logicalId: string, attr: string): Value {
    const res = this.resources.get(logicalId)
    if (!res) return this.unknown(`Fn::GetAtt of ${logicalId}, which the template does not declare`)
    const name = this.nameOf(logicalId, res)
    const p = this.partition
    const r = this.region
    const a = this.account
    const arn = (...parts: Value[]) => joinParts(parts, '')
    if (attr === 'Arn' || (res.type === 'AWS::SNS::Topic' && attr === 'TopicArn')) {
      switch (res.type) {
        case 'AWS::IAM::Role':
          return arn(`arn:${p}:iam::${a}:role`, this.iamPath(res), name)
        case 'AWS::IAM::User':
          return arn(`arn:${p}:iam::${a}:user`, this.iamPath(res), name)
        case 'AWS::IAM::Group':
          return arn(`arn:${p}:iam::${a}:group`, this.iamPath(res), name)
        case 'AWS::IAM::ManagedPolicy':
          return arn(`arn:${p}:iam::${a}:policy`, this.iamPath(res), name)
        case 'AWS::IAM::InstanceProfile':
          return arn(`arn:${p}:iam::${a}:instance-profile`, this.iamPath(res), name)
        case 'AWS::S3::Bucket':
          return arn(`arn:${p}:s3:::`, name)
        case 'AWS::SQS::Queue':
          return arn(`arn:${p}:sqs:${r}:${a}:`, name)
        case 'AWS::SNS::Topic':
          return arn(`arn:${p}:sns:${r}:${a}:`, name)
        case 'AWS::Lambda::Function':
          return arn(`arn:${p}:lambda:${r}:${a}:function:`, name)
        case 'AWS::DynamoDB::Table':
          return arn(`arn:${p}:dynamodb:${r}:${a}:table/`, name)
        case 'AWS::ECR::Repository':
          return arn(`arn:${p}:ecr:${r}:${a}:repository/`, name)
        case 'AWS::StepFunctions::StateMachine':
          return arn(`arn:${p}:states:${r}:${a}:stateMachine:`, name)
        case 'AWS::Logs::LogGroup':
          return arn(`arn:${p}:logs:${r}:${a}:log-group:`, name, ':*')
        case 'AWS::Kinesis::Stream':
          return arn(`arn:${p}:kinesis:${r}:${a}:stream/`, name)
        case 'AWS::Events::EventBus':
          return arn(`arn:${p}:events:${r}:${a}:event-bus/`, name)
        case 'AWS::CodeBuild::Project':
          return arn(`arn:${p}:codebuild:${r}:${a}:project/`, name)
        case 'AWS::KMS::Key':
          return new Unresolved(`arn:${p}:kms:${r}:${a}:key/*`, 'a KMS key id is generated on creation')
        case 'AWS::SecretsManager::Secret':
          return joinParts([`arn:${p}:secretsmanager:${r}:${a}:secret:`, name, new Unresolved('-*', 'the secret ARN ends with a random suffix')], '')
      }
    }
    if (res.type === 'AWS::SQS::Queue' && attr === 'QueueName') return name
    if (res.type === 'AWS::SQS::Queue' && attr === 'QueueUrl') return this.resourceRef(logicalId, res)
    if (res.type === 'AWS::SNS::Topic' && attr === 'TopicName') return name
    return this.unknown(`Fn::GetAtt ${logicalId}.${attr} is known only after deployment`)
  }

  private sub(raw: Value): Value {
    let template: Value = raw
    let vars: Record<string, Value> = {}
    if (Array.isArray(raw)) {
      template = raw[0]
      if (raw[1] && typeof raw[1] === 'object' && !(raw[1] instanceof Unresolved)) vars = raw[1] as Record<string, Value>
    }
    if (typeof template !== 'string') return this.unknown('Fn::Sub of an unknown string')
    const parts: Value[] = []
    const re = /\$\{([^}]*)\}/g
    let last = 0
    for (let m = re.exec(template); m; m = re.exec(template)) {
      parts.push(template.slice(last, m.index))
      last = m.index + m[0].length
      const name = m[1]!.trim()
      if (name.startsWith('!')) {
        parts.push('${' + name.slice(1) + '}')
        continue
      }
      if (name in vars) parts.push(vars[name])
      else if (name.includes('.')) {
        const [res, attr] = splitFirstDot(name)
        parts.push(this.params.has(name) ? this.ref(name) : this.getAtt(res, attr))
      } else parts.push(this.ref(name))
    }
    parts.push(template.slice(last))
    return joinParts(parts, '')
  }

  private findInMap(raw: Value): Value {
    if (!Array.isArray(raw) || raw.length < 3) return this.unknown('Fn::FindInMap arguments')
    const [map, top, second] = raw
    const fallback = raw[3] && typeof raw[3] === 'object' && 'DefaultValue' in (raw[3] as object) ? (raw[3] as { DefaultValue: Value }).DefaultValue : undefined
    if ([map, top, second].some((v) => typeof v !== 'string')) return fallback ?? this.unknown('Fn::FindInMap with unknown keys')
    const m = this.mappings ? this.plain(this.mappings) : undefined
    const v = (m as Record<string, Record<string, Record<string, Value>>> | undefined)?.[map as string]?.[top as string]?.[second as string]
    return v === undefined ? (fallback ?? this.unknown(`Fn::FindInMap ${String(map)}.${String(top)}.${String(second)} is not in Mappings`)) : v
  }

  /** Evaluates a named condition of the Conditions section; an Unresolved when it depends on unknown values. */
  condition(name: string): boolean | Unresolved {
    const cached = this.conditionCache.get(name)
    if (cached !== undefined) return cached
    this.conditionCache.set(name, this.unknown(`condition ${name} refers to itself`))
    const node = this.conditions.get(name)
    const v = node === undefined ? this.unknown(`condition ${name} is not declared`) : this.plain(node)
    const result = typeof v === 'boolean' ? v : v instanceof Unresolved ? v : this.unknown(`condition ${name} is not a boolean`)
    this.conditionCache.set(name, result)
    return result
  }
}

function splitFirstDot(s: string): [string, string] {
  const i = s.indexOf('.')
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)]
}

export function containsUnresolved(v: Value): boolean {
  if (v instanceof Unresolved) return true
  if (Array.isArray(v)) return v.some(containsUnresolved)
  if (v && typeof v === 'object') return Object.values(v).some(containsUnresolved)
  return false
}

/** Joins parts into a string; an unknown part makes the whole an Unresolved with wildcards in its place. */
function joinParts(parts: Value[], delim: string): Value {
  let unknown: Unresolved | undefined
  const text = parts
    .map((p) => {
      if (p instanceof Unresolved) {
        unknown ??= p
        return typeof p.placeholder === 'string' ? p.placeholder : '*'
      }
      if (p === null || p === undefined || typeof p === 'object') {
        unknown ??= new Unresolved('*', 'a list or object where a string was expected')
        return '*'
      }
      return String(p)
    })
    .join(delim)
  return unknown ? new Unresolved(text, unknown.reason) : text
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

const UNKNOWN_ACTION = 'unresolved:UnknownUntilDeployment'

/** Replaces every Unresolved inside a resolved value by its placeholder and records where it stood. */
export function settle(value: Value, path: JsonPath, unknowns: JsonPath[]): Value {
  if (value instanceof Unresolved) {
    unknowns.push(path)
    // A wholly unknown action: a name that matches nothing is cheaper to analyse than "*" (and its
    // findings are dropped all the same).
    if (value.placeholder === '*' && path.some((p) => p === 'Action' || p === 'NotAction')) return UNKNOWN_ACTION
    return settle(value.placeholder, path, [])
  }
  if (Array.isArray(value)) return value.map((v, i) => settle(v, [...path, i], unknowns))
  if (value && typeof value === 'object') {
    const out: Record<string, Value> = {}
    for (const [k, v] of Object.entries(value)) out[k] = settle(v, [...path, k], unknowns)
    return out
  }
  return value
}
