/** Fix builders that restructure a Condition element while keeping the JSON valid. */
import type { Fix, TextEdit } from '../findings/types'
import type { JsonObjectNode, JsonProperty } from '../json/tree'
import type { ConditionEntry, ConditionOperatorBlock, StatementModel } from '../model/types'
import type { ValidationContext } from './context'

function conditionObject(st: StatementModel): JsonObjectNode | undefined {
  const n = st.condition?.node
  return n?.type === 'object' ? n : undefined
}

function blockProperty(st: StatementModel, block: ConditionOperatorBlock): JsonProperty | undefined {
  return conditionObject(st)?.properties.find((p) => p.key === block.operator.value)
}

function entryProperty(block: ConditionOperatorBlock, entry: ConditionEntry): { obj: JsonObjectNode; prop: JsonProperty } | undefined {
  const obj = block.node
  if (obj.type !== 'object') return undefined
  const prop = obj.properties.find((p) => p.key === entry.key.value)
  return prop ? { obj, prop } : undefined
}

/** Edit that removes one key from its block, the block when it is the last key, or Condition when it is the last block. */
export function removeConditionEntry(ctx: ValidationContext, st: StatementModel, block: ConditionOperatorBlock, entry: ConditionEntry): TextEdit | undefined {
  const cond = conditionObject(st)
  if (!cond) return undefined
  const ep = entryProperty(block, entry)
  if (!ep) return undefined
  if (ep.obj.properties.length > 1) return ctx.edits.removeProperty(ep.obj, ep.prop)
  const bp = blockProperty(st, block)
  if (!bp) return undefined
  if (cond.properties.length > 1) return ctx.edits.removeProperty(cond, bp)
  const cp = st.node.properties.find((p) => p.key === st.condition!.key.name)
  return cp ? ctx.edits.removeProperty(st.node, cp) : undefined
}

/** Edits that move one key into a block of another operator (creating it if needed). */
export function moveEntryToOperator(
  ctx: ValidationContext,
  st: StatementModel,
  block: ConditionOperatorBlock,
  entry: ConditionEntry,
  operator: string,
  valueJson: string,
): TextEdit[] | undefined {
  const cond = conditionObject(st)
  if (!cond) return undefined
  const ep = entryProperty(block, entry)
  const bp = blockProperty(st, block)
  if (!ep || !bp) return undefined
  const target = cond.properties.find((p) => p.key === operator)
  if (target) {
    const t = target.value
    if (t?.type !== 'object' || t.properties.some((p) => p.key.toLowerCase() === entry.key.value.toLowerCase())) return undefined
    if (target === bp) return undefined
    const insert = ctx.edits.insertLastProperty(t, entry.key.value, valueJson)
    const remove = ep.obj.properties.length > 1 ? ctx.edits.removeProperty(ep.obj, ep.prop) : ctx.edits.removeProperty(cond, bp)
    return [remove, insert]
  }
  const newBlock = `{${JSON.stringify(entry.key.value)}: ${valueJson}}`
  if (ep.obj.properties.length === 1) {
    return [ctx.edits.replace(ctx.model.lines.range(bp.offset, bp.length), `${JSON.stringify(operator)}: ${newBlock}`)]
  }
  return [ctx.edits.removeProperty(ep.obj, ep.prop), ctx.edits.insertLastProperty(cond, operator, newBlock)]
}

/** A fix that rewrites one key's test as `"Null": {"key": "true|false"}`. */
export function nullFix(ctx: ValidationContext, st: StatementModel, block: ConditionOperatorBlock, entry: ConditionEntry, value: 'true' | 'false'): Fix | undefined {
  const edits = moveEntryToOperator(ctx, st, block, entry, 'Null', JSON.stringify(value))
  return edits ? { title: `Replace with "Null": {"${entry.key.value}": "${value}"}`, edits } : undefined
}

/** A fix that renames an operator block, when the new name is not already used in the same Condition. */
export function renameOperatorFix(ctx: ValidationContext, st: StatementModel, block: ConditionOperatorBlock, to: string, title?: string): Fix | undefined {
  if (st.condition?.operators.some((b) => b !== block && b.operator.value === to)) return undefined
  return { title: title ?? `Change the operator to ${to}`, edits: [ctx.edits.replaceWithString(block.operator, to)] }
}
