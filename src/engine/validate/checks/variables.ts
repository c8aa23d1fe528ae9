/**
 * Policy variables: syntax, the elements and operators that accept them, and the Version they need.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import type { Located } from '../../model/types'
import type { ValidationContext } from '../context'
import { scanVariables } from '../policy-variables'
import { CURRENT_VERSION } from './grammar'

function reportProblems(ctx: ValidationContext, at: Located<string>): boolean {
  const scan = scanVariables(at.value)
  for (const p of scan.problems) ctx.report(p.code, at, p.message)
  for (const v of scan.vars) {
    if (v.special || !v.name.toLowerCase().startsWith('aws:')) continue
    if (!ctx.index.conditionKey(v.name)) {
      ctx.report('INVALID_GLOBAL_CONDITION_KEY', at, `The variable \${${v.name}} names no AWS global condition key, so it never resolves and the value never matches.`)
    } else if (ctx.index.conditionKey(v.name)?.multivalued) {
      ctx.report('INVALID_GLOBAL_CONDITION_KEY', at, `\${${v.name}} is a multivalued key; only single-valued keys can be used as policy variables.`)
    }
  }
  return scan.vars.length > 0 || scan.problems.length > 0
}

export function checkVariables(ctx: ValidationContext): void {
  let firstUse: Located<string> | undefined
  const noteUse = (at: Located<string>): void => {
    if (!firstUse) firstUse = at
  }
  for (const facts of ctx.statements) {
    const st = facts.st
    for (const el of [st.resource, st.notResource]) {
      for (const item of el?.items ?? []) if (item.value.includes('${') && reportProblems(ctx, item)) noteUse(item)
    }
    for (const use of facts.conditions) {
      const family = use.block.parsed.base?.family
      for (const v of use.entry.values) {
        if (v.jsonType !== 'string' || !v.value.includes('${')) continue
        if (!reportProblems(ctx, v)) continue
        if (family && family !== 'String' && family !== 'Arn') {
          ctx.report(
            'INVALID_VARIABLE_FOR_OPERATOR',
            v,
            `Policy variables only work with String and ARN operators; with ${use.block.parsed.base!.name} the text "${v.value}" is compared literally.`,
          )
        } else noteUse(v)
      }
    }
    const elsewhere: [Located<string>[], string][] = [
      [st.action?.items ?? [], 'Action'],
      [st.notAction?.items ?? [], 'NotAction'],
      [(st.principal?.entries ?? []).flatMap((e) => e.values), 'Principal'],
      [(st.notPrincipal?.entries ?? []).flatMap((e) => e.values), 'NotPrincipal'],
    ]
    for (const [items, element] of elsewhere) {
      for (const item of items) {
        if (!item.value.includes('${')) continue
        ctx.report(
          'VARIABLE_UNSUPPORTED_IN_ELEMENT',
          item,
          `Policy variables are not supported in ${element}; they only work in Resource, NotResource and condition values. "${item.value}" is taken literally.`,
        )
      }
    }
  }
  const version = ctx.model.version
  if (firstUse && version?.value !== CURRENT_VERSION) {
    const root = ctx.model.root
    const hasVersionKey = root?.type === 'object' && root.properties.some((p) => p.key.toLowerCase() === 'version')
    const fix = version
      ? [{ title: `Set Version to "${CURRENT_VERSION}"`, edits: [ctx.edits.replaceWithString(version, CURRENT_VERSION)] }]
      : root?.type === 'object' && !hasVersionKey
        ? [{ title: `Add "Version": "${CURRENT_VERSION}"`, edits: [ctx.edits.insertFirstProperty(root, 'Version', JSON.stringify(CURRENT_VERSION))] }]
        : undefined
    ctx.report(
      'VARIABLE_UNSUPPORTED_IN_VERSION',
      firstUse,
      `Policy variables need "Version": "${CURRENT_VERSION}". ${version ? `With version "${version.value}"` : 'Without a Version'}, "${firstUse.value}" is matched as literal text.`,
      fix,
    )
  }
}
