import type { Catalogue } from '../catalogue'
import type { Fix, JsonPath, PolicyType, Range, Severity, Suggestion, SuggestionCategory } from '../findings/types'
import { Budget } from '../findings/budget'
import type { PolicyModel } from '../model/types'
import { PolicyEditor } from './edits'
import { EffectiveAccess } from './effective'
import type { ArnContext } from './placeholders'
import type { StatementInfo } from './statements'

/** Everything a suggestion check reads; built once per policy. */
export interface SuggestContext {
  model: PolicyModel
  catalogue: Catalogue
  policyType: PolicyType
  arn: ArnContext
  statements: StatementInfo[]
  effective: EffectiveAccess
  editor: PolicyEditor
  /** The time budget of this run; long loops stop once it has expired. */
  budget: Budget
}

export function newContext(
  model: PolicyModel,
  catalogue: Catalogue,
  policyType: PolicyType,
  arn: ArnContext,
  statements: StatementInfo[],
  budget: Budget = new Budget(),
): SuggestContext {
  return { model, catalogue, policyType, arn, statements, effective: new EffectiveAccess(statements, catalogue), editor: new PolicyEditor(model), budget }
}

/**
 * Policies that grant permissions to the principal they are attached to. Boundaries, session policies,
 * SCPs and RCPs only limit what other policies grant, so an Allow in them gives nothing by itself
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session).
 */
export function grantsToHolder(t: PolicyType): boolean {
  return t === 'identity'
}

export interface SuggestionInit {
  code: string
  severity: Severity
  category: SuggestionCategory
  message: string
  at: { range: Range; path: JsonPath }
  actions?: string[]
  /** The fixes, or a function that builds them the first time `fixes` is read (see lazyFixes). */
  fixes?: (Fix | undefined)[] | (() => (Fix | undefined)[])
  learnMore?: string
}

export function suggestion(init: SuggestionInit): Suggestion {
  const s: Suggestion = {
    code: init.code,
    severity: init.severity,
    message: init.message,
    range: init.at.range,
    path: init.at.path,
    category: init.category,
  }
  if (init.actions && init.actions.length) s.actions = [...new Set(init.actions)]
  if (typeof init.fixes === 'function') lazyFixes(s, init.fixes)
  else {
    const fixes = usable(init.fixes ?? [])
    if (fixes.length) s.fixes = fixes
  }
  if (init.learnMore) s.learnMore = init.learnMore
  return s
}

function usable(fixes: (Fix | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => !!f && f.edits.length > 0)
}

/**
 * Makes `s.fixes` a property computed on first read: building a fix can cost a scan of every statement,
 * and most suggestions' fixes are never looked at (issue 17). Reading it (JSON.stringify, a spread, the
 * panel) builds them once; afterwards it is a plain value (undefined when there is none). Assigning works too.
 */
export function lazyFixes(s: Suggestion, build: () => (Fix | undefined)[]): void {
  const settle = (value: Fix[] | undefined): Fix[] | undefined => {
    Object.defineProperty(s, 'fixes', { value, writable: true, enumerable: value !== undefined, configurable: true })
    return value
  }
  Object.defineProperty(s, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => {
      let fixes: Fix[] = []
      try {
        fixes = usable(build())
      } catch {
        /* a fix that cannot be built is left out; the suggestion stands */
      }
      return settle(fixes.length ? fixes : undefined)
    },
    set: (value: Fix[] | undefined) => void settle(value),
  })
}

/** "a, b and c"; long lists end with "and N more". */
export function nameList(items: readonly string[], max = 6): string {
  if (items.length === 0) return ''
  if (items.length === 1) return items[0]!
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * Actions whose names say they only read (Get…, List…, Describe…). A few of them carry a "Write" or
 * "Permissions management" access level in the Service Authorization Reference (billing:GetResourcePolicy);
 * they change nothing, so the checks about changing resources or permissions leave them out.
 */
export function readsByName(action: string): boolean {
  const name = action.slice(action.indexOf(':') + 1)
  return /^(Get|List|Describe|Search|View|BatchGet|Query|Scan|Head)[A-Z]/.test(name)
}
