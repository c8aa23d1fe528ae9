import type { EditorSession } from '../content/session'
import { cardsOf, FindingList, FixedBar, useFixer } from './FindingsTab'

/** What the policy allows, in words, and how to narrow it (every suggestion; the risks also lead the first view). */
export function LeastPrivilegeTab({ session }: { session: EditorSession }) {
  const fixer = useFixer(session)
  const a = session.analysis
  if (!a || !a.suggestions) return <p class="muted">Reading the policy…</p>
  return (
    <>
      <FixedBar fixer={fixer} />
      {a.explanation && (
        <section class="explain" aria-label="What this policy does">
          <p>
            <strong>{a.explanation.summary}</strong>
          </p>
          {a.explanation.statements.map((st) => (
            <p key={st.index}>
              <span class="muted">{st.sid ?? `Statement ${st.index + 1}`}:</span> {st.text}
            </p>
          ))}
        </section>
      )}
      {a.suggestions.length === 0 ? (
        <p class="empty" role="status">
          Nothing to tighten: no wildcard, risky action or missing condition found.
        </p>
      ) : (
        <FindingList session={session} cards={cardsOf(a.suggestions, 'security')} label="Least privilege" fixable={a.adviceText === session.text} fixer={fixer} />
      )}
    </>
  )
}
