import { onlyTyping } from '../../shared/typing'
import { useEffect, useState } from 'preact/hooks'
import { readIdentity } from '../../consoles/identity'
import { readPage, type PageEditor, type PageReading } from '../../consoles/readers'
import { loadManagedPolicies, resolveManaged } from '../managed'

export interface PageCaptureState {
  readings: PageReading[]
  /** AWS managed policies being looked up in the bundled data. */
  resolving: boolean
  /** AWS managed policies listed on the page that the bundled data does not have. */
  unresolved: string[]
  dataVersion?: string
}

const EMPTY: PageCaptureState = { readings: [], resolving: false, unresolved: [] }

function signature(r: PageReading[]): string {
  return JSON.stringify(r.map((x) => [x.reader, x.principal, x.resource, x.policies.map((p) => [p.name, p.kind, p.arn, p.role, p.document?.length, p.document?.slice(0, 200)])]))
}

/**
 * What this console page shows that the basket can take, read again when the page changes (SPA routes,
 * tables rendering late). Read-only; a layout no reader knows yields nothing.
 */
export function usePageReadings(editors: PageEditor[], doc: Document | undefined = typeof document === 'undefined' ? undefined : document): PageCaptureState {
  const [state, setState] = useState<PageCaptureState>(EMPTY)
  const editorsKey = JSON.stringify(editors.map((e) => [e.text.length, e.text.slice(0, 300), e.pageKind, e.policyType]))

  useEffect(() => {
    if (!doc) return
    let live = true
    let last = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = () => {
      timer = undefined
      let readings: PageReading[] = []
      try {
        const identity = readIdentity(doc)
        readings = readPage({
          doc,
          url: new URL(doc.location.href),
          editors,
          partition: identity.partition,
          ...(identity.accountId ? { accountId: identity.accountId } : {}),
          ...(identity.region ? { region: identity.region } : {}),
        })
      } catch {
        readings = []
      }
      const sig = signature(readings)
      if (sig === last) return
      last = sig
      const needs = readings.some((r) => r.policies.some((p) => p.kind === 'aws-managed' && p.document === undefined))
      setState({ readings, resolving: needs, unresolved: [] })
      if (!needs) return
      loadManagedPolicies()
        .then((index) => {
          if (!live || last !== sig) return
          const unresolved: string[] = []
          const resolved = readings.map((r) => {
            const res = resolveManaged(r.policies, index)
            unresolved.push(...res.unresolved)
            return { ...r, policies: res.policies }
          })
          setState({ readings: resolved, resolving: false, unresolved, dataVersion: index.version })
        })
        .catch(() => live && setState((s) => ({ ...s, resolving: false, unresolved: ['(the bundled AWS managed policies could not be loaded)'] })))
    }
    const schedule = () => {
      if (timer === undefined) timer = setTimeout(run, 250)
    }
    run()
    let observer: MutationObserver | undefined
    try {
      observer = new MutationObserver((records) => {
        if (!onlyTyping(records, doc)) schedule()
      })
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true })
    } catch {
      observer = undefined
    }
    const win = doc.defaultView
    win?.addEventListener('hashchange', schedule)
    win?.addEventListener('popstate', schedule)
    return () => {
      live = false
      if (timer !== undefined) clearTimeout(timer)
      observer?.disconnect()
      win?.removeEventListener('hashchange', schedule)
      win?.removeEventListener('popstate', schedule)
    }
    // editorsKey stands for editors
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, editorsKey])

  return state
}
