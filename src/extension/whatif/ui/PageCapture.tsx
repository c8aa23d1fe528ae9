import { useState } from 'preact/hooks'
import type { FoundPolicy, PageReading } from '../../consoles/readers'
import type { NewItem } from '../model/reducer'
import { describeRole } from '../model/roles'
import type { Basket } from '../model/types'
import type { PageCaptureState } from './use-page-readings'
import type { BasketHandle } from './use-basket'

function toItems(r: PageReading, url: string): NewItem[] {
  return r.policies.map((p: FoundPolicy) => ({
    name: p.name,
    role: p.role,
    ...(p.document !== undefined ? { document: p.document } : {}),
    source: { kind: p.kind, ...(p.arn ? { arn: p.arn } : {}), url: url.slice(0, 2000), pageKind: r.reader },
  }))
}

/** Is this found policy already in the basket with its document? */
function inBasket(basket: Basket, p: FoundPolicy): 'yes' | 'missing' | 'no' {
  const match = basket.items.filter((i) => (p.arn && i.source.arn === p.arn) || (!p.arn && i.name === p.name && i.role.kind === p.role.kind && i.role.target === p.role.target))
  if (!match.length) return 'no'
  return match.some((i) => i.document !== undefined) ? 'yes' : 'missing'
}

/** "On this page": what the page shows, the part each policy plays, and the "Add to what-if" button. */
export function PageCapture(props: { capture: PageCaptureState; handle: BasketHandle }) {
  const { capture, handle } = props
  const [added, setAdded] = useState<string | undefined>()
  // Last Accessed readings have their own section (TightenView).
  const readings = capture.readings.filter((r) => !r.lastAccessed)
  if (!readings.length) return null
  const url = typeof location === 'undefined' ? '' : location.href
  return (
    <section data-testid="whatif-page" aria-label="On this page">
      <h3>On this page</h3>
      {readings.map((r, k) => {
        const waiting = r.policies.filter((p) => p.document === undefined)
        const fills = r.policies.some((p) => p.arn && p.document !== undefined && inBasket(handle.basket, p) === 'missing')
        return (
          <div key={`${r.reader}-${k}`} data-testid="whatif-reading" data-reader={r.reader} class="group">
            <div class="group-title">{r.title}</div>
            {r.memberOf && r.memberOf.length > 0 && (
              <p class="muted" data-testid="whatif-member-of">
                In {r.memberOf.length === 1 ? 'group' : 'groups'} {r.memberOf.map((g) => g.slice(g.lastIndexOf('/') + 1)).join(', ')}: the user’s effective identity policies are its own plus every group’s.
              </p>
            )}
            <ul>
              {r.policies.map((p, i) => {
                const state = inBasket(handle.basket, p)
                return (
                  <li key={i} data-testid="whatif-found" data-name={p.name} data-kind={p.kind} data-has-document={String(p.document !== undefined)}>
                    <span class="item-name">{p.name}</span> <span class="badge">{p.kind}</span>{' '}
                    {p.document === undefined && (
                      <span class="badge missing">{p.kind === 'aws-managed' ? (capture.resolving ? 'looking up…' : 'not in bundled data') : 'JSON not on this page'}</span>
                    )}
                    {state === 'yes' && <span class="badge">in basket</span>}
                    <div class="muted">{p.arn && p.document !== undefined && state === 'missing' ? 'Fills the basket’s missing entry' : describeRole(p.role)}</div>
                  </li>
                )
              })}
            </ul>
            {waiting.length > 0 && !capture.resolving && (
              <p class="muted">
                {waiting.length} polic{waiting.length === 1 ? 'y is' : 'ies are'} listed without {waiting.length === 1 ? 'its' : 'their'} document: the basket will list{' '}
                {waiting.length === 1 ? 'it' : 'them'} as missing until {waiting.length === 1 ? 'its' : 'their'} JSON view is opened.
              </p>
            )}
            <div class="row">
              <button
                type="button"
                class="primary"
                data-testid="whatif-add"
                disabled={capture.resolving}
                onClick={async () => {
                  const ok = r.policies.length ? await handle.dispatch({ op: 'add', items: toItems(r, url) }) : true
                  if (ok && r.principal && r.memberOf?.length) await handle.dispatch({ op: 'set-groups', user: r.principal, groups: r.memberOf })
                  if (ok) {
                    await handle.dispatch({ op: 'note', ...(r.principal ? { principals: [r.principal] } : {}), ...(r.resource ? { resources: [r.resource] } : {}) })
                    setAdded(`${r.reader}-${k}`)
                  }
                }}
              >
                {fills ? 'Add to what-if (fills missing)' : r.policies.length ? 'Add to what-if' : 'Remember these groups'}
              </button>
              {added === `${r.reader}-${k}` && (
                <span role="status" data-testid="whatif-added">
                  Added.
                </span>
              )}
            </div>
          </div>
        )
      })}
      {capture.unresolved.length > 0 && (
        <p class="warn">
          Not in the bundled AWS managed policies{capture.dataVersion ? ` (data ${capture.dataVersion})` : ''}: {capture.unresolved.join(', ')}.
        </p>
      )}
    </section>
  )
}
