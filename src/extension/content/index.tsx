// ISOLATED-world content script on the console hosts: finds policy editors (through the MAIN-world
// bridge), docks the IAM Sidekick panel beside each and runs the engine on every edit. Every entry point
// is guarded: nothing ever throws into the console page.
import { startPasswordPolicyWatcher } from '../consoles/password-policy-card'
import { startWhatIfWatcher } from '../whatif/content/watcher'
import { Controller } from './controller'

declare global {
  interface Window {
    __iamSidekickContent?: boolean
  }
}

try {
  if (!window.__iamSidekickContent) {
    window.__iamSidekickContent = true
    void new Controller().start().catch(() => undefined)
    // What-if on pages that show policies without an editor (a role's permissions table...).
    startWhatIfWatcher()
    // Account settings → Edit password policy: CIS / Security Hub checks as the form is edited.
    startPasswordPolicyWatcher()
  }
} catch {
  /* never throw into the console page */
}
