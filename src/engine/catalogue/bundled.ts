import { Catalogue } from './catalogue'
import type { CatalogueData, CatalogueDocs } from './types'

/*
 * The catalogue compiled at build time (npm run build → generated/*.json). Loaded with a dynamic
 * import, so bundlers put it in its own chunk and callers that never need it never load it.
 */
let catalogue: Promise<Catalogue> | undefined
let docs: Promise<CatalogueDocs> | undefined

export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= import('../../../generated/catalogue.json').then((m) => new Catalogue((m.default ?? m) as unknown as CatalogueData))
  return catalogue
}

/** Descriptions of services, actions and condition keys, for hovers (a separate, larger file). */
export function loadCatalogueDocs(): Promise<CatalogueDocs> {
  docs ??= import('../../../generated/catalogue-docs.json').then((m) => (m.default ?? m) as unknown as CatalogueDocs)
  return docs
}
