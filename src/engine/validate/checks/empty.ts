/** Empty arrays and objects: elements that are present but say nothing, or make a statement dead. */
import { nullFix } from '../condition-edits'
import type { ValidationContext } from '../context'

export function checkEmpty(ctx: ValidationContext): void {
  for (const facts of ctx.statements) {
    const st = facts.st
    if (st.action?.node.type === 'array' && st.action.node.items.length === 0) {
      ctx.report('EMPTY_ARRAY_ACTION', st.action.key, '"Action" is an empty list, so this statement applies to no action. Add actions or remove the statement.')
    }
    if (st.resource?.node.type === 'array' && st.resource.node.items.length === 0) {
      ctx.report('EMPTY_ARRAY_RESOURCE', st.resource.key, '"Resource" is an empty list, so this statement applies to no resource. Add resources ("*" for all) or remove the statement.')
    }
    const cond = st.condition
    if (!cond || cond.node.type !== 'object') continue
    if (cond.node.properties.length === 0) {
      const p = st.node.properties.find((q) => q.key === cond.key.path[cond.key.path.length - 1])
      ctx.report(
        'EMPTY_OBJECT_CONDITION',
        cond.key,
        '"Condition" is an empty object, so it adds nothing. Remove it, or add the conditions you meant.',
        p ? [{ title: 'Remove the empty Condition', edits: [ctx.edits.removeProperty(st.node, p)] }] : undefined,
      )
      continue
    }
    for (const block of cond.operators) {
      if (block.node.type === 'object' && block.node.properties.length === 0) {
        const p = cond.node.properties.find((q) => q.key === block.operator.value)
        const edit = p ? (cond.node.properties.length > 1 ? ctx.edits.removeProperty(cond.node, p) : undefined) : undefined
        const whole = !edit && cond.node.properties.length === 1 ? st.node.properties.find((q) => q.key === cond.key.path[cond.key.path.length - 1]) : undefined
        ctx.report(
          'EMPTY_OBJECT_CONDITION',
          block.operator,
          `The ${block.operator.value} block has no condition keys, so it adds nothing. Remove it, or add the keys you meant.`,
          edit
            ? [{ title: `Remove the empty ${block.operator.value} block`, edits: [edit] }]
            : whole
              ? [{ title: 'Remove the empty Condition', edits: [ctx.edits.removeProperty(st.node, whole)] }]
              : undefined,
        )
      }
      for (const entry of block.entries) {
        if (!(entry.node.type === 'array' && entry.node.items.length === 0)) continue
        const p = block.parsed
        const key = entry.key.value
        if (p.qualifier === 'ForAllValues') {
          const fix = nullFix(ctx, st, block, entry, 'true')
          ctx.report(
            'EMPTY_ARRAY_CONDITION_FORALLVALUES',
            entry.key,
            `ForAllValues with no values is only true when "${key}" is absent or empty. If that is what you mean, say it with "Null": {"${key}": "true"}.`,
            fix ? [fix] : undefined,
          )
        } else if (p.qualifier === 'ForAnyValue') {
          ctx.report(
            'EMPTY_ARRAY_CONDITION_FORANYVALUE',
            entry.key,
            `ForAnyValue with no values is never true, so this statement never applies. Add the values you meant for "${key}".`,
          )
        } else if (p.ifExists) {
          const fix = nullFix(ctx, st, block, entry, 'true')
          ctx.report(
            'EMPTY_ARRAY_CONDITION_IFEXISTS',
            entry.key,
            `${block.operator.value} with no values is only true when "${key}" is absent. If that is what you mean, say it with "Null": {"${key}": "true"}.`,
            fix ? [fix] : undefined,
          )
        } else {
          ctx.report('EMPTY_ARRAY_CONDITION', entry.key, `"${key}" has an empty list of values, so this condition ${p.base?.negated ? 'is always true' : 'is never true'}. Add the values you meant.`)
        }
      }
    }
  }
}
