/**
 * A time budget for one analysis phase. Without a budget (the default) the engine is deterministic and
 * runs every check to the end; with one, a phase that runs out stops early and says so with an
 * ANALYSIS_TRUNCATED finding instead of keeping the caller waiting (issue 17: nothing over 2 s).
 */
import type { Finding } from './types'

export const ANALYSIS_TRUNCATED = 'ANALYSIS_TRUNCATED'

const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now()

export class Budget {
  private readonly deadline: number
  private cut = false
  /** What was left out when the budget ran out (check names), for the finding's message. */
  readonly skipped: string[] = []

  /** `ms` undefined or not finite: no limit. */
  constructor(ms?: number) {
    this.deadline = ms !== undefined && Number.isFinite(ms) ? now() + Math.max(0, ms) : Infinity
  }

  get limited(): boolean {
    return this.deadline !== Infinity
  }

  /** True once the time is up (and from then on). Cheap enough to call in inner loops. */
  expired(): boolean {
    if (this.cut) return true
    if (this.deadline === Infinity) return false
    if (now() >= this.deadline) this.cut = true
    return this.cut
  }

  /** Was any work cut short? */
  get truncated(): boolean {
    return this.cut
  }
}

/** The finding a phase adds when its budget ran out: which phase, what was left out. */
export function truncatedFinding(phase: string, budgetMs: number | undefined, skipped: readonly string[]): Finding {
  const left = skipped.length ? ` Not run or not finished: ${skipped.slice(0, 8).join(', ')}${skipped.length > 8 ? ` and ${skipped.length - 8} more` : ''}.` : ''
  return {
    code: ANALYSIS_TRUNCATED,
    severity: 'WARNING',
    message: `This policy is too large to ${phase} completely within ${budgetMs ?? 0} ms, so the ${phase === 'validate' ? 'validation' : phase === 'suggest' ? 'least-privilege suggestions' : phase} may be incomplete.${left} The command-line tool (iam-sidekick) checks it without a time limit.`,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    path: [],
  }
}
