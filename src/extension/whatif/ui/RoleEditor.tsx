import { useState } from 'preact/hooks'
import { ROLE_LABELS, roleTargetKind } from '../model/roles'
import { ROLE_KINDS, type PolicyRole, type RoleKind } from '../model/types'

/** Correct what part a policy plays: its kind and whose (principal / resource / organization level). */
export function RoleEditor(props: { role: PolicyRole; principals: string[]; resources: string[]; onChange: (r: PolicyRole) => void; idPrefix: string }) {
  const [target, setTarget] = useState(props.role.target)
  const tk = roleTargetKind(props.role.kind)
  const listId = `${props.idPrefix}-targets`
  const options = tk === 'resource' ? props.resources : tk === 'role' ? props.principals.filter((p) => p.includes(':role/')) : props.principals
  const commit = (kind: RoleKind, t: string, level?: number) => {
    const k = roleTargetKind(kind)
    props.onChange(k === 'level' ? { kind, target: '', level: level ?? props.role.level ?? 0 } : { kind, target: t.trim() })
  }
  return (
    <div class="row" data-testid="whatif-role-editor">
      <select
        aria-label="Part it plays"
        value={props.role.kind}
        onChange={(e) => commit((e.currentTarget as HTMLSelectElement).value as RoleKind, target)}
      >
        {ROLE_KINDS.map((k) => (
          <option key={k} value={k}>
            {ROLE_LABELS[k]}
          </option>
        ))}
      </select>
      {tk === 'level' ? (
        <select aria-label="Organization level" value={String(props.role.level ?? 0)} onChange={(e) => commit(props.role.kind, '', Number((e.currentTarget as HTMLSelectElement).value))}>
          {[0, 1, 2, 3, 4, 5].map((l) => (
            <option key={l} value={String(l)}>
              {l === 0 ? 'Root' : `Level ${l} (OU or account)`}
            </option>
          ))}
        </select>
      ) : (
        <span class="grow">
          <input
            type="text"
            list={listId}
            aria-label={tk === 'resource' ? 'Resource ARN' : tk === 'role' ? 'Role ARN' : 'Principal ARN'}
            placeholder={tk === 'resource' ? 'arn:aws:s3:::bucket' : 'arn:aws:iam::111111111111:role/name'}
            value={target}
            onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)}
            onChange={(e) => commit(props.role.kind, (e.currentTarget as HTMLInputElement).value)}
          />
          <datalist id={listId}>
            {options.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </span>
      )}
    </div>
  )
}
