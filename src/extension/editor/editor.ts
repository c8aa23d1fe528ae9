/** Monaco set up for policies: markers from the engine, quick fixes, catalogue hovers and completions. */
import type { Finding, Fix, PolicyType } from '../../engine/findings/types'
import { loadCatalogueDocs } from '../../engine/catalogue/bundled'
import type { CatalogueDocs } from '../../engine/catalogue'
import type { ToFrame } from '../shared/editor-protocol'
import { loadAnalysis } from '../shared/lazy'
import { completionsAt, hoverAt, type CompletionKind } from './knowledge'
import * as monaco from './monaco-json'
import { changedSpan } from '../shared/text-diff'

const OWNER = 'iam-sidekick'
const EDIT_DEBOUNCE_MS = 40
const ANALYSE_DEBOUNCE_MS = 150
/** After a local edit, ignore the console's echoes of older text for this long. */
const ECHO_GUARD_MS = 400

export interface PolicyEditor {
  setState(s: ToFrame): void
}

declare global {
  interface Window {
    /** For tests and users' automation: the Monaco editor of this page. */
    __iamSidekickMonaco?: {
      getValue(): string
      setValue(text: string): void
      markers(): { code: string; message: string; severity: number }[]
      /** Test and automation hook: put the cursor at a 1-based line/column and run an editor action (e.g. editor.action.triggerSuggest). */
      runAt(line: number, column: number, action: string): void
    }
  }
}

function severityOf(f: Finding): monaco.MarkerSeverity {
  switch (f.severity) {
    case 'ERROR':
      return monaco.MarkerSeverity.Error
    case 'SECURITY_WARNING':
    case 'WARNING':
      return monaco.MarkerSeverity.Warning
    default:
      return monaco.MarkerSeverity.Info
  }
}

const markerKey = (code: string, r: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }) =>
  `${code}|${r.startLineNumber}:${r.startColumn}-${r.endLineNumber}:${r.endColumn}`

const KIND: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  action: monaco.languages.CompletionItemKind.Function,
  service: monaco.languages.CompletionItemKind.Module,
  operator: monaco.languages.CompletionItemKind.Operator,
  key: monaco.languages.CompletionItemKind.Property,
  arn: monaco.languages.CompletionItemKind.Reference,
  element: monaco.languages.CompletionItemKind.Keyword,
  value: monaco.languages.CompletionItemKind.Value,
}

export async function createEditor(el: HTMLElement, opts: { onEdit: (text: string) => void }): Promise<PolicyEditor> {
  const engine = await loadAnalysis()
  const cat = await engine.catalogue()
  let docs: CatalogueDocs | undefined
  void loadCatalogueDocs().then((d) => (docs = d))

  const model = monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://iam-sidekick/policy.json'))
  const editor = monaco.editor.create(el, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    wordWrap: 'on',
    ariaLabel: 'IAM Sidekick enhanced policy editor',
  })
  let policyType: PolicyType = 'identity'
  let applyingRemote = false
  let lastLocalEdit = 0
  let lastSent: string | undefined
  let editTimer: ReturnType<typeof setTimeout> | undefined
  let analyseTimer: ReturnType<typeof setTimeout> | undefined
  const fixes = new Map<string, Fix[]>()

  const analyse = async () => {
    const text = model.getValue()
    const a = await engine.analyse(text, { policyType })
    if (model.getValue() !== text) return
    fixes.clear()
    const markers = [...a.findings, ...(a.suggestions ?? [])].map((f) => {
      const m: monaco.editor.IMarkerData = {
        severity: severityOf(f),
        message: f.message,
        code: f.learnMore ? { value: f.code, target: monaco.Uri.parse(f.learnMore) } : f.code,
        source: 'IAM Sidekick',
        startLineNumber: f.range.start.line,
        startColumn: f.range.start.column,
        endLineNumber: f.range.end.line,
        endColumn: f.range.end.column,
      }
      if (f.fixes?.length) fixes.set(markerKey(f.code, m), f.fixes)
      return m
    })
    monaco.editor.setModelMarkers(model, OWNER, markers)
  }
  const scheduleAnalyse = (delay: number) => {
    if (analyseTimer !== undefined) clearTimeout(analyseTimer)
    analyseTimer = setTimeout(() => void analyse().catch(() => undefined), delay)
  }

  model.onDidChangeContent(() => {
    scheduleAnalyse(ANALYSE_DEBOUNCE_MS)
    if (applyingRemote) return
    lastLocalEdit = performance.now()
    if (editTimer !== undefined) clearTimeout(editTimer)
    editTimer = setTimeout(() => {
      editTimer = undefined
      lastSent = model.getValue()
      opts.onEdit(lastSent)
    }, EDIT_DEBOUNCE_MS)
  })

  const applyRemote = (text: string) => {
    const old = model.getValue()
    if (old === text) return
    const span = changedSpan(old, text)
    const start = model.getPositionAt(span.start)
    const end = model.getPositionAt(span.oldEnd)
    applyingRemote = true
    try {
      model.pushEditOperations(
        editor.getSelections() ?? [],
        [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: span.text }],
        () => null,
      )
    } finally {
      applyingRemote = false
    }
  }

  monaco.languages.registerHoverProvider('json', {
    provideHover(m, position) {
      if (m !== model) return null
      const h = hoverAt(m.getValue(), m.getOffsetAt(position), cat, docs)
      if (!h) return null
      const s = m.getPositionAt(h.start)
      const e = m.getPositionAt(h.end)
      // Policy text in h.markdown is escaped (knowledge.ts); no command links, no HTML either way.
      return { contents: [{ value: h.markdown, isTrusted: false, supportHtml: false }], range: new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column) }
    },
  })
  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"', ':'],
    provideCompletionItems(m, position) {
      if (m !== model) return { suggestions: [] }
      const c = completionsAt(m.getValue(), m.getOffsetAt(position), cat)
      if (!c) return { suggestions: [] }
      const s = m.getPositionAt(c.start)
      const e = m.getPositionAt(c.end)
      const range = new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column)
      return {
        suggestions: c.items.map((i, n) => ({
          label: i.label,
          insertText: i.insertText,
          kind: KIND[i.kind],
          range,
          sortText: String(n).padStart(4, '0'),
          ...(i.detail ? { detail: i.detail } : {}),
          ...(i.documentation ? { documentation: i.documentation } : {}),
        })),
        incomplete: false,
      }
    },
  })
  monaco.languages.registerCodeActionProvider('json', {
    provideCodeActions(m, _range, context) {
      if (m !== model) return { actions: [], dispose() {} }
      const actions: monaco.languages.CodeAction[] = []
      for (const marker of context.markers) {
        const code = typeof marker.code === 'string' ? marker.code : marker.code?.value
        if (!code) continue
        for (const [i, fix] of (fixes.get(markerKey(code, marker)) ?? []).entries())
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: i === 0,
            edit: {
              edits: fix.edits.map((e) => ({
                resource: m.uri,
                versionId: m.getVersionId(),
                textEdit: { range: new monaco.Range(e.range.start.line, e.range.start.column, e.range.end.line, e.range.end.column), text: e.newText },
              })),
            },
          })
      }
      return { actions, dispose() {} }
    },
  })

  window.__iamSidekickMonaco = {
    getValue: () => model.getValue(),
    setValue: (text) => {
      editor.pushUndoStop()
      editor.executeEdits('automation', [{ range: model.getFullModelRange(), text }])
      editor.pushUndoStop()
    },
    runAt: (line, column, action) => {
      editor.focus()
      editor.setPosition({ lineNumber: line, column })
      editor.trigger('automation', action, {})
    },
    markers: () =>
      monaco.editor.getModelMarkers({ owner: OWNER }).map((m) => ({ code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''), message: m.message, severity: m.severity })),
  }

  return {
    setState(s) {
      monaco.editor.setTheme(s.dark ? 'vs-dark' : 'vs')
      document.body.style.background = s.dark ? '#1e1e1e' : '#fffffe'
      editor.updateOptions({ readOnly: s.readOnly })
      const typeChanged = s.policyType !== policyType
      policyType = s.policyType
      const text = model.getValue()
      const echoOfOlder = performance.now() - lastLocalEdit < ECHO_GUARD_MS && s.text !== lastSent
      if (s.text !== text && !echoOfOlder && editTimer === undefined) applyRemote(s.text)
      if (typeChanged || s.text !== text) scheduleAnalyse(0)
      else if (monaco.editor.getModelMarkers({ owner: OWNER }).length === 0) scheduleAnalyse(0)
    },
  }
}
