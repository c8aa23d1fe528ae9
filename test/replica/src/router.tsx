import { useEffect, useState, type ComponentType } from 'react'

/** Where the single page app is: the path (S3, Organizations) and the hash route (IAM, KMS), like the console. */
export interface ReplicaLocation {
  href: string
  pathname: string
  query: URLSearchParams
  /** The hash without `#` and without its query: `/policies/create`. */
  hashPath: string
  /** The query inside the hash: `#/roles/details/x?section=trust_relationships`. */
  hashQuery: URLSearchParams
}

/** Which URLs a page module answers. `path` is tested on location.pathname, `hash` on the hash path. */
export interface PageRoute {
  path: RegExp
  hash?: RegExp
  /** Tested on the hash's query, key by key: `{ section: /^trust_relationships$/ }`. */
  hashQuery?: Record<string, RegExp>
  /** Higher wins when several pages match (default 0). */
  priority?: number
}

export interface PageProps {
  location: ReplicaLocation
  /** Capture groups of `route.path` and `route.hash`. */
  params: { path: string[]; hash: string[] }
  navigate: (to: string) => void
}

/** The contract of a file under src/pages/ (see ../README.md). */
export interface PageModule {
  route: PageRoute
  /** Shown in the replica's index of pages. */
  title: string
  /** An example URL of the page, for the index (path + hash). */
  example?: string
  /** Breadcrumbs shown above the page, like the console's. */
  breadcrumbs?: (props: PageProps) => { text: string; href: string }[]
  default: ComponentType<PageProps>
}

export function currentLocation(): ReplicaLocation {
  const raw = window.location.hash.replace(/^#/, '')
  const q = raw.indexOf('?')
  return {
    href: window.location.href,
    pathname: window.location.pathname,
    query: new URLSearchParams(window.location.search),
    hashPath: q >= 0 ? raw.slice(0, q) : raw,
    hashQuery: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : ''),
  }
}

const NAVIGATE = 'replica:navigate'

/** SPA navigation: `#...` changes the hash, anything else is a history.pushState, like the console's router. */
export function navigate(to: string): void {
  if (to.startsWith('#')) {
    window.location.hash = to
    return
  }
  window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE))
}

export function useLocation(): ReplicaLocation {
  const [loc, setLoc] = useState(currentLocation)
  useEffect(() => {
    const update = () => setLoc(currentLocation())
    window.addEventListener('hashchange', update)
    window.addEventListener('popstate', update)
    window.addEventListener(NAVIGATE, update)
    return () => {
      window.removeEventListener('hashchange', update)
      window.removeEventListener('popstate', update)
      window.removeEventListener(NAVIGATE, update)
    }
  }, [])
  return loc
}

export function matchPage(pages: PageModule[], loc: ReplicaLocation): { page: PageModule; params: PageProps['params'] } | undefined {
  let best: { page: PageModule; params: PageProps['params'] } | undefined
  for (const page of pages) {
    const p = page.route.path.exec(loc.pathname)
    if (!p) continue
    let h: RegExpExecArray | null = null
    if (page.route.hash) {
      h = page.route.hash.exec(loc.hashPath)
      if (!h) continue
    }
    const hq = page.route.hashQuery
    if (hq && !Object.entries(hq).every(([k, re]) => re.test(loc.hashQuery.get(k) ?? ''))) continue
    if (!best || (page.route.priority ?? 0) > (best.page.route.priority ?? 0)) {
      best = { page, params: { path: p.slice(1), hash: h ? h.slice(1) : [] } }
    }
  }
  return best
}
