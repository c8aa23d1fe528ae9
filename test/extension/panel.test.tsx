// @vitest-environment happy-dom
import { render } from 'preact'
import { describe, expect, it, vi } from 'vitest'
import type { Finding } from '../../src/engine/findings/types'
import { FindingRow } from '../../src/extension/panel/FindingRow'
import { Tabs } from '../../src/extension/panel/Tabs'

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
  it('renders a finding row with the stable hooks, a select button and one button per fix', () => {
    const root = document.createElement('ul')
    const onSelect = vi.fn()
    const onFix = vi.fn()
    render(<FindingRow finding={finding} fixable onSelect={onSelect} onFix={onFix} />, root)
    const li = root.querySelector('li')!
    expect(li.getAttribute('data-code')).toBe('INVALID_ACTION')
    expect(li.getAttribute('data-severity')).toBe('ERROR')
    ;(li.querySelector('button.where') as HTMLButtonElement).click()
    expect(onSelect).toHaveBeenCalledWith(finding)
    ;(li.querySelector('button[data-fix="0"]') as HTMLButtonElement).click()
    expect(onFix).toHaveBeenCalledWith(finding.fixes![0])
    expect(li.querySelector('a')!.getAttribute('rel')).toContain('noopener')
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
