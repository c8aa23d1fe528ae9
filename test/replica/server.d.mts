export const CONSOLE_HOSTS: string[]
export function hostResolverRules(port: number): string
export function startReplicaServer(opts?: { port?: number; build?: boolean }): Promise<{ port: number; hostResolverRules: string; close(): Promise<void> }>
