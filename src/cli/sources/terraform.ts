/**
 * Policies inside Terraform plans (`terraform show -json plan.out`, format documented at
 * https://developer.hashicorp.com/terraform/internals/json-format). Policies are JSON strings in resource
 * attributes of `planned_values` (modules nest under `child_modules`). A value known only after apply is
 * absent from `planned_values` and `true` in the resource change's `after_unknown`: such a policy is
 * listed as unknown and never produces a finding.
 */
import type { JsonPath, PolicyType, Range } from '../../engine/findings/types'
import type { JsonNode } from '../../engine/json/tree'
import type { EmbeddedPolicy } from './resolved'

interface TfPolicyAttribute {
  attribute: string
  policyType: PolicyType
  validationResourceType?: string
  /** For list attributes such as `inline_policy`: the attribute inside each element. */
  inner?: string
}

const R = (attribute: string, validationResourceType?: string): TfPolicyAttribute[] => [
  { attribute, policyType: 'resource', ...(validationResourceType ? { validationResourceType } : {}) },
]
const I = (attribute = 'policy'): TfPolicyAttribute[] => [{ attribute, policyType: 'identity' }]

/** Resource types and the attributes that hold policies. */
export const TF_POLICY_ATTRIBUTES: Record<string, TfPolicyAttribute[]> = {
  aws_iam_policy: I(),
  aws_iam_role_policy: I(),
  aws_iam_user_policy: I(),
  aws_iam_group_policy: I(),
  aws_iam_role: [
    { attribute: 'assume_role_policy', policyType: 'trust' },
    { attribute: 'inline_policy', inner: 'policy', policyType: 'identity' },
  ],
  aws_iam_user: [],
  aws_ssoadmin_permission_set_inline_policy: I('inline_policy'),
  aws_s3_bucket_policy: R('policy', 'AWS::S3::Bucket'),
  aws_s3_bucket: R('policy', 'AWS::S3::Bucket'),
  aws_s3_access_point: R('policy', 'AWS::S3::AccessPoint'),
  aws_s3control_access_point_policy: R('policy', 'AWS::S3::AccessPoint'),
  aws_s3control_multi_region_access_point_policy: R('policy', 'AWS::S3::MultiRegionAccessPoint'),
  aws_sqs_queue_policy: R('policy', 'AWS::SQS::Queue'),
  aws_sqs_queue: R('policy', 'AWS::SQS::Queue'),
  aws_sns_topic_policy: R('policy', 'AWS::SNS::Topic'),
  aws_sns_topic: R('policy', 'AWS::SNS::Topic'),
  aws_kms_key: R('policy', 'AWS::KMS::Key'),
  aws_kms_key_policy: R('policy', 'AWS::KMS::Key'),
  aws_secretsmanager_secret_policy: R('policy'),
  aws_secretsmanager_secret: R('policy'),
  aws_ecr_repository_policy: R('policy'),
  aws_ecrpublic_repository_policy: R('policy'),
  aws_backup_vault_policy: R('policy'),
  aws_api_gateway_rest_api_policy: R('policy'),
  aws_api_gateway_rest_api: R('policy'),
  aws_cloudwatch_log_resource_policy: R('policy_document'),
  aws_cloudwatch_event_bus_policy: R('policy'),
  aws_codeartifact_domain_permissions_policy: R('policy_document'),
  aws_codeartifact_repository_permissions_policy: R('policy_document'),
  aws_opensearch_domain_policy: R('access_policies'),
  aws_elasticsearch_domain_policy: R('access_policies'),
  aws_glacier_vault: R('access_policy'),
  aws_efs_file_system_policy: R('policy'),
  aws_glue_resource_policy: R('policy'),
  aws_lambda_layer_version_permission: [],
  aws_dynamodb_resource_policy: R('policy', 'AWS::DynamoDB::Table'),
}

const ORG_POLICY_TYPES: Record<string, PolicyType> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' }

/** A quick look: is this parsed JSON a Terraform plan (or state) in `terraform show -json` format? */
export function looksLikeTerraformPlan(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  return typeof v.format_version === 'string' && ('planned_values' in v || 'values' in v || 'resource_changes' in v || 'terraform_version' in v)
}

type Json = Record<string, unknown>

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Finds a node of the parsed plan text by path. */
function nodeAt(root: JsonNode | undefined, path: JsonPath): JsonNode | undefined {
  let node = root
  for (const seg of path) {
    if (!node) return undefined
    if (node.type === 'object') node = node.properties.find((p) => p.key === seg)?.value
    else if (node.type === 'array' && typeof seg === 'number') node = node.items[seg]
    else return undefined
  }
  return node
}

export interface PlanResult {
  policies: EmbeddedPolicy[]
  /** Policies whose value is known only after apply (resource address and attribute). */
  unknown: string[]
  notes: string[]
}

/** Every policy of a plan; `tree` (the parsed text with positions) locates each attribute in the file. */
export function extractTerraformPolicies(plan: Json, tree: JsonNode | undefined): PlanResult {
  const policies: EmbeddedPolicy[] = []
  const unknown: string[] = []
  const notes: string[] = []
  const afterUnknown = new Map<string, unknown>()
  if (Array.isArray(plan.resource_changes))
    for (const rc of plan.resource_changes) if (isRecord(rc) && typeof rc.address === 'string' && isRecord(rc.change)) afterUnknown.set(rc.address, rc.change.after_unknown)

  const rootKey = isRecord(plan.planned_values) ? 'planned_values' : isRecord(plan.values) ? 'values' : undefined
  if (!rootKey) {
    notes.push('the plan has no planned_values: nothing to check')
    return { policies, unknown, notes }
  }
  const visit = (module: unknown, path: JsonPath) => {
    if (!isRecord(module)) return
    const resources = Array.isArray(module.resources) ? module.resources : []
    resources.forEach((res, i) => {
      if (!isRecord(res) || res.mode === 'data') return
      const type = String(res.type ?? '')
      const address = String(res.address ?? `${type}.${String(res.name ?? i)}`)
      const values = isRecord(res.values) ? res.values : {}
      const valuesPath: JsonPath = [...path, 'resources', i, 'values']
      let specs = TF_POLICY_ATTRIBUTES[type]
      if (type === 'aws_organizations_policy') {
        const t = ORG_POLICY_TYPES[String(values.type ?? 'SERVICE_CONTROL_POLICY')]
        specs = t ? [{ attribute: 'content', policyType: t }] : []
      }
      if (!specs) return
      const unknownOf = afterUnknown.get(address)
      for (const spec of specs) {
        const take = (raw: unknown, attribute: string, attrPath: JsonPath, unknownFlag: unknown) => {
          if (raw === undefined || raw === null || raw === '') {
            if (unknownFlag === true) unknown.push(`${address} ${attribute}`)
            return
          }
          const node = nodeAt(tree, attrPath)
          const range: Range = node?.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
          let document: unknown = raw
          if (typeof raw === 'string') {
            try {
              document = JSON.parse(raw) as unknown
            } catch {
              document = raw
            }
          }
          policies.push({
            name: `${address} ${attribute}`,
            location: { address, resourceType: type, attribute },
            policyType: spec.policyType,
            ...(spec.validationResourceType ? { validationResourceType: spec.validationResourceType } : {}),
            document,
            unknownPaths: [],
            locate: () => range,
          })
        }
        const raw = values[spec.attribute]
        if (spec.inner) {
          if (Array.isArray(raw))
            raw.forEach((el, k) => {
              if (!isRecord(el)) return
              const flags = isRecord(unknownOf) && Array.isArray(unknownOf[spec.attribute]) ? (unknownOf[spec.attribute] as unknown[])[k] : undefined
              take(el[spec.inner!], `${spec.attribute}[${k}].${spec.inner}`, [...valuesPath, spec.attribute, k, spec.inner!], isRecord(flags) ? flags[spec.inner!] : undefined)
            })
          else if (isRecord(unknownOf) && unknownOf[spec.attribute] === true) unknown.push(`${address} ${spec.attribute}`)
        } else take(raw, spec.attribute, [...valuesPath, spec.attribute], isRecord(unknownOf) ? unknownOf[spec.attribute] : undefined)
      }
    })
    const children = Array.isArray(module.child_modules) ? module.child_modules : []
    children.forEach((child, k) => visit(child, [...path, 'child_modules', k]))
  }
  visit((plan[rootKey] as Json).root_module, [rootKey, 'root_module'])
  return { policies, unknown, notes }
}
