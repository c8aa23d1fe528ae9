/**
 * The reasoning service: Access Analyzer's custom policy checks (no new access, access not granted, no
 * public access) decided exactly over the simulator's semantics, each FAIL with replayed witness requests.
 */
export {
  checkNoNewAccess,
  checkAccessNotGranted,
  checkNoPublicAccess,
  PUBLIC_ACCESS_RESOURCE_TYPES,
  type CheckOutcome,
  type CheckReason,
  type CheckVerdict,
  type CheckOptions,
  type StatementRef,
  type AccessQuery,
  type ReasonPolicyType,
} from './checks'
export { replay, type WitnessRequest, type ReplayOutcome } from './replay'
export { isLimitingKey } from './public-access'
