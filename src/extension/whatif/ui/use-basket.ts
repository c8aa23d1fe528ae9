import { useCallback, useEffect, useState } from 'preact/hooks'
import { applyOp, callWhatIf, onBasketChanged } from '../client'
import type { BasketOp } from '../model/reducer'
import { emptyBasket, type Basket } from '../model/types'
import type { WhatIfCall } from '../protocol'

export interface BasketHandle {
  basket: Basket
  loaded: boolean
  error?: string
  saved: string[]
  dispatch: (op: BasketOp) => Promise<boolean>
  call: (call: WhatIfCall) => Promise<boolean>
}

/** The window's basket, kept in step with the background (which tells every tab and the popup of changes). */
export function useBasket(windowId?: number): BasketHandle {
  const [basket, setBasket] = useState<Basket>(emptyBasket)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [saved, setSaved] = useState<string[]>([])

  const call = useCallback(
    async (c: WhatIfCall) => {
      const r = await callWhatIf(c, windowId)
      if (!r.ok) {
        setError(r.error)
        return false
      }
      setError(undefined)
      setBasket(r.basket)
      if (r.saved) setSaved(r.saved)
      setLoaded(true)
      return true
    },
    [windowId],
  )
  const dispatch = useCallback((op: BasketOp) => call({ call: 'op', op }), [call])

  useEffect(() => {
    let live = true
    const refresh = () => {
      void callWhatIf({ call: 'saved-list' }, windowId).then((r) => {
        if (!live) return
        if (r.ok) {
          setBasket(r.basket)
          setSaved(r.saved ?? [])
          setError(undefined)
        } else setError(r.error)
        setLoaded(true)
      })
    }
    refresh()
    const off = onBasketChanged(refresh, windowId)
    return () => {
      live = false
      off()
    }
  }, [windowId])

  return { basket, loaded, saved, dispatch, call, ...(error ? { error } : {}) }
}

export { applyOp }
