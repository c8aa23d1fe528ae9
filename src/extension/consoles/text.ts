import type { PageContext } from './types'

/** Does any heading near the editor (the nearest `depth` ones) match? */
export function nearHeading(ctx: PageContext, re: RegExp, depth = 3): boolean {
  return ctx.headings.slice(0, depth).some((h) => re.test(h))
}

export function inBreadcrumbs(ctx: PageContext, re: RegExp): boolean {
  return ctx.breadcrumbs.some((b) => re.test(b))
}

/** The console service from the URL path (`/iam/home` → `iam`): a hint only. */
export function service(ctx: PageContext): string {
  return ctx.url.pathname.split('/')[1]?.toLowerCase() ?? ''
}
