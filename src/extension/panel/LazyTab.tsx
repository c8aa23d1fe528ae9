import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'

/** Renders a tab whose code loads on first open (keeps the content script's initial JavaScript small). */
export function LazyTab<P extends object>(props: { load: () => Promise<ComponentType<P>>; props: P; label: string }) {
  const [C, setC] = useState<{ c: ComponentType<P> } | undefined>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    let live = true
    props.load().then(
      (c) => live && setC({ c }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [props.load])
  if (error) return <p class="status bad">{props.label} could not load: {error}</p>
  if (!C) return <p class="muted">Loading {props.label}…</p>
  const Component = C.c
  return <Component {...props.props} />
}
