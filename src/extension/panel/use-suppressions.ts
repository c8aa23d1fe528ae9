import { useEffect, useState } from 'preact/hooks'
import { hiddenCodes, NO_SUPPRESSIONS, pageKey, withCode, type SuppressScope, type Suppressions } from '../content/suppressions'
import { loadSuppressions, onSuppressionsChanged, saveSuppressions } from '../content/suppressions-storage'

export interface SuppressionState {
  hidden: { code: string; scope: SuppressScope }[]
  isHidden: (code: string) => boolean
  set: (code: string, scope: SuppressScope, hide: boolean) => void
}

/** The user's hidden finding codes for this page, kept in step with storage (other tabs included). */
export function useSuppressions(): SuppressionState {
  const [s, setS] = useState<Suppressions>(NO_SUPPRESSIONS)
  const key = pageKey(location.href)
  useEffect(() => {
    let live = true
    void loadSuppressions().then((x) => live && setS(x))
    const off = onSuppressionsChanged((x) => live && setS(x))
    return () => {
      live = false
      off()
    }
  }, [])
  const hidden = hiddenCodes(s, key)
  return {
    hidden,
    isHidden: (code) => hidden.some((h) => h.code === code),
    set: (code, scope, hide) => {
      const next = withCode(s, key, code, scope, hide)
      setS(next)
      void saveSuppressions(next)
    },
  }
}
