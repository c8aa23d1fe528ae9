import { useMemo, useState } from 'preact/hooks'
import { downloadText } from '../../shared/private-dom'
import { exportCaseFile } from '../model/cases'
import { groupBasket } from '../model/group'
import { casesToBasket, MAX_CASE_FILE_BYTES } from '../model/import'
import { describeMissing, missingPolicies } from '../model/missing'
import { describeRole } from '../model/roles'
import { completionSources } from '../model/seen'
import type { BasketItem, Question } from '../model/types'
import { RoleEditor } from './RoleEditor'
import type { BasketHandle } from './use-basket'

const KIND_LABEL: Record<string, string> = {
  'aws-managed': 'AWS managed',
  'customer-managed': 'Customer managed',
  inline: 'Inline',
  trust: 'Trust',
  'bucket-policy': 'Bucket policy',
  'key-policy': 'Key policy',
  'resource-policy': 'Resource policy',
  scp: 'SCP',
  rcp: 'RCP',
  editor: 'Editor',
  imported: 'Imported',
}

function Item(props: { item: BasketItem; handle: BasketHandle; principals: string[]; resources: string[] }) {
  const { item, handle } = props
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(item.name)
  const [editingRole, setEditingRole] = useState(false)
  const missing = item.document === undefined
  const commitName = (value: string) => {
    setRenaming(false)
    if (value.trim() && value !== item.name) void handle.dispatch({ op: 'rename', id: item.id, name: value })
  }
  return (
    <li data-testid="whatif-item" data-id={item.id} data-name={item.name} data-role={item.role.kind} data-target={item.role.target} data-missing={String(missing)}>
      <div class="row">
        {renaming ? (
          <input
            type="text"
            class="grow"
            aria-label="Policy name"
            value={name}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitName((e.currentTarget as HTMLInputElement).value)
              if (e.key === 'Escape') setRenaming(false)
            }}
            onBlur={(e) => renaming && commitName((e.currentTarget as HTMLInputElement).value)}
          />
        ) : (
          <span class="item-name grow" title={item.source.arn ?? item.name}>
            {item.name}
          </span>
        )}
        <span class="badge">{KIND_LABEL[item.source.kind] ?? item.source.kind}</span>
        {missing && <span class="badge missing">not seen yet</span>}
      </div>
      <div class="row">
        <span class="muted role-text">{describeRole(item.role)}</span>
        <span class="item-actions">
          <button type="button" onClick={() => setEditingRole(!editingRole)} aria-expanded={editingRole}>
            {editingRole ? 'Done' : 'Change'}
          </button>
          <button
            type="button"
            onClick={() => {
              setName(item.name)
              setRenaming(true)
            }}
          >
            Rename
          </button>
          <button type="button" data-testid="whatif-remove" aria-label={`Remove ${item.name}`} onClick={() => void handle.dispatch({ op: 'remove', ids: [item.id] })}>
            Remove
          </button>
        </span>
      </div>
      {editingRole && (
        <RoleEditor
          idPrefix={`whatif-${item.id}`}
          role={item.role}
          principals={props.principals}
          resources={props.resources}
          onChange={(role) => void handle.dispatch({ op: 'set-role', id: item.id, role })}
        />
      )}
    </li>
  )
}

/** The basket: grouped by principal and resource, with rename/remove/correct, missing policies, export/import/save. */
export function BasketView(props: { handle: BasketHandle; question?: Question }) {
  const { handle } = props
  const { basket } = handle
  const groups = useMemo(() => groupBasket(basket), [basket])
  const seen = useMemo(() => completionSources(basket), [basket])
  const missing = useMemo(() => missingPolicies(basket), [basket])
  const [exported, setExported] = useState<string | undefined>()
  const [importing, setImporting] = useState(false)
  const [importText, setImportText] = useState('')
  const [importMsg, setImportMsg] = useState<{ ok: boolean; lines: string[] } | undefined>()
  const [saveName, setSaveName] = useState(basket.savedAs ?? 'what-if')
  const question = props.question ?? basket.question
  const canExport = !!question && !!question.action && !!question.resource && basket.items.length > 0

  const doImport = async (text: string) => {
    try {
      await importCases(text)
    } catch (e) {
      setImportMsg({ ok: false, lines: [`Nothing was imported: ${e instanceof Error ? e.message.slice(0, 200) : 'the file could not be read'}.`] })
    }
  }
  const importCases = async (text: string) => {
    const r = casesToBasket(text, basket, Date.now())
    if (!r.ok) {
      setImportMsg({ ok: false, lines: r.errors })
      return
    }
    const ok = await handle.dispatch({ op: 'replace', basket: r.basket })
    setImportMsg({ ok, lines: [`Imported ${r.cases} case${r.cases === 1 ? '' : 's'}: ${r.added} polic${r.added === 1 ? 'y' : 'ies'} added.`, ...r.warnings] })
    if (ok) setImportText('')
  }

  return (
    <section data-testid="whatif-basket" aria-label="What-if basket">
      <h3>
        Basket <span class="muted">({basket.items.length} polic{basket.items.length === 1 ? 'y' : 'ies'}, this window)</span>
      </h3>
      {handle.error && <p class="error" role="alert">{handle.error}</p>}
      {basket.items.length === 0 && <p class="muted">Empty. Add policies from console pages (a role’s permissions, a policy’s JSON, a bucket policy…) or import a case file.</p>}
      {groups.map((g) => (
        <div class="group" key={g.key} data-testid="whatif-group" data-kind={g.kind} data-target={g.target}>
          <div class="group-title" title={g.target}>
            {g.title} {g.missing > 0 && <span class="badge missing">{g.missing} missing</span>}
          </div>
          <ul>
            {g.items.map((i) => (
              <Item key={i.id} item={i} handle={handle} principals={seen.principals} resources={seen.resources} />
            ))}
          </ul>
        </div>
      ))}
      {missing.length > 0 && (
        <div data-testid="whatif-missing" role="note">
          <strong>Still missing:</strong>
          <ul>
            {missing.map((i) => (
              <li key={i.id}>{describeMissing(i)}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="row" style="margin-top:8px">
        <button
          type="button"
          data-testid="whatif-export"
          disabled={!canExport}
          title={canExport ? 'Export the question and its policies as a simulation case file' : 'Ask a question first: the case file needs an action and a resource'}
          onClick={(e) => {
            if (!question) return
            const text = exportCaseFile(basket, question)
            setExported(text)
            // Beside this button, in our shadow root: the page never sees the link or its blob URL.
            downloadText('what-if-case.json', text, e.currentTarget)
          }}
        >
          Export case
        </button>
        <button type="button" data-testid="whatif-import-toggle" onClick={() => setImporting(!importing)} aria-expanded={importing}>
          Import…
        </button>
        <button type="button" data-testid="whatif-clear" disabled={!basket.items.length} onClick={() => void handle.dispatch({ op: 'clear' })}>
          Clear
        </button>
      </div>
      {exported && (
        <details open>
          <summary>Case file (replay with <code>iam-sidekick simulate</code>)</summary>
          <textarea readOnly data-testid="whatif-export-text" value={exported} />
        </details>
      )}
      {importing && (
        <div data-testid="whatif-import">
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Case file"
            onChange={(e) => {
              const f = (e.currentTarget as HTMLInputElement).files?.[0]
              if (!f) return
              if (f.size > MAX_CASE_FILE_BYTES) return setImportMsg({ ok: false, lines: [`Nothing was imported: “${f.name.slice(0, 100)}” is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB.`] })
              void f.text().then(doImport, () => setImportMsg({ ok: false, lines: ['Nothing was imported: the file could not be read.'] }))
            }}
          />
          <textarea data-testid="whatif-import-text" placeholder="…or paste a case file (one case or an array)" value={importText} onInput={(e) => setImportText((e.currentTarget as HTMLTextAreaElement).value)} />
          <button type="button" data-testid="whatif-import-run" disabled={!importText.trim()} onClick={() => void doImport(importText)}>
            Import pasted case
          </button>
        </div>
      )}
      {importMsg && (
        <ul class={importMsg.ok ? '' : 'error'} role={importMsg.ok ? 'status' : 'alert'} data-testid="whatif-import-result">
          {importMsg.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      <div class="row" style="margin-top:8px">
        <span class="muted">Kept until the browser closes{basket.savedAs ? `; saved as “${basket.savedAs}”` : ''}.</span>
      </div>
      <div class="row">
        <input type="text" class="grow" aria-label="Save as" value={saveName} onInput={(e) => setSaveName((e.currentTarget as HTMLInputElement).value)} style="width:auto" />
        <button type="button" data-testid="whatif-save" disabled={!saveName.trim() || !basket.items.length} onClick={() => void handle.call({ call: 'save', name: saveName })}>
          Save
        </button>
        {handle.saved.length > 0 && (
          <select
            aria-label="Load a saved basket"
            value=""
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value
              if (v) void handle.call({ call: 'load-saved', name: v })
            }}
          >
            <option value="">Load saved…</option>
            {handle.saved.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </div>
    </section>
  )
}
