export * from './types'
export { Catalogue, splitAction } from './catalogue'
export { closest, editDistance } from './similar'
