import { useEffect, useReducer } from 'preact/hooks'
import type { EditorSession } from '../content/session'

/** Re-renders the component whenever the session changes. */
export function useSession(session: EditorSession): EditorSession {
  const [, bump] = useReducer((n: number, _: number) => n + 1, 0)
  useEffect(() => {
    const off = session.subscribe(() => bump(0))
    // Effects run after paint: catch up with any change made between the render and now.
    bump(0)
    return off
  }, [session])
  return session
}
