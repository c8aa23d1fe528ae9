import { useEffect, useReducer } from 'preact/hooks'
import type { EditorSession } from '../content/session'

/** Re-renders the component whenever the session changes. */
export function useSession(session: EditorSession): EditorSession {
  const [, bump] = useReducer((n: number, _: number) => n + 1, 0)
  useEffect(() => session.subscribe(() => bump(0)), [session])
  return session
}
