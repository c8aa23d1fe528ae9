// Least privilege across a principal: risks judged over the user's own and its groups' policies together.
import { describe, expect, it } from 'vitest'
import { suggestAcrossPolicies } from '../../src/engine/suggest/principal'
import { catalogue } from '../suggest/helpers'

const pass = { Version: '2012-10-17', Statement: [{ Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }
const run = { Version: '2012-10-17', Statement: [{ Sid: 'Deploy', Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' }] }
const attach = { Version: '2012-10-17', Statement: [{ Sid: 'Attach', Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*' }] }

describe('suggestAcrossPolicies', () => {
  it('finds iam:PassRole in one policy and ec2:RunInstances in another, naming both and marking it combined', async () => {
    const cat = await catalogue()
    const risks = suggestAcrossPolicies(
      [
        { name: 'alice-pass', document: JSON.stringify(pass) },
        { name: 'developers-deploy', document: run, via: 'group developers' },
      ],
      { catalogue: cat },
    )
    const esc = risks.find((r) => r.category === 'privilege-escalation' && r.actions.some((a) => a === 'ec2:RunInstances'))!
    expect(esc).toBeDefined()
    expect(esc.combined).toBe(true)
    expect(esc.policies).toEqual(['alice-pass', 'group developers → developers-deploy'])
    expect(esc.message).toMatch(/developers-deploy → Deploy/)
    // Alone, neither policy has that risk.
    for (const d of [pass, run]) expect(suggestAcrossPolicies([{ name: 'x', document: d }], { catalogue: cat }).some((r) => r.combined)).toBe(false)
  })

  it('a group policy that adds iam:AttachUserPolicy is a privilege escalation of the user', async () => {
    const cat = await catalogue()
    const risks = suggestAcrossPolicies([{ name: 'ops-attach', document: attach, via: 'group ops' }], { catalogue: cat })
    const r = risks.find((x) => x.actions.includes('iam:AttachUserPolicy'))!
    expect(r.category).toBe('privilege-escalation')
    expect(r.policies).toEqual(['group ops → ops-attach'])
  })

  it('ignores what does not parse and never throws', async () => {
    const cat = await catalogue()
    expect(suggestAcrossPolicies([{ name: 'bad', document: '{' }], { catalogue: cat })).toEqual([])
    expect(suggestAcrossPolicies([], { catalogue: cat })).toEqual([])
  })
})
