import { useEffect, useRef, useState, type ReactNode } from 'react'
import Box from '@cloudscape-design/components/box'
import Button from '@cloudscape-design/components/button'
import CodeEditor, { type CodeEditorProps } from '@cloudscape-design/components/code-editor'
import Container from '@cloudscape-design/components/container'
import Header from '@cloudscape-design/components/header'
import SegmentedControl from '@cloudscape-design/components/segmented-control'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { ace } from '../ace'
import { publishState } from '../state'

const I18N: CodeEditorProps.I18nStrings = {
  loadingState: 'Loading code editor',
  errorState: 'There was an error loading the code editor.',
  errorStateRecovery: 'Retry',
  editorGroupAriaLabel: 'Code editor',
  statusBarGroupAriaLabel: 'Status bar',
  cursorPosition: (row, column) => `Ln ${row}, Col ${column}`,
  errorsTab: 'Errors',
  warningsTab: 'Warnings',
  preferencesButtonAriaLabel: 'Preferences',
  paneCloseButtonAriaLabel: 'Close',
  preferencesModalHeader: 'Preferences',
  preferencesModalCancel: 'Cancel',
  preferencesModalConfirm: 'Confirm',
  preferencesModalWrapLines: 'Wrap lines',
  preferencesModalTheme: 'Theme',
  preferencesModalLightThemes: 'Light themes',
  preferencesModalDarkThemes: 'Dark themes',
}

export interface PolicyEditorProps {
  /** The page's title, published in window.__replicaState. */
  page: string
  /** Container header, as the console words it ("Policy editor", "Bucket policy"...). */
  header: string
  description?: ReactNode
  initial: string
  /** Read-only JSON view (policy details): the console shows the document, not an editor to type in. */
  readOnly?: boolean
  /** Late rendering: the console fetches the document first. */
  loadingMs?: number
  /** Show the Visual | JSON switch of the IAM policy editor. */
  visualJsonSwitch?: boolean
  actions?: ReactNode
  saveLabel?: string
}

export function PolicyEditor(props: PolicyEditorProps) {
  const [loading, setLoading] = useState(props.loadingMs !== 0)
  const [value, setValue] = useState(props.initial)
  const [delayed, setDelayed] = useState(props.initial)
  const [saved, setSaved] = useState<string | undefined>()
  const [mode, setMode] = useState('json')
  const [preferences, setPreferences] = useState<Partial<CodeEditorProps.Preferences>>({ wrapLines: true })
  const changes = useRef(0)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (props.loadingMs === 0) return
    const t = setTimeout(() => setLoading(false), props.loadingMs ?? 250)
    return () => clearTimeout(t)
  }, [props.loadingMs])

  useEffect(() => {
    publishState({ page: props.page, value, delayedValue: delayed, changes: changes.current, saved, readOnly: !!props.readOnly })
  }, [props.page, value, delayed, saved, props.readOnly])

  // The read-only JSON view: the same component with Ace set read-only once it exists.
  useEffect(() => {
    if (!props.readOnly || loading) return
    const t = setInterval(() => {
      const el = box.current?.querySelector('.ace_editor') as (HTMLElement & { env?: { editor?: { setReadOnly(v: boolean): void } } }) | null
      if (el?.env?.editor) {
        el.env.editor.setReadOnly(true)
        clearInterval(t)
      }
    }, 20)
    return () => clearInterval(t)
  }, [props.readOnly, loading])

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description={props.description}
            actions={
              props.visualJsonSwitch ? (
                <SegmentedControl
                  selectedId={mode}
                  onChange={({ detail }) => setMode(detail.selectedId)}
                  label="Policy editor mode"
                  options={[
                    { text: 'Visual', id: 'visual' },
                    { text: 'JSON', id: 'json' },
                  ]}
                />
              ) : (
                props.actions
              )
            }
          >
            {props.header}
          </Header>
        }
      >
        {mode === 'visual' ? (
          <Box color="text-body-secondary">The visual editor is not part of the replica. Switch to JSON.</Box>
        ) : (
          <div ref={box}>
            <CodeEditor
              ace={ace}
              language="json"
              value={value}
              loading={loading}
              preferences={preferences}
              onPreferencesChange={(e) => setPreferences(e.detail)}
              onChange={(e) => {
                changes.current++
                setValue(e.detail.value)
              }}
              onDelayedChange={(e) => setDelayed(e.detail.value)}
              i18nStrings={I18N}
              editorContentHeight={360}
              ariaLabel={props.header}
              themes={{ light: ['cloud_editor', 'dawn'], dark: ['cloud_editor_dark', 'tomorrow_night_bright'] }}
            />
          </div>
        )}
      </Container>
      {!props.readOnly && (
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link">Cancel</Button>
            <Button variant="primary" onClick={() => setSaved(value)}>
              {props.saveLabel ?? 'Next'}
            </Button>
          </SpaceBetween>
        </Box>
      )}
    </SpaceBetween>
  )
}
