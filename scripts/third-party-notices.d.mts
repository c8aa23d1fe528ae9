import type { Plugin } from 'vite'
export const DATA_PACKAGES: string[]
export function packageOf(id: string): string | undefined
export function noticesFor(names: string[]): string
export function thirdPartyNotices(): { main: Plugin; worker: Plugin }
