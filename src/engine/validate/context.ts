/** What every check sees: the policy model, the catalogue, per-statement facts, and a way to report. */
import { closest, splitAction, type ActionInfo, type Catalogue, type ConditionKeyInfo } from '../catalogue'
import type { Finding, Fix, JsonPath, PolicyType, Range } from '../findings/types'
import type { ConditionEntry, ConditionOperatorBlock, Located, PolicyModel, StatementModel, StringListElement } from '../model/types'
import { hasWildcard } from '../patterns/glob'
import type { CatalogueIndex } from './catalogue-index'
import { checkInfo } from './checks-info'
import { EditBuilder } from '../findings/json-edits'
import { Budget } from '../findings/budget'

export type Effect = 'Allow' | 'Deny'

/** One entry of Action or NotAction, resolved against the catalogue. */
export interface ActionEntry {
  item: Located<string>
  /** Position in the array (0 for a single string). */
  index: number
  /** `*` alone. */
  isAll: boolean
  wildcard: boolean
  /** The service part as written, when the entry has the `service:name` shape. */
  service?: string
  name?: string
  /** True when the service part names a known service (or is a wildcard). */
  knownService: boolean
  /** Catalogue actions the entry covers (every action for `*`). */
  expanded: ActionInfo[]
}

/** One condition key as used in a statement, with its operator block. */
export interface ConditionUse {
  block: ConditionOperatorBlock
  entry: ConditionEntry
  /** The key as written and lower-cased. */
  key: string
  lower: string
  info: ConditionKeyInfo | undefined
}

export class StatementFacts {
  readonly effect: Effect | undefined
  readonly actions: ActionEntry[] | undefined
  readonly notActions: ActionEntry[] | undefined
  readonly conditions: ConditionUse[]
  private covered: ActionInfo[] | undefined

  constructor(
    readonly st: StatementModel,
    private readonly index: CatalogueIndex,
  ) {
    const e = st.effect?.value
    this.effect = e === 'Allow' || e === 'Deny' ? e : undefined
    this.actions = st.action ? resolveActions(st.action, index) : undefined
    this.notActions = st.notAction ? resolveActions(st.notAction, index) : undefined
    const uses: ConditionUse[] = []
    for (const block of st.condition?.operators ?? []) {
      for (const entry of block.entries) {
        const key = entry.key.value
        uses.push({ block, entry, key, lower: key.toLowerCase(), info: index.conditionKey(key) })
      }
    }
    this.conditions = uses
  }

  /** Is any entry of Action `*`? */
  get allowsAllActions(): boolean {
    return this.actions?.some((a) => a.isAll) ?? false
  }

  /** Distinct catalogue actions named by the Action element (not NotAction). */
  coveredActions(): ActionInfo[] {
    if (this.covered) return this.covered
    if (!this.actions) return (this.covered = [])
    if (this.allowsAllActions) return (this.covered = this.index.catalogue.allActions())
    const seen = new Set<ActionInfo>()
    for (const a of this.actions) for (const x of a.expanded) seen.add(x)
    return (this.covered = [...seen])
  }

  /** Uses of a condition key (case-insensitive). */
  uses(lowerKey: string): ConditionUse[] {
    return this.conditions.filter((c) => c.lower === lowerKey)
  }

  hasKey(lowerKey: string): boolean {
    return this.conditions.some((c) => c.lower === lowerKey)
  }
}

function resolveActions(el: StringListElement, index: CatalogueIndex): ActionEntry[] {
  return el.items.map((item, i) => {
    const value = item.value
    const idx = el.isArray ? (item.path[item.path.length - 1] as number) : 0
    const entry: ActionEntry = { item, index: typeof idx === 'number' ? idx : i, isAll: value === '*', wildcard: hasWildcard(value), knownService: false, expanded: [] }
    if (entry.isAll) {
      entry.knownService = true
      return entry
    }
    const parts = splitAction(value)
    if (!parts) return entry
    entry.service = parts.service
    entry.name = parts.name
    entry.knownService = hasWildcard(parts.service) || index.catalogue.service(parts.service) !== undefined
    if (entry.knownService && parts.name !== '') entry.expanded = index.expand(value)
    return entry
  })
}

export interface ValidationSettings {
  policyType: PolicyType
  resourceType: string | undefined
}

export class ValidationContext {
  readonly findings: Finding[] = []
  readonly statements: StatementFacts[]
  readonly edits: EditBuilder
  readonly catalogue: Catalogue

  constructor(
    readonly model: PolicyModel,
    readonly index: CatalogueIndex,
    readonly settings: ValidationSettings,
    /** The time budget of this validation; the costliest checks stop early once it has expired. */
    readonly budget: Budget = new Budget(),
  ) {
    this.catalogue = index.catalogue
    this.statements = model.statements.map((s) => new StatementFacts(s, index))
    this.edits = new EditBuilder(model.text, model.lines)
  }

  /** Did-you-mean lookups left in this validation: each costs a scan of the candidates. */
  private suggestionBudget = 40

  /** Up to `limit` close matches for a misspelled name; none once the budget for this validation is spent. */
  suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
    if (this.suggestionBudget <= 0 || name.length > 128) return []
    this.suggestionBudget--
    return closest(name, candidates, limit)
  }

  get policyType(): PolicyType {
    return this.settings.policyType
  }

  get text(): string {
    return this.model.text
  }

  /** Reports a finding; the severity and documentation link come from the check's metadata. */
  report(code: string, at: { range: Range; path: JsonPath }, message: string, fixes?: Fix[]): void {
    const info = checkInfo(code)
    if (info?.policyTypes && !info.policyTypes.includes(this.settings.policyType)) return
    const f: Finding = { code, severity: info?.severity ?? 'WARNING', message, range: at.range, path: at.path }
    if (info) f.learnMore = info.learnMore
    if (fixes && fixes.length > 0) f.fixes = fixes
    this.findings.push(f)
  }

  /** A one-character range at the opening brace of a node, for findings about something missing. */
  openingOf(node: { offset: number; path: JsonPath }): { range: Range; path: JsonPath } {
    return { range: this.model.lines.range(node.offset, 1), path: node.path }
  }
}

export type Check = (ctx: ValidationContext) => void
