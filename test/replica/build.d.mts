export const replicaDist: string
export function replicaIsFresh(): boolean
export function buildReplica(opts?: { force?: boolean }): string
