/** One shape for the three kinds of template the lists show: built-in, saved and AWS managed. */
import type { PolicyType } from '../../../engine/findings/types'
import type { BuiltinTemplate } from '../builtin'
import type { ManagedPolicyEntry } from '../managed'
import type { SavedTemplate } from '../schema'
import { actionsOf, type Searchable } from '../search'

export type Section = 'builtin' | 'saved' | 'managed'

export interface TemplateEntry extends Searchable {
  /** The row's `data-template-id`: a built-in id, a saved template's id, or `aws-managed:<PolicyName>`. */
  id: string
  source: Section
  policyType: PolicyType
  resourceType?: string
  document: string
  /** A line under the name for managed policies (version, update date). */
  meta?: string
  saved?: SavedTemplate
  arn?: string
}

export const SECTION_LABEL: Record<Section, string> = { builtin: 'Built-in', saved: 'My templates', managed: 'AWS managed' }

export const TYPE_LABEL: Record<PolicyType, string> = {
  identity: 'Identity',
  resource: 'Resource',
  trust: 'Trust',
  scp: 'SCP',
  rcp: 'RCP',
  boundary: 'Boundary',
  session: 'Session',
}

export function builtinEntry(t: BuiltinTemplate): TemplateEntry {
  return {
    id: t.id,
    source: 'builtin',
    name: t.name,
    description: t.description,
    policyType: t.policyType,
    ...(t.resourceType ? { resourceType: t.resourceType } : {}),
    tags: t.tags,
    document: t.document,
    actions: actionsOf(t.document),
  }
}

const savedCache = new WeakMap<SavedTemplate, TemplateEntry>()

export function savedEntry(t: SavedTemplate): TemplateEntry {
  let e = savedCache.get(t)
  if (!e) {
    e = { id: t.id, source: 'saved', name: t.name, description: t.description, policyType: t.policyType, tags: t.tags, document: t.document, actions: actionsOf(t.document), saved: t }
    savedCache.set(t, e)
  }
  return e
}

export function managedEntry(p: ManagedPolicyEntry): TemplateEntry {
  const path = p.arn.replace(/^arn:aws:iam::aws:policy\//, '').replace(/[^/]*$/, '')
  return {
    id: `aws-managed:${p.name}`,
    source: 'managed',
    name: p.name,
    description: path && path !== '' ? `Path /${path}` : '',
    policyType: 'identity',
    tags: ['aws-managed'],
    document: p.text,
    actions: p.actions,
    meta: `${p.versionId} · updated ${p.updated.slice(0, 10)}`,
    arn: p.arn,
  }
}
