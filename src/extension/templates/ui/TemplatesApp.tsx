/**
 * The template library: built-in templates, the user's saved templates and AWS managed policies, with
 * search, keyboard navigation, placeholder filling, insert, and saved-template management. Used by the
 * toolbar popup and by the console panel's Templates tab; each supplies a TemplatesHost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { BUILTIN_TEMPLATES } from '../builtin'
import { openTemplateStore } from '../browser-storage'
import { MAX_IMPORT_BYTES, exportFileName } from '../import-export'
import { loadManagedPolicies, type ManagedLibrary } from '../managed'
import { findPlaceholders, prefillValues } from '../placeholders'
import type { TemplateInput } from '../schema'
import { searchTemplates } from '../search'
import { StoreError, type DeletedTemplate, type TemplateStore } from '../store'
import { Detail } from './Detail'
import { EditorForm } from './EditorForm'
import { SECTION_LABEL, TYPE_LABEL, builtinEntry, managedEntry, savedEntry, type Section, type TemplateEntry } from './entries'
import { copyText, downloadText, type TemplatesHost } from './host'
import { useTemplateStore } from './hooks'
import { TemplateList } from './List'
import { Menu } from './Menu'
import { PlaceholderForm } from './PlaceholderForm'
import { TEMPLATES_CSS } from './styles'

export interface TemplatesAppProps {
  host: TemplatesHost
  /** Opens the store (tests pass their own). */
  openStore?: () => Promise<TemplateStore>
  /** Section shown first (default: Built-in, or My templates when there are saved ones). */
  initialSection?: Section
  /** Start on the import/export/sync view. */
  initialView?: 'menu'
  /** Focus the search box when the library opens (the popup; not the panel, which must not take focus from the console on load). */
  focusSearchOnOpen?: boolean
}

type View =
  | { kind: 'list' }
  | { kind: 'detail'; entry: TemplateEntry }
  | { kind: 'edit'; id?: string; initial: TemplateInput; title: string }
  | { kind: 'fill'; entry: TemplateEntry; names: string[]; initial: Record<string, string> }
  | { kind: 'menu' }

interface Toast {
  message: string
  bad?: boolean
  undo?: DeletedTemplate
}

const SECTIONS: Section[] = ['builtin', 'saved', 'managed']
const PAGE = 100
const BUILTINS = BUILTIN_TEMPLATES.map(builtinEntry)
const BLANK = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "",\n      "Effect": "Allow",\n      "Action": [],\n      "Resource": []\n    }\n  ]\n}'

function message(e: unknown): string {
  return e instanceof StoreError || e instanceof Error ? e.message : String(e)
}

function isTextInput(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !el.classList.contains('tpl-search-input')) || el.isContentEditable)
}

export function TemplatesApp({ host, openStore = openTemplateStore, initialSection, initialView, focusSearchOnOpen = true }: TemplatesAppProps) {
  const { store, snapshot, error: storeError } = useTemplateStore(openStore)
  const [query, setQuery] = useState('')
  const [section, setSection] = useState<Section | undefined>(initialSection)
  const [selected, setSelected] = useState(0)
  const [view, setView] = useState<View>(initialView === 'menu' ? { kind: 'menu' } : { kind: 'list' })
  const [toast, setToast] = useState<Toast>()
  const [managed, setManaged] = useState<ManagedLibrary | 'loading' | { error: string }>()
  const [limit, setLimit] = useState(PAGE)
  const [importError, setImportError] = useState<string>()
  const [dropping, setDropping] = useState(false)
  const remembered = useRef<Record<string, string>>({})
  const searchRef = useRef<HTMLInputElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  /** The app's root element: transient elements (download link, clipboard fallback) go beside it, out of the page's sight. */
  const appRef = useRef<HTMLDivElement>(null)

  const saved = useMemo(() => (snapshot?.templates ?? []).map(savedEntry), [snapshot])
  const current: Section = section ?? (saved.length ? 'saved' : 'builtin')
  const managedEntries = useMemo(() => (managed && typeof managed === 'object' && 'policies' in managed ? managed.policies.map(managedEntry) : []), [managed])
  const all: Record<Section, TemplateEntry[]> = { builtin: BUILTINS, saved, managed: managedEntries }
  const results = useMemo(
    () => ({ builtin: searchTemplates(BUILTINS, query), saved: searchTemplates(saved, query), managed: searchTemplates(managedEntries, query) }),
    [query, saved, managedEntries],
  )
  const list = results[current]
  const shown = current === 'managed' ? list.slice(0, limit) : list
  const sel = Math.min(selected, Math.max(0, shown.length - 1))
  const readOnlyStore = !!snapshot?.readOnly

  // The AWS managed library loads only when its section is opened.
  useEffect(() => {
    if (current !== 'managed' || managed) return
    setManaged('loading')
    loadManagedPolicies().then(setManaged, (e: unknown) => setManaged({ error: message(e) }))
  }, [current, managed])

  useEffect(() => {
    setSelected(0)
    setLimit(PAGE)
  }, [query, current])

  useEffect(() => {
    if (!toast) return
    const t = setTimeout(() => setToast(undefined), toast.undo ? 12_000 : 6_000)
    return () => clearTimeout(t)
  }, [toast])

  const backToList = useCallback(() => {
    setView({ kind: 'list' })
    setTimeout(() => searchRef.current?.focus(), 0)
  }, [])

  const opened = useRef(false)
  useEffect(() => {
    if (view.kind === 'list' && (opened.current || focusSearchOnOpen)) searchRef.current?.focus()
    opened.current = true
  }, [view.kind])

  const typeNote = (entry: TemplateEntry): string | undefined => {
    const there = host.context.policyType
    if (!host.context.hasEditor || !there || there === entry.policyType) return undefined
    return `This is a ${TYPE_LABEL[entry.policyType].toLowerCase()} policy; the console editor holds a ${TYPE_LABEL[there].toLowerCase()} policy.`
  }

  const insertText = async (text: string, entry: TemplateEntry) => {
    const r = await host.insert(text)
    if (!r.ok) return setToast({ message: `Could not insert “${entry.name}”: ${r.error}`, bad: true })
    const note = r.where === 'editor' ? typeNote(entry) : undefined
    setToast({
      message:
        r.where === 'editor'
          ? `Inserted “${entry.name}” into the policy editor (Ctrl+Z there undoes it).${note ? ` Note: ${note}` : ''}`
          : `No policy editor here: “${entry.name}” was copied to the clipboard.`,
    })
  }

  const startInsert = (entry: TemplateEntry) => {
    const names = findPlaceholders(entry.document)
    if (!names.length) {
      backToList()
      void insertText(entry.document, entry)
      return
    }
    const initial: Record<string, string> = { ...prefillValues(names, host.context) }
    for (const n of names) if (remembered.current[n]) initial[n] = remembered.current[n]!
    setView({ kind: 'fill', entry, names, initial })
  }

  const run = async (op: () => Promise<void>) => {
    try {
      await op()
    } catch (e) {
      setToast({ message: message(e), bad: true })
    }
  }

  const copyToMine = (entry: TemplateEntry) =>
    run(async () => {
      if (!store) return
      const t = await store.create({
        name: entry.name,
        description: entry.source === 'managed' ? `Copy of the AWS managed policy ${entry.arn ?? entry.name} (${entry.meta ?? ''}).` : entry.description,
        policyType: entry.policyType,
        tags: [...entry.tags],
        document: entry.document,
        origin: entry.source === 'managed' ? { kind: 'aws-managed', ref: entry.arn ?? entry.name } : { kind: 'builtin', ref: entry.id },
      })
      setSection('saved')
      setQuery('')
      setSelected(store.snapshot().templates.findIndex((x) => x.id === t.id))
      backToList()
      setToast({ message: `Copied “${entry.name}” to My templates.` })
    })

  const remove = (entry: TemplateEntry) =>
    run(async () => {
      if (!store || !entry.saved) return
      const undo = await store.delete(entry.saved.id)
      backToList()
      setToast({ message: `Deleted “${entry.name}”.`, undo })
    })

  const undoDelete = (undo: DeletedTemplate) =>
    run(async () => {
      if (!store) return
      const t = await store.restore(undo)
      setToast({ message: `Restored “${t.name}”.` })
      setSection('saved')
      const at = store.snapshot().templates.findIndex((x) => x.id === t.id)
      if (!query) setSelected(at)
    })

  const duplicate = (entry: TemplateEntry) =>
    run(async () => {
      if (!store || !entry.saved) return
      const t = await store.duplicate(entry.saved.id)
      backToList()
      setSection('saved')
      setQuery('')
      setSelected(store.snapshot().templates.findIndex((x) => x.id === t.id))
      setToast({ message: `Duplicated as “${t.name}”.` })
    })

  const saveDraft = async (id: string | undefined, input: TemplateInput): Promise<string | undefined> => {
    if (!store) return 'Your templates are still loading.'
    try {
      const t = id ? await store.update(id, input) : await store.create(input)
      setSection('saved')
      setQuery('')
      setSelected(store.snapshot().templates.findIndex((x) => x.id === t.id))
      backToList()
      setToast({ message: `Saved “${t.name}”.` })
      return undefined
    } catch (e) {
      return message(e)
    }
  }

  const saveEditor = () =>
    run(async () => {
      if (!host.readEditor) return
      const text = await host.readEditor()
      setView({
        kind: 'edit',
        title: 'Save the editor’s policy as a template',
        initial: { name: '', description: '', policyType: host.context.policyType ?? 'identity', tags: [], document: text, origin: { kind: 'editor' } },
      })
    })

  const exportAll = (ids?: string[]) => {
    if (!store) return
    if (!downloadText(exportFileName(Date.now()), store.exportText(ids), appRef.current)) return setToast({ message: 'Export is not available here: use the toolbar popup.', bad: true })
    setToast({ message: ids ? 'Exported the template to a file.' : `Exported ${store.snapshot().templates.length} templates to a file.` })
  }

  const importFile = async (file: File) => {
    setImportError(undefined)
    if (!store) return
    if (file.size > MAX_IMPORT_BYTES) return setImportError(`Nothing was imported: “${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`)
    try {
      const r = await store.importText(await file.text())
      setToast({ message: `Imported ${r.added.length} template${r.added.length === 1 ? '' : 's'}${r.skipped ? ` (${r.skipped} already here)` : ''} from “${file.name}”.` })
      setSection('saved')
      backToList()
    } catch (e) {
      setImportError(`“${file.name}”: ${message(e)}`)
      setView({ kind: 'menu' })
    }
  }

  const chooseImport = () => {
    if (host.openImportPage) host.openImportPage()
    else fileRef.current?.click()
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && toast?.undo && !isTextInput(e.target)) {
      e.preventDefault()
      const undo = toast.undo
      setToast(undefined)
      void undoDelete(undo)
      return
    }
    if (e.key === 'Escape') {
      if (view.kind !== 'list') {
        e.preventDefault()
        e.stopPropagation()
        backToList()
      } else if (query) {
        e.preventDefault()
        e.stopPropagation()
        setQuery('')
      }
      return
    }
    if (view.kind !== 'list') return
    if (e.altKey && ['1', '2', '3'].includes(e.key)) {
      e.preventDefault()
      setSection(SECTIONS[Number(e.key) - 1])
      return
    }
    const onSearchOrList = e.target === searchRef.current || (e.target instanceof HTMLElement && !!e.target.closest('.tpl-list'))
    if (!onSearchOrList) return
    const move = (d: number) => {
      e.preventDefault()
      setSelected(Math.max(0, Math.min(shown.length - 1, sel + d)))
    }
    if (e.key === 'ArrowDown') move(1)
    else if (e.key === 'ArrowUp') move(-1)
    else if (e.key === 'PageDown') move(8)
    else if (e.key === 'PageUp') move(-8)
    else if (e.key === 'Enter' && shown[sel]) {
      e.preventDefault()
      if (e.shiftKey) setView({ kind: 'detail', entry: shown[sel]! })
      else startInsert(shown[sel]!)
    }
  }

  const listId = 'tpl-results'
  const entry = shown[sel]
  const otherHits = SECTIONS.filter((s) => s !== current && results[s].length > 0)

  let body
  if (view.kind === 'detail') {
    const live = view.entry.source === 'saved' ? saved.find((s) => s.id === view.entry.id) : view.entry
    body = live ? (
      <Detail
        entry={live}
        typeNote={typeNote(live)}
        readOnlyStore={readOnlyStore}
        onBack={backToList}
        onInsert={() => startInsert(live)}
        onCopy={() =>
          void copyText(live.document, appRef.current).then((ok) => setToast(ok ? { message: `Copied “${live.name}” to the clipboard (placeholders as written).` } : { message: 'The clipboard is not available here.', bad: true }))
        }
        onCopyToMine={() => void copyToMine(live)}
        onEdit={() => live.saved && setView({ kind: 'edit', id: live.saved.id, initial: live.saved, title: `Edit “${live.name}”` })}
        onDuplicate={() => void duplicate(live)}
        onDelete={() => void remove(live)}
        onExport={() => live.saved && exportAll([live.saved.id])}
      />
    ) : (
      <p class="tpl-empty">That template no longer exists.</p>
    )
  } else if (view.kind === 'edit') {
    body = <EditorForm key={view.id ?? 'new'} title={view.title} initial={view.initial} onSave={(input) => saveDraft(view.id, input)} onCancel={backToList} />
  } else if (view.kind === 'fill') {
    body = (
      <PlaceholderForm
        entry={view.entry}
        names={view.names}
        initial={view.initial}
        note={host.context.hasEditor ? (typeNote(view.entry) ?? `Inserts into ${host.context.label ?? 'the console’s policy editor'}.`) : 'No policy editor here: the result is copied to the clipboard.'}
        onCancel={backToList}
        onSubmit={(text, values) => {
          Object.assign(remembered.current, values)
          backToList()
          void insertText(text, view.entry)
        }}
      />
    )
  } else if (view.kind === 'menu') {
    body = <Menu snapshot={snapshot} importError={importError} onBack={backToList} onExport={() => exportAll()} onImport={chooseImport} onSync={(on) => void run(async () => store?.setSync(on))} />
  } else {
    let empty
    if (current === 'managed' && (managed === 'loading' || managed === undefined)) empty = <p class="tpl-empty">Loading the AWS managed policies…</p>
    else if (current === 'managed' && managed && typeof managed === 'object' && 'error' in managed) empty = <p class="tpl-empty tpl-alert">Could not load the AWS managed policies: {managed.error}</p>
    else if (current === 'saved' && storeError) empty = <p class="tpl-empty tpl-alert">Your templates could not be opened: {storeError}</p>
    else if (current === 'saved' && !snapshot) empty = <p class="tpl-empty">Loading your templates…</p>
    else if (!list.length)
      empty = (
        <p class="tpl-empty">
          {query ? `Nothing in ${SECTION_LABEL[current]} matches “${query}”.` : current === 'saved' ? 'No saved templates yet. Save the policy in the console editor, copy a built-in one, or start a new one.' : 'Nothing here.'}
          {otherHits.map((s) => (
            <span key={s}>
              {' '}
              <button type="button" onClick={() => setSection(s)}>
                {results[s].length} in {SECTION_LABEL[s]}
              </button>
            </span>
          ))}
        </p>
      )
    body = (
      <>
        {snapshot?.readOnly && current === 'saved' && <p class="tpl-alert">{snapshot.readOnly}</p>}
        {empty ?? (
          <TemplateList
            id={listId}
            entries={shown}
            selected={sel}
            label={SECTION_LABEL[current]}
            onSelect={setSelected}
            onOpen={(en) => setView({ kind: 'detail', entry: en })}
            onInsert={startInsert}
          />
        )}
        {current === 'managed' && list.length > shown.length && (
          <button type="button" class="tpl-btn tpl-more" onClick={() => setLimit(limit + PAGE)}>
            Show more ({list.length - shown.length} left)
          </button>
        )}
      </>
    )
  }

  return (
    <div
      ref={appRef}
      class={`tpl-app${dropping ? ' tpl-drop' : ''}`}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) {
          e.preventDefault()
          setDropping(true)
        }
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        const file = e.dataTransfer?.files[0]
        setDropping(false)
        if (file) {
          e.preventDefault()
          void importFile(file)
        }
      }}
    >
      <style>{TEMPLATES_CSS}</style>
      <div class="tpl-search">
        <label class="tpl-sr" for="tpl-search">
          Search templates
        </label>
        <input
          id="tpl-search"
          class="tpl-search-input"
          ref={searchRef}
          type="search"
          value={query}
          placeholder="Search: name, tag, s3:GetObject, type:scp"
          spellcheck={false}
          autoComplete="off"
          role="combobox"
          aria-expanded={view.kind === 'list'}
          aria-controls={listId}
          aria-activedescendant={view.kind === 'list' && entry ? `${listId}-row-${sel}` : undefined}
          onInput={(e) => {
            setQuery(e.currentTarget.value)
            if (view.kind !== 'list') setView({ kind: 'list' })
          }}
        />
        <button type="button" class="tpl-icon" data-action="menu" title="Import, export and sync" aria-label="Import, export and sync" onClick={() => setView(view.kind === 'menu' ? { kind: 'list' } : { kind: 'menu' })}>
          ⋯
        </button>
      </div>
      <div class="tpl-tabs" role="tablist" aria-label="Template sections">
        {SECTIONS.map((s, i) => (
          <button
            key={s}
            type="button"
            class="tpl-tab"
            role="tab"
            data-section={s}
            aria-selected={current === s}
            title={`${SECTION_LABEL[s]} (Alt+${i + 1})`}
            onClick={() => {
              setSection(s)
              backToList()
            }}
          >
            {SECTION_LABEL[s]}
            {(s !== 'managed' || managedEntries.length > 0) && <span class="tpl-n">{query ? `${results[s].length}/${all[s].length}` : all[s].length}</span>}
          </button>
        ))}
      </div>
      {body}
      {toast && (
        <div class={`tpl-toast${toast.bad ? ' tpl-bad' : ''}`} role={toast.bad ? 'alert' : 'status'} data-toast>
          <span class="tpl-msg">{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              data-action="undo"
              onClick={() => {
                const undo = toast.undo!
                setToast(undefined)
                void undoDelete(undo)
              }}
            >
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => setToast(undefined)}>
            ×
          </button>
        </div>
      )}
      <div class="tpl-footer">
        <button
          type="button"
          class="tpl-btn"
          data-action="new"
          disabled={!store || readOnlyStore}
          onClick={() => setView({ kind: 'edit', title: 'New template', initial: { name: '', description: '', policyType: host.context.policyType ?? 'identity', tags: [], document: BLANK, origin: { kind: 'blank' } } })}
        >
          + New
        </button>
        {host.readEditor && (
          <button type="button" class="tpl-btn" data-action="save-editor" disabled={!store || readOnlyStore || !host.context.hasEditor} title={host.context.hasEditor ? 'Save the policy in the console editor as a template' : 'No console policy editor is open'} onClick={() => void saveEditor()}>
            Save editor as template
          </button>
        )}
        <span class="tpl-hint" title="↑ ↓ choose · Enter insert · Shift+Enter details · Esc back">↑↓ ⏎ · ⇧⏎ details</span>
      </div>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        data-action="import-file"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (file) void importFile(file)
        }}
      />
    </div>
  )
}
