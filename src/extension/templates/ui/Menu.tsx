import type { StoreSnapshot } from '../store'

export interface MenuProps {
  snapshot: StoreSnapshot | undefined
  importError?: string
  onBack(): void
  onExport(): void
  onImport(): void
  onSync(enabled: boolean): void
}

const REASON: Record<string, string> = {
  'too-large': 'larger than the 8 KB a synced item may hold',
  'sync-full': 'sync storage (100 KB) is full',
  'sync-error': 'the last sync write failed',
}

/** Import, export and sync settings. */
export function Menu({ snapshot, importError, onBack, onExport, onImport, onSync }: MenuProps) {
  const count = snapshot?.templates.length ?? 0
  return (
    <div class="tpl-view tpl-menu" data-view="menu">
      <button type="button" class="tpl-icon tpl-back" onClick={onBack} aria-label="Back to the list (Esc)">
        ← Back
      </button>
      <h2>My templates: import, export, sync</h2>
      {snapshot?.readOnly && (
        <p class="tpl-alert" role="alert">
          {snapshot.readOnly}
        </p>
      )}
      {!!snapshot?.unreadable && (
        <p class="tpl-note">
          {snapshot.unreadable} saved {snapshot.unreadable === 1 ? 'entry' : 'entries'} could not be read; {snapshot.unreadable === 1 ? 'it is' : 'they are'} kept unchanged.
        </p>
      )}
      <h3>Export</h3>
      <p class="tpl-sub">Saves your {count} template{count === 1 ? '' : 's'} as a JSON file you can import in another browser.</p>
      <div class="tpl-actions">
        <button type="button" class="tpl-btn" data-action="export-all" onClick={onExport} disabled={!count}>
          Export {count} template{count === 1 ? '' : 's'}
        </button>
      </div>
      <h3>Import</h3>
      <p class="tpl-sub">Adds the templates of an export file. A file with any problem changes nothing. You can also drop a file here.</p>
      <div class="tpl-actions">
        <button type="button" class="tpl-btn" data-action="import" onClick={onImport} disabled={!!snapshot?.readOnly}>
          Import a file…
        </button>
      </div>
      {importError && (
        <p class="tpl-alert" role="alert" data-import-error>
          {importError}
        </p>
      )}
      <h3>Sync</h3>
      <label class="tpl-check">
        <input type="checkbox" data-action="sync" checked={!!snapshot?.sync} disabled={!snapshot || !!snapshot.readOnly} onChange={(e) => onSync(e.currentTarget.checked)} />
        <span>Sync my templates through the browser’s account sync (storage.sync). Templates stay saved on this browser either way.</span>
      </label>
      {snapshot?.sync && snapshot.syncError && <p class="tpl-alert">{snapshot.syncError}</p>}
      {snapshot?.sync && snapshot.localOnly.length > 0 && (
        <div class="tpl-note" data-local-only>
          {snapshot.localOnly.length} template{snapshot.localOnly.length === 1 ? ' stays' : 's stay'} on this browser only:
          <ul class="tpl-localonly">
            {snapshot.localOnly.map((e) => (
              <li key={e.id}>
                {e.name} — {REASON[e.reason] ?? e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Keyboard</h3>
      <p class="tpl-sub">↑ ↓ choose · Enter insert · Shift+Enter details · Alt+1/2/3 sections · Esc back · Ctrl+Z undo delete</p>
    </div>
  )
}
