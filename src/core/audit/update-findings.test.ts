import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../deliberation/test-fixture.ts'
import { appointToPost } from '../mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../mandates/record-elected-mandate.ts'
import { TEST_CHARTER_YAML } from '../mandates/test-charter.ts'
import type { AuditCheck } from './audit-check.ts'
import { bodyInScope } from './audit-scope.ts'
import { type AuditTest, openAuditTest } from './audit-test-fixture.ts'
import { updateFindings } from './update-findings.ts'

/**
 * The follower's mechanics, with a minimal check of its own (every appointed mandate held on the
 * day is a notice) so the engine is tested apart from the real checks' rules.
 */
const appointedHolders: AuditCheck = {
  kind: 'post.appointed',
  family: 'elections',
  title: 'Appointed holders (engine test)',
  triggers: ['mandate.appointed', 'mandate.elected', 'mandate.ended'],
  async find(db, input) {
    const { rows } = await sql<{ id: number; body_id: number; starts_on: string; event_id: number }>`
      select m.id, m.body_id, m.starts_on, m.event_id
      from mandates m join bodies b on b.id = m.body_id
      where m.how = 'appointed' and m.starts_on <= ${input.asOf}::date
        and (m.ended_on is null or m.ended_on > ${input.asOf}::date) and ${bodyInScope(input.scope)}`.execute(
      db,
    )
    return rows.map((row) => ({
      rule: 'elections.unit-secretary',
      bodyId: row.body_id,
      subject: { kind: 'mandate', id: row.id },
      severity: 'notice' as const,
      since: row.starts_on,
      evidence: [row.event_id],
      message: `An appointed holder in body ${row.body_id}.`,
    }))
  },
}
const checks = [appointedHolders]

describe('the audit follower', () => {
  let t: AuditTest
  const appoint = (bodyId: number, memberId: number) =>
    t.run((ctx) =>
      appointToPost(ctx, {
        memberId,
        bodyId,
        post: 'unit-secretary',
        appointedByBodyId: t.tree.districtA.id,
        justification: 'no-literate-candidate',
        startsOn: '1923-11-01',
      }),
    )

  beforeEach(async () => {
    t = await openAuditTest()
  })
  afterEach(async () => {
    await t.database.drop()
  })

  it('starts with a full run, then is idle until new events are sealed', async () => {
    await appoint(t.tree.unitA1.id, t.vera.id)
    const first = await t.follow(checks)
    expect(first).toMatchObject({ mode: 'full', reason: 'first run', findings: 1 })
    expect(await t.follow(checks)).toEqual({ mode: 'idle', events: 0 })
  })

  it('applies sealed events only, rechecking just the bodies they touched', async () => {
    await appoint(t.tree.unitA1.id, t.vera.id)
    await t.follow(checks)
    const before = await t.stored()
    t.clock.set('1923-12-02T10:00:00Z')
    const mandate = await appoint(t.tree.unitA2.id, t.anton.id)
    // Not sealed yet: the follower does not see it (the sealer has not vouched that nothing precedes it).
    expect(await updateFindings(t.db, t.clock, checks)).toEqual({ mode: 'idle', events: 0 })
    const pass = await t.follow(checks)
    expect(pass).toMatchObject({ mode: 'incremental', refreshed: [{ kind: 'post.appointed', bodies: 1 }] })
    const after = await t.stored()
    expect(after.has(`post.appointed:mandate:${mandate.id}`)).toBe(true)
    // The other body's finding was not rewritten: same row, same check time.
    for (const [id, checkedAt] of before) expect(after.get(id)).toBe(checkedAt)
  })

  it('clears a finding when an election replaces the appointment, without a full run', async () => {
    const appointed = await appoint(t.tree.unitA1.id, t.vera.id)
    await t.follow(checks)
    await t.run((ctx) =>
      recordElectedMandate(ctx, {
        memberId: t.semyon.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-secretary',
        startsOn: '1923-12-02',
        electionId: null,
      }),
    )
    const pass = await t.follow(checks)
    expect(pass.mode).toBe('incremental')
    expect((await t.stored()).has(`post.appointed:mandate:${appointed.id}`)).toBe(false)
  })

  it('runs in full on a new organisation day and when the rules change', async () => {
    await t.follow(checks)
    t.clock.advanceDays(1)
    expect(await t.follow(checks)).toMatchObject({ mode: 'full', reason: 'a new day' })
    await t.run((ctx) =>
      adoptCharter(ctx, {
        source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
        fileName: 'second.yaml',
        decision: { kind: 'congress', title: 'Second test congress', decidedOn: '1923-12-03' },
        effectiveFrom: '1923-12-03',
      }),
    )
    expect(await t.follow(checks)).toMatchObject({ mode: 'full', reason: 'the rules or the tree changed' })
  })

  it('keeps its cursor with the findings: a pass that fails leaves both as they were', async () => {
    await t.follow(checks)
    await appoint(t.tree.unitA1.id, t.vera.id)
    const failing: AuditCheck = {
      ...appointedHolders,
      find: async () => {
        throw new Error('check failed')
      },
    }
    await expect(t.follow([failing])).rejects.toThrow('check failed')
    const state = await t.db.selectFrom('audit_follower').select('last_event_id').executeTakeFirstOrThrow()
    const pass = await t.follow(checks)
    expect(pass).toMatchObject({ mode: 'incremental', refreshed: [{ kind: 'post.appointed', bodies: 1 }] })
    const after = await t.db.selectFrom('audit_follower').select('last_event_id').executeTakeFirstOrThrow()
    expect(after.last_event_id).toBeGreaterThan(state.last_event_id)
  })
})
