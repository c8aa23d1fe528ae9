// Placeholder: the Templates tab of the in-console panel. Owned by the templates/popup work (issue 6),
// which replaces this file; the panel mounts <TemplatesTab insert={...} currentText={...} />.
export interface TemplatesTabProps {
  /** Writes a policy into the native console editor (through the bridge; undoable). */
  insert: (text: string) => void
  /** The policy currently in the editor (for "save as template"). */
  currentText: string
  accountId?: string
  region?: string
}

export function TemplatesTab(_props: TemplatesTabProps) {
  return <p>Templates are coming.</p>
}
