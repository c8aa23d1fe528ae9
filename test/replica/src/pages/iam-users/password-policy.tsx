import Button from '@cloudscape-design/components/button'
import Checkbox from '@cloudscape-design/components/checkbox'
import Container from '@cloudscape-design/components/container'
import Form from '@cloudscape-design/components/form'
import FormField from '@cloudscape-design/components/form-field'
import Header from '@cloudscape-design/components/header'
import Input from '@cloudscape-design/components/input'
import RadioGroup from '@cloudscape-design/components/radio-group'
import SpaceBetween from '@cloudscape-design/components/space-between'
import { useEffect, useState } from 'react'
import type { PageProps, PageRoute } from '../../router'

// Account settings → Edit password policy, after the options AWS documents
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html):
// IAM default or Custom; minimum length (6–128); the four character classes; expiration (1–1095 days)
// and administrator reset; users may change their own password; prevent reuse (1–24 remembered).
export const route: PageRoute = { path: /^\/iam(v2)?\/home$/, hash: /^\/account_settings\/password_policy\/edit$/, priority: 5 }
export const title = 'IAM: account settings, edit password policy'
export const example = '/iam/home#/account_settings/password_policy/edit'
export const breadcrumbs = () => [
  { text: 'IAM', href: '/iam/home#/home' },
  { text: 'Account settings', href: '/iam/home#/account_settings' },
  { text: 'Edit password policy', href: '#' },
]

export interface PasswordForm {
  mode: 'default' | 'custom'
  minimumLength: string
  upper: boolean
  lower: boolean
  numbers: boolean
  symbols: boolean
  expire: boolean
  maxAge: string
  hardExpiry: boolean
  allowChange: boolean
  reuse: boolean
  remember: string
}

declare global {
  interface Window {
    __replicaPasswordPolicy?: PasswordForm & { saved?: PasswordForm }
  }
}

export default function EditPasswordPolicy({ navigate }: PageProps) {
  const [f, setF] = useState<PasswordForm>({
    mode: 'custom',
    minimumLength: '8',
    upper: true,
    lower: true,
    numbers: false,
    symbols: false,
    expire: false,
    maxAge: '',
    hardExpiry: false,
    allowChange: true,
    reuse: false,
    remember: '',
  })
  const [saved, setSaved] = useState<PasswordForm | undefined>()
  useEffect(() => {
    window.__replicaPasswordPolicy = { ...f, ...(saved ? { saved } : {}) }
  }, [f, saved])
  const set = <K extends keyof PasswordForm>(k: K, v: PasswordForm[K]) => setF((x) => ({ ...x, [k]: v }))
  const custom = f.mode === 'custom'
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <Form
        header={<Header variant="h1">Edit password policy</Header>}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => navigate('#/account_settings')}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => setSaved(f)}>
              Save changes
            </Button>
          </SpaceBetween>
        }
      >
        <Container header={<Header variant="h2">Password policy</Header>}>
          <SpaceBetween size="l">
            <RadioGroup
              value={f.mode}
              onChange={({ detail }) => set('mode', detail.value as PasswordForm['mode'])}
              items={[
                { value: 'default', label: 'IAM default', description: 'Apply the default password requirements.' },
                { value: 'custom', label: 'Custom', description: 'Apply customized password requirements.' },
              ]}
            />
            {custom && (
              <>
                <FormField label="Password minimum length" description="Enforce a minimum length of characters." constraintText="Needs to be between 6 and 128.">
                  <Input type="number" value={f.minimumLength} onChange={({ detail }) => set('minimumLength', detail.value)} />
                </FormField>
                <FormField label="Password strength">
                  <SpaceBetween size="xxs">
                    <Checkbox checked={f.upper} onChange={({ detail }) => set('upper', detail.checked)}>
                      Require at least one uppercase letter from the Latin alphabet (A-Z)
                    </Checkbox>
                    <Checkbox checked={f.lower} onChange={({ detail }) => set('lower', detail.checked)}>
                      Require at least one lowercase letter from the Latin alphabet (a-z)
                    </Checkbox>
                    <Checkbox checked={f.numbers} onChange={({ detail }) => set('numbers', detail.checked)}>
                      Require at least one number
                    </Checkbox>
                    <Checkbox checked={f.symbols} onChange={({ detail }) => set('symbols', detail.checked)}>
                      {"Require at least one non-alphanumeric character ( ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' )"}
                    </Checkbox>
                  </SpaceBetween>
                </FormField>
                <FormField label="Other requirements">
                  <SpaceBetween size="xs">
                    <Checkbox checked={f.expire} onChange={({ detail }) => set('expire', detail.checked)}>
                      Turn on password expiration
                    </Checkbox>
                    {f.expire && (
                      <FormField label="Expire passwords in day(s)" constraintText="Needs to be between 1 and 1095 days.">
                        <Input type="number" value={f.maxAge} onChange={({ detail }) => set('maxAge', detail.value)} />
                      </FormField>
                    )}
                    <Checkbox checked={f.hardExpiry} onChange={({ detail }) => set('hardExpiry', detail.checked)}>
                      Password expiration requires administrator reset
                    </Checkbox>
                    <Checkbox checked={f.allowChange} onChange={({ detail }) => set('allowChange', detail.checked)}>
                      Allow users to change their own password
                    </Checkbox>
                    <Checkbox checked={f.reuse} onChange={({ detail }) => set('reuse', detail.checked)}>
                      Prevent password reuse
                    </Checkbox>
                    {f.reuse && (
                      <FormField label="Remember password(s)" constraintText="Needs to be between 1 and 24 passwords.">
                        <Input type="number" value={f.remember} onChange={({ detail }) => set('remember', detail.value)} />
                      </FormField>
                    )}
                  </SpaceBetween>
                </FormField>
              </>
            )}
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  )
}
