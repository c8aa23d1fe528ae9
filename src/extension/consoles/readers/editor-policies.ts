import { roleForPolicyType } from '../../whatif/model/roles'
import type { PolicyRole, SourceKind } from '../../whatif/model/types'
import { clean, findArn, hashSegments, isJsonObject, labelledArn, pageTitle } from './dom'
import { pagePrincipal } from './principal'
import type { FoundPolicy, PageEditor, PageReading, ReaderInput } from './types'

function bucketOf(input: ReaderInput): string | undefined {
  const shown = labelledArn(input.doc, /^bucket arn$/i, /^arn:[\w-]+:s3:::[^/]+$/)
  if (shown) return shown
  const m = /^\/s3\/buckets\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/|$)/.exec(input.url.pathname)
  if (m) return `arn:${input.partition}:s3:::${m[1]}`
  const q = input.url.searchParams.get('bucket')
  return q && /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(q) ? `arn:${input.partition}:s3:::${q}` : undefined
}

function keyOf(input: ReaderInput): string | undefined {
  const shown = labelledArn(input.doc, /^(key )?arn$/i, /:kms:/)
  if (shown) return shown
  const seg = hashSegments(input.url)
  const id = seg[seg.indexOf('keys') + 1]
  if (seg.includes('keys') && id && /^[0-9a-f-]{36}$|^mrk-[0-9a-f]{32}$/.test(id) && input.accountId && input.region)
    return `arn:${input.partition}:kms:${input.region}:${input.accountId}:key/${id}`
  return undefined
}

/** The managed policy a details page is about: its ARN from the summary or the URL (`#/policies/details/<ARN>`). */
function managedPolicyOf(input: ReaderInput): string | undefined {
  const shown = labelledArn(input.doc, /^(policy )?arn$/i, /:iam::(\d{12}|aws):policy\//)
  if (shown) return shown
  const seg = hashSegments(input.url)
  const i = seg.indexOf('details')
  if (seg[i - 1] === 'policies') {
    // The ARN is one URL-encoded segment, or was split at its slashes.
    const rest = seg.slice(i + 1).join('/')
    const arn = findArn(rest)
    if (arn && /:policy\//.test(arn)) return arn.replace(/\/(edit|versions?)$/, '')
  }
  return undefined
}

function organizationsPolicyArn(input: ReaderInput): string | undefined {
  return labelledArn(input.doc, /^(policy )?arn$/i, /:organizations::/) ?? findArn(input.url.pathname.replace(/\//g, ' '))
}

function policyName(input: ReaderInput, fallback: string): string {
  const t = pageTitle(input.doc)
  return t && t.length <= 128 && !/^(specify permissions|edit|create|policy editor)/i.test(t) ? t : fallback
}

function found(name: string, kind: SourceKind, role: PolicyRole, text: string, arn?: string): FoundPolicy {
  return { name, kind, role, ...(arn ? { arn } : {}), document: text }
}

/**
 * The policy held by an editor the content script recognised (its page kind from src/extension/consoles),
 * with the part it plays: a role's trust policy, a bucket's or key's resource policy, an SCP or RCP, an
 * inline policy of a principal, or a managed policy (which fills the basket's entries waiting for it).
 */
export function readEditor(input: ReaderInput, editor: PageEditor): PageReading | undefined {
  const text = editor.text
  if (!text.trim() || !isJsonObject(text)) return undefined
  let kind = editor.pageKind ?? ''
  // A policy's details page holds that managed policy, whatever the editor's state made it look like.
  if ((kind === '' || kind === 'generic-policy' || kind === 'iam-policy-editor') && managedPolicyOf(input)) kind = 'iam-policy-view'
  switch (kind) {
    case 'iam-trust-policy': {
      const p = pagePrincipal(input)
      const role = p.kind === 'role' || !p.kind ? (p.arn ?? '') : ''
      return {
        reader: kind,
        title: `Trust policy of ${p.name ? `role/${p.name}` : 'this role'}`,
        ...(role ? { principal: role, resource: role } : {}),
        policies: [found(`Trust policy${p.name ? ` of ${p.name}` : ''}`, 'trust', { kind: 'trust', target: role }, text)],
      }
    }
    case 's3-bucket-policy': {
      const bucket = bucketOf(input) ?? ''
      const name = bucket ? bucket.slice(bucket.lastIndexOf(':') + 1) : 'bucket'
      return {
        reader: kind,
        title: `Bucket policy of ${name}`,
        ...(bucket ? { resource: bucket } : {}),
        policies: [found(`Bucket policy of ${name}`, 'bucket-policy', { kind: 'resource', target: bucket }, text)],
      }
    }
    case 'kms-key-policy': {
      const key = keyOf(input) ?? ''
      return {
        reader: kind,
        title: 'Key policy',
        ...(key ? { resource: key } : {}),
        policies: [found(`Key policy${key ? ` of ${key.slice(key.lastIndexOf('/') + 1)}` : ''}`, 'key-policy', { kind: 'resource', target: key }, text)],
      }
    }
    case 'organizations-policy': {
      const rcp = editor.policyType === 'rcp'
      const arn = organizationsPolicyArn(input)
      const name = policyName(input, rcp ? 'RCP' : 'SCP')
      return {
        reader: kind,
        title: `${rcp ? 'Resource' : 'Service'} control policy ${name}`,
        policies: [found(name, rcp ? 'rcp' : 'scp', { kind: rcp ? 'rcp' : 'scp', target: '', level: 0 }, text, arn)],
      }
    }
    case 'resource-access-policy': {
      const arn = labelledArn(input.doc, /arn$/i) ?? ''
      return {
        reader: kind,
        title: 'Resource policy',
        ...(arn ? { resource: arn } : {}),
        policies: [found(policyName(input, 'Resource policy'), 'resource-policy', { kind: 'resource', target: arn }, text)],
      }
    }
    case 'iam-inline-policy': {
      const p = pagePrincipal(input)
      const seg = hashSegments(input.url)
      const e = seg.indexOf('editPolicy')
      const name = e >= 0 && seg[e + 1] ? seg[e + 1]! : `Inline policy of ${p.name ?? 'principal'} (draft)`
      return {
        reader: kind,
        title: `Inline policy of ${p.kind && p.name ? `${p.kind}/${p.name}` : 'this principal'}`,
        ...(p.arn ? { principal: p.arn } : {}),
        policies: [found(name, 'inline', { kind: 'identity', target: p.arn ?? '' }, text)],
      }
    }
    case 'iam-policy-view':
    case 'iam-policy-editor': {
      const arn = managedPolicyOf(input)
      const awsManaged = arn ? /:iam::aws:policy\//.test(arn) : false
      const name = arn ? arn.slice(arn.lastIndexOf('/') + 1) : policyName(input, 'Draft policy')
      return {
        reader: kind,
        title: arn ? `Managed policy ${name}` : 'Policy in the editor',
        policies: [
          {
            name,
            kind: arn ? (awsManaged ? 'aws-managed' : 'customer-managed') : 'editor',
            // A managed policy does not say whose it is: it fills the basket's entries waiting for its ARN,
            // or waits to be assigned.
            role: roleForPolicyType(editor.policyType === 'boundary' ? 'boundary' : 'identity'),
            ...(arn ? { arn } : {}),
            document: text,
          },
        ],
      }
    }
    default: {
      if (!text.includes('Statement')) return undefined
      return {
        reader: kind || 'editor',
        title: 'Policy in the editor',
        policies: [{ name: clean(policyName(input, 'Draft policy'), 128), kind: 'editor', role: roleForPolicyType(editor.policyType), document: text }],
      }
    }
  }
}
