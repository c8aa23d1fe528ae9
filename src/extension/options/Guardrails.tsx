/** Options page: the guardrails "Changes in access" checks on every edit (actions / resources never to grant). */
import { useEffect, useState } from 'preact/hooks'
import { loadGuardrails, parseGuardrailLines, saveGuardrails } from '../content/guardrails'

export function GuardrailsFieldset({ onSaved }: { onSaved: () => void }) {
  const [actions, setActions] = useState('')
  const [resources, setResources] = useState('')
  useEffect(
    () =>
      void loadGuardrails().then((g) => {
        setActions(g.actions.join('\n'))
        setResources(g.resources.join('\n'))
      }),
    [],
  )
  const save = (a: string, r: string) => void saveGuardrails({ actions: parseGuardrailLines(a), resources: parseGuardrailLines(r) }).then(onSaved)
  return (
    <fieldset>
      <legend>Guardrails: access a policy must never grant</legend>
      <p>Checked on every edit in the console, offline. One entry a line; wildcards allowed (organizations:*).</p>
      <label>
        Actions
        <textarea name="guardrail-actions" value={actions} placeholder={'iam:CreateUser\norganizations:*'} onInput={(e) => setActions((e.target as HTMLTextAreaElement).value)} onChange={(e) => save((e.target as HTMLTextAreaElement).value, resources)} />
      </label>
      <label>
        Resources
        <textarea name="guardrail-resources" value={resources} placeholder="arn:aws:s3:::prod-*" onInput={(e) => setResources((e.target as HTMLTextAreaElement).value)} onChange={(e) => save(actions, (e.target as HTMLTextAreaElement).value)} />
      </label>
    </fieldset>
  )
}
