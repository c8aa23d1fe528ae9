export * from './types'
export * from './operators'
export { buildPolicyModel, policyText } from './build'
