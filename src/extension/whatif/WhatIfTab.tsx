// Placeholder: the What-if tab of the in-console panel. Owned by the what-if work (issue 8), which
// replaces this file; the panel mounts <WhatIfTab page={...} />.
export interface WhatIfTabProps {
  /** The policy the panel is attached to, with what the page says about it. */
  current?: { text: string; policyType: string; pageKind?: string; url: string }
}

export function WhatIfTab(_props: WhatIfTabProps) {
  return <p>What-if is coming.</p>
}
