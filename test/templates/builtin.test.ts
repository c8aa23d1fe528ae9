import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { validatePolicy } from '../../src/engine/validate'
import { BUILTIN_TEMPLATES } from '../../src/extension/templates/builtin'
import { checkPlaceholderValue, describePlaceholder, fillWithSamples, findPlaceholders } from '../../src/extension/templates/placeholders'
import { readTemplate } from '../../src/extension/templates/schema'
import { actionsOf } from '../../src/extension/templates/search'

describe('built-in templates', () => {
  it('at least 25, with unique ids, names and one-sentence descriptions', () => {
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThanOrEqual(25)
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length)
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.name)).size).toBe(BUILTIN_TEMPLATES.length)
    for (const t of BUILTIN_TEMPLATES) {
      expect(t.id, t.id).toMatch(/^builtin-[a-z0-9-]+$/)
      // One sentence: ends with a full stop and has no other sentence end inside.
      expect(t.description, t.id).toMatch(/^[A-Z][^]*\.$/)
      expect(t.description.slice(0, -1), t.id).not.toMatch(/[.!?]\s+[A-Z]/)
      expect(t.tags.length, t.id).toBeGreaterThan(0)
      // Each would be a valid saved template (so "Copy to my templates" cannot fail).
      const { resourceType: _resourceType, ...fields } = t
      expect(() => readTemplate({ ...fields, createdAt: 0, updatedAt: 0 }, t.id)).not.toThrow()
    }
  })

  it('covers the tasks the issue names', () => {
    const ids = BUILTIN_TEMPLATES.map((t) => t.id)
    for (const id of [
      'builtin-s3-read-bucket',
      'builtin-s3-write-prefix',
      'builtin-lambda-execution-role',
      'builtin-lambda-trust',
      'builtin-ec2-instance-trust',
      'builtin-github-oidc-trust',
      'builtin-cross-account-trust-external-id',
      'builtin-self-manage-credentials',
      'builtin-deny-without-mfa',
      'builtin-scp-deny-outside-regions',
      'builtin-scp-deny-leave-org',
      'builtin-s3-enforce-tls',
      'builtin-kms-key-policy-one-role',
      'builtin-sqs-allow-sns-topic',
      'builtin-sns-allow-s3-events',
      'builtin-permissions-boundary-delegated',
    ])
      expect(ids).toContain(id)
    const types = new Set(BUILTIN_TEMPLATES.map((t) => t.policyType))
    for (const type of ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary']) expect(types).toContain(type)
  })

  it('every placeholder has a sample that passes its own check, and filled templates are valid JSON with real actions', async () => {
    const catalogue = await loadCatalogue()
    for (const t of BUILTIN_TEMPLATES) {
      for (const name of findPlaceholders(t.document)) expect(checkPlaceholderValue(name, describePlaceholder(name).sample), `${t.id} {{${name}}}`).toBeUndefined()
      const text = fillWithSamples(t.document)
      expect(text, t.id).not.toMatch(/\{\{/)
      const parsed = JSON.parse(text) as { Version: string }
      expect(parsed.Version).toBe('2012-10-17')
      for (const action of actionsOf(text)) expect(catalogue.expand(action).length, `${t.id}: ${action}`).toBeGreaterThan(0)
    }
  })

  it('each filled template has zero findings of any severity from our validator (with its resource type where it has one)', async () => {
    const catalogue = await loadCatalogue()
    const report: string[] = []
    for (const t of BUILTIN_TEMPLATES) {
      const { findings } = validatePolicy(fillWithSamples(t.document), { catalogue, policyType: t.policyType, ...(t.resourceType ? { resourceType: t.resourceType } : {}) })
      for (const f of findings) report.push(`${t.id} [${t.policyType}] ${f.severity} ${f.code} at ${JSON.stringify(f.path)}: ${f.message}`)
    }
    expect(report).toEqual([])
  })
})
