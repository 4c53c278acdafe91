import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { charterInForce } from '../charter/charter-in-force.ts'
import { decidingMemberIds } from './deciding-members.ts'
import { classifyQuestion, deliberationRules, quorumFor } from './deliberation-rules.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
beforeAll(async () => {
  t = await openDeliberationTest()
})
afterAll(async () => {
  await t.database.drop()
})

describe('the charter’s deliberation rules', () => {
  it('reads each kind for a level, and classifies questions by topic', async () => {
    const { document } = await charterInForce(t.db, t.today())
    const rules = deliberationRules(document, 'unit')
    expect(rules.limits).toMatchObject({ id: 'deliberation.limits', minimumDays: 7, maximumDays: 30 })
    expect(rules.quorum?.share).toBe(0.5)
    expect(rules.meetings?.id).toBe('deliberation.unit-meetings')
    expect(deliberationRules(document, 'district').meetings).toBeNull()
    expect(classifyQuestion(rules, 'unit', 'economic-policy')).toEqual({
      major: true,
      majorRuleId: 'deliberation.major',
      meetingRequired: false,
    })
    expect(classifyQuestion(rules, 'unit', 'organisation')).toEqual({
      major: true,
      majorRuleId: 'deliberation.major-organisation',
      meetingRequired: true,
    })
    expect(classifyQuestion(rules, 'unit', 'canteen').major).toBe(false)
  })

  it('rounds the quorum up and never below one', () => {
    expect(quorumFor(0.5, 4)).toBe(2)
    expect(quorumFor(0.5, 5)).toBe(3)
    expect(quorumFor(0.5, 0)).toBe(1)
    expect(quorumFor(0.1, 30)).toBe(3)
  })

  it('counts a unit’s full members as its deciding members', async () => {
    const { document } = await charterInForce(t.db, t.today())
    const ids = await decidingMemberIds(t.db, {
      body: t.tree.unitA1,
      levels: ['central', 'region', 'district', 'unit'],
      document,
      date: t.today(),
    })
    expect(ids).toEqual([t.vera.id, t.semyon.id, t.nina.id, t.lidia.id])
  })
})
