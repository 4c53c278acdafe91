import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bulkLoadMembers } from '../../members/bulk-load-members.ts'
import { changeMemberStatus } from '../../members/change-member-status.ts'
import { transferMember } from '../../members/transfer-member.ts'
import { createBody } from '../../orgs/create-body.ts'
import { systemActor } from '../../shared/actor.ts'
import { type AuditTest, openAuditTest } from '../audit-test-fixture.ts'
import { admissionPendingTooLongCheck } from './admission-pending-too-long.ts'
import { adoptAdmissionRules, applicant, unitMeeting } from './membership-scenarios.ts'
import { unitInactiveCheck } from './unit-inactive.ts'

let t: AuditTest
beforeEach(async () => {
  t = await openAuditTest()
})
afterEach(async () => {
  await t.database.drop()
})

describe('unit.inactive', () => {
  it('dates the lapse from the last meeting held, cites its events, and ignores other levels', async () => {
    const meeting = await unitMeeting(t, t.tree.unitB1.id, '1923-11-01T18:00:00Z', {
      attendance: [t.boris.id],
    })
    await unitMeeting(t, t.tree.unitA1.id, '1923-11-25T18:00:00Z', 'minutes')
    await unitMeeting(t, t.tree.unitA2.id, '1923-11-25T18:00:00Z', 'minutes')
    const events = (await t.eventsOf('meeting', meeting.id)).map((e) => e.id)
    expect(await t.audit([unitInactiveCheck], '1923-11-14')).toEqual([])
    const findings = await t.audit([unitInactiveCheck])
    expect(findings).toMatchObject([
      {
        id: `unit.inactive:body:${t.tree.unitB1.id}`,
        rule: 'deliberation.unit-meetings',
        bodyId: t.tree.unitB1.id,
        severity: 'warning',
        since: '1923-11-15',
        evidence: events,
        message:
          'No meeting of Unit B1 has been held since 1923-11-01; the charter requires a meeting every 14 days.',
      },
    ])
    // A1 met on 25 November: inactive from 9 December, its 14 days run out.
    t.clock.set('1923-12-09T09:00:00Z')
    expect((await t.audit([unitInactiveCheck])).map((f) => f.bodyId).sort()).toEqual(
      [t.tree.unitA1.id, t.tree.unitA2.id, t.tree.unitB1.id].sort(),
    )
  })

  it('does not count a meeting only scheduled, or one cancelled', async () => {
    const { scheduleMeeting } = await import('../../deliberation/schedule-meeting.ts')
    const { cancelMeeting } = await import('../../deliberation/cancel-meeting.ts')
    await unitMeeting(t, t.tree.unitB1.id, '1923-11-01T18:00:00Z', 'minutes')
    await t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId: t.tree.unitB1.id,
        title: 'General meeting',
        startsAt: new Date('1923-11-28T18:00:00Z'),
        endsAt: new Date('1923-11-28T20:00:00Z'),
      }),
    )
    const cancelled = await unitMeeting(t, t.tree.unitB1.id, '1923-11-29T18:00:00Z', {
      attendance: [t.boris.id],
    })
    await t.run((ctx) => cancelMeeting(ctx, { meetingId: cancelled.id }))
    const findings = await t.audit([unitInactiveCheck], undefined, {
      kind: 'bodies',
      bodyIds: [t.tree.unitB1.id],
    })
    expect(findings).toMatchObject([{ bodyId: t.tree.unitB1.id, since: '1923-11-15' }])
  })

  it('flags a unit that never met once its first interval in Charter has passed, whatever the version in force', async () => {
    const unit = await t.run((ctx) =>
      createBody(ctx, { parentId: t.tree.districtB.id, name: 'Unit B2', kind: 'factory' }),
    )
    const scope = { kind: 'bodies', bodyIds: [unit.id] } as const
    // Created today (2 December): the charter's rules are older, so its 14 days run from today.
    expect(await t.audit([unitInactiveCheck], undefined, scope)).toEqual([])
    expect(await t.audit([unitInactiveCheck], '1923-12-15', scope)).toEqual([])
    const expected = {
      bodyId: unit.id,
      since: '1923-12-16',
      evidence: [],
      message: 'No meeting of Unit B2 is on record; the charter requires a meeting every 14 days.',
    }
    expect(await t.audit([unitInactiveCheck], '1923-12-16', scope)).toMatchObject([expected])
    // An amendment on another matter neither moves the date nor clears the finding.
    await adoptAdmissionRules(t, '1923-12-20')
    expect(await t.audit([unitInactiveCheck], '1923-12-25', scope)).toMatchObject([expected])
  })
})

describe('admission.pending-too-long', () => {
  beforeEach(async () => {
    await adoptAdmissionRules(t)
    // The fixture's applicant (since 1918) was admitted this autumn.
    await t.run((ctx) =>
      changeMemberStatus(ctx, { memberId: t.olga.id, to: 'candidate', onDate: '1923-11-20' }),
    )
  })

  it('says how long an application waited, against its category’s deadline, without a name', async () => {
    const fyodor = await applicant(t, t.tree.unitA2.id, 'Fyodor Waiting', '1923-06-01')
    const [registered] = await t.eventsOf('member', fyodor.id)
    const about = (findings: readonly { subject: { id: number } }[]) =>
      findings.filter((f) => f.subject.id === fyodor.id)
    // On 30 July the application had waited 59 days (olga's, of 1918, was still pending then).
    expect(about(await t.audit([admissionPendingTooLongCheck], '1923-07-30'))).toEqual([])
    expect(await t.audit([admissionPendingTooLongCheck])).toMatchObject([
      {
        id: `admission.pending-too-long:member:${fyodor.id}`,
        rule: 'admission.worker',
        bodyId: t.tree.unitA2.id,
        severity: 'violation',
        since: '1923-07-31',
        evidence: [registered?.id],
        message:
          'An application from a worker to Unit A2, received on 1923-06-01, has waited 184 days; the charter requires a decision within 60 days.',
      },
    ])
  })

  it('reads the status on the audit date from the history', async () => {
    // Olga was an applicant until 20 November: as of the 19th, her application (of 1918) was pending.
    const [olga] = await t.audit([admissionPendingTooLongCheck], '1923-11-19')
    expect(olga).toMatchObject({
      subject: { kind: 'member', id: t.olga.id },
      bodyId: t.tree.unitA1.id,
      message: expect.stringContaining('received on 1918-01-01'),
    })
    expect(await t.audit([admissionPendingTooLongCheck])).toEqual([])
    // Before the admission rules took effect (1921), the charter set no deadline.
    expect(await t.audit([admissionPendingTooLongCheck], '1920-12-31')).toEqual([])
  })

  it('dates a readmission from the new application', async () => {
    await t.run((ctx) => changeMemberStatus(ctx, { memberId: t.anton.id, to: 'left', onDate: '1923-01-10' }))
    await t.run((ctx) =>
      changeMemberStatus(ctx, { memberId: t.anton.id, to: 'applicant', onDate: '1923-09-01' }),
    )
    const [change] = (await t.eventsOf('member', t.anton.id))
      .filter((e) => e.type === 'member.status_changed')
      .slice(-1)
    expect(await t.audit([admissionPendingTooLongCheck])).toMatchObject([
      {
        subject: { kind: 'member', id: t.anton.id },
        since: '1923-10-31',
        evidence: [change?.id],
        message: expect.stringContaining('received on 1923-09-01, has waited 92 days'),
      },
    ])
  })

  it('rechecks the unit a member was transferred from, as well as the one they joined', async () => {
    const fyodor = await applicant(t, t.tree.unitA2.id, 'Fyodor Waiting', '1923-06-01')
    await t.follow([admissionPendingTooLongCheck])
    await t.run((ctx) =>
      transferMember(ctx, { memberId: fyodor.id, toUnitId: t.tree.unitB1.id, onDate: t.today() }),
    )
    const [transfer] = (await t.eventsOf('member', fyodor.id)).filter((e) => e.type === 'member.transferred')
    if (!transfer) throw new Error('no transfer event')
    expect(transfer.body_id).toBe(t.tree.unitB1.id)
    const bodies = await admissionPendingTooLongCheck.affectedBodies?.(t.db, [
      {
        id: transfer.id,
        type: transfer.type,
        bodyId: transfer.body_id,
        subjectKind: 'member',
        subjectId: fyodor.id,
      },
    ])
    expect([...(bodies ?? [])].sort()).toEqual([t.tree.unitA2.id, t.tree.unitB1.id].sort())
    const pass = await t.follow([admissionPendingTooLongCheck])
    expect(pass.mode).toBe('incremental')
    const stored = await t.db.selectFrom('audit_findings').select(['id', 'body_id']).execute()
    expect(stored).toEqual([
      { id: `admission.pending-too-long:member:${fyodor.id}`, body_id: t.tree.unitB1.id },
    ])
  })

  it('finds applicants loaded in bulk, rechecked in the units of the members an import loaded', async () => {
    const rows = [
      { row: 1, fullName: 'Bulk Applicant', unitId: t.tree.unitB1.id, joinedOn: '1923-05-01' },
      { row: 2, fullName: 'Bulk Member', unitId: t.tree.unitA1.id, joinedOn: '1919-05-01' },
    ].map((row, index) => ({
      ...row,
      category: 'worker' as const,
      status: index === 0 ? ('applicant' as const) : ('full' as const),
    }))
    const loaded = await bulkLoadMembers(t.database, t.clock, systemActor, rows, {
      source: 'csv',
      scope: { bodyId: t.tree.central.id, path: t.tree.central.path, regionId: null },
    })
    const findings = await t.audit([admissionPendingTooLongCheck])
    expect(findings).toMatchObject([{ bodyId: t.tree.unitB1.id, since: '1923-06-30', evidence: [] }])
    const bodies = await admissionPendingTooLongCheck.affectedBodies?.(t.db, [
      {
        id: loaded.eventId,
        type: 'members.imported',
        bodyId: t.tree.central.id,
        subjectKind: 'body',
        subjectId: t.tree.central.id,
      },
      {
        id: 0,
        type: 'member.registered',
        bodyId: t.tree.unitA2.id,
        subjectKind: 'member',
        subjectId: t.anton.id,
      },
    ])
    expect([...(bodies ?? [])].sort()).toEqual([t.tree.unitA1.id, t.tree.unitA2.id, t.tree.unitB1.id].sort())
  })
})
