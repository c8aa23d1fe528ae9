/**
 * The panel and the What-if card live in the console's page: any script there (an injected ad, another
 * extension's MAIN-world script) can dispatch synthetic events. Only a person's own input may change our
 * state, so every interaction event that reaches our shadow roots must be trusted (`event.isTrusted`).
 */

let mode: ShadowRootMode = 'closed'

/** Set once per page by shadow-mode.ts from the `devExposePanel` automation flag. */
export function setShadowMode(m: ShadowRootMode): void {
  mode = m === 'open' ? 'open' : 'closed'
}

export function shadowMode(): ShadowRootMode {
  return mode
}

let acceptUntrusted = false

/** Unit tests (happy-dom dispatches untrusted events) only; unreachable from the page's JavaScript. */
export function acceptUntrustedEventsForTests(on: boolean): void {
  acceptUntrusted = on
}

export function isTrustedEvent(e: Event | undefined): boolean {
  return acceptUntrusted || !!e?.isTrusted
}

/** Wraps a handler so that it runs only for the user's own input. */
export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e: E) => {
    if (isTrustedEvent(e)) fn(e)
  }
}

/** Events that can change state: a synthetic one is stopped before it reaches any element of the root. */
const GUARDED = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'input', 'change', 'submit', 'reset', 'keydown', 'keyup', 'keypress', 'drop', 'dragover', 'dragenter', 'paste', 'cut', 'beforeinput', 'contextmenu']

/** Drops every untrusted interaction event at the shadow root (capture phase), before any handler sees it. */
export function guardRoot(root: ShadowRoot | HTMLElement): void {
  for (const type of GUARDED)
    root.addEventListener(
      type,
      (e) => {
        if (isTrustedEvent(e)) return
        e.stopImmediatePropagation()
        e.preventDefault()
      },
      { capture: true },
    )
}

/** Attaches the shadow root closed (open only under the automation flag) and guards it. */
export function attachGuardedShadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: shadowMode() })
  guardRoot(root)
  return root
}
