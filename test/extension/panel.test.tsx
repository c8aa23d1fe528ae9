// @vitest-environment happy-dom
import { render } from 'preact'
import { describe, expect, it, vi } from 'vitest'
import type { Finding } from '../../src/engine/findings/types'
import { FindingRow } from '../../src/extension/panel/FindingRow'
import { Tabs } from '../../src/extension/panel/Tabs'
import { acceptUntrustedEventsForTests, guardRoot } from '../../src/extension/shared/trusted'

const finding: Finding = {
  code: 'INVALID_ACTION',
  severity: 'ERROR',
  message: 'The action s3:GetObjects does not exist.',
  range: { start: { line: 8, column: 9 }, end: { line: 8, column: 24 } },
  path: ['Statement', 0, 'Action', 0],
  fixes: [{ title: 'Change to s3:GetObject', edits: [] }],
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
}

describe('panel pieces', () => {
  it('renders a finding card with the stable hooks, a plain title, one primary fix and the rest in its overflow menu', async () => {
    acceptUntrustedEventsForTests(true)
    const root = document.createElement('ul')
    document.body.appendChild(root)
    const onSelect = vi.fn()
    const onFix = vi.fn()
    const two = { ...finding, fixes: [...finding.fixes!, { title: 'Change to s3:GetObjectAcl', edits: [] }] }
    render(<FindingRow finding={two} fixable onSelect={onSelect} onFix={onFix} onSuppress={() => undefined} />, root)
    const li = root.querySelector('li')!
    expect(li.getAttribute('data-code')).toBe('INVALID_ACTION')
    expect(li.getAttribute('data-severity')).toBe('ERROR')
    expect(li.querySelector('.ftitle')!.textContent).toBe('Unknown action')
    expect(li.querySelectorAll('button[data-fix]')).toHaveLength(1)
    ;(li.querySelector('button.where') as HTMLButtonElement).click()
    expect(onSelect).toHaveBeenCalledWith(two)
    ;(li.querySelector('button[data-fix="0"]') as HTMLButtonElement).click()
    expect(onFix.mock.calls[0]![0]).toBe(two.fixes[0])
    ;(li.querySelector('button[data-action="more"]') as HTMLButtonElement).click()
    await new Promise((r) => setTimeout(r, 0))
    expect(li.querySelector('button[data-fix="1"]')!.textContent).toBe('Change to s3:GetObjectAcl')
    expect(li.querySelector('a')!.getAttribute('rel')).toContain('noopener')
    expect(li.querySelector('[data-suppress="global"]')).not.toBeNull()
    render(null, root)
    acceptUntrustedEventsForTests(false)
  })

  it('ignores synthetic (untrusted) events: in the handlers and at a guarded root', () => {
    const root = document.createElement('ul')
    document.body.appendChild(root)
    const onSelect = vi.fn()
    render(<FindingRow finding={finding} fixable onSelect={onSelect} onFix={() => undefined} />, root)
    ;(root.querySelector('button.where') as HTMLButtonElement).click()
    expect(onSelect).not.toHaveBeenCalled()
    const host = document.createElement('div')
    const shadow = host.attachShadow({ mode: 'closed' })
    guardRoot(shadow)
    const button = document.createElement('button')
    const seen = vi.fn()
    button.addEventListener('click', seen)
    shadow.appendChild(button)
    button.click()
    expect(seen).not.toHaveBeenCalled()
    render(null, root)
  })

  it('renders accessible tabs that move with the arrow keys', () => {
    const root = document.createElement('div')
    document.body.appendChild(root)
    let active = 'a'
    const draw = () =>
      render(
        <Tabs
          idPrefix="t"
          label="Test"
          active={active}
          onChange={(id) => {
            active = id
            draw()
          }}
          tabs={[
            { id: 'a', label: 'A', count: 2, render: () => <p>panel A</p> },
            { id: 'b', label: 'B', render: () => <p>panel B</p> },
          ]}
        />,
        root,
      )
    draw()
    const tabs = root.querySelectorAll('[role="tab"]')
    expect(root.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Test')
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true')
    expect(tabs[1]!.getAttribute('tabindex')).toBe('-1')
    tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    expect(active).toBe('b')
    expect(root.querySelector('[role="tabpanel"]')!.textContent).toBe('panel B')
    expect(root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('t-tab-b')
  })
})
