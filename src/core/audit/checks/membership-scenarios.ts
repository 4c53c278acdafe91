import { adoptCharter } from '../../charter/adopt-charter.ts'
import { cancelMeeting } from '../../deliberation/cancel-meeting.ts'
import { recordAttendance } from '../../deliberation/record-attendance.ts'
import { recordMinutes } from '../../deliberation/record-minutes.ts'
import { scheduleMeeting } from '../../deliberation/schedule-meeting.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import { changeMemberStatus } from '../../members/change-member-status.ts'
import { registerMember } from '../../members/register-member.ts'
import type { CheckScenario } from '../audit-contract.ts'
import type { AuditTest } from '../audit-test-fixture.ts'
import type { FindingKind } from '../finding.ts'

/**
 * The scenarios of the unit-life checks (meetings, admission) for the shared contract, with the
 * deliberation and member use cases. The test charter has units meet every 14 days and, once the
 * admission rules below are adopted, applications decided within 60 days.
 */

/** A general meeting of a unit from `startsAt` (two hours), with who came, or held with minutes. */
export async function unitMeeting(
  t: AuditTest,
  bodyId: number,
  startsAt: string,
  record: { readonly attendance: readonly number[] } | 'minutes',
) {
  const start = new Date(startsAt)
  const meeting = await t.run((ctx) =>
    scheduleMeeting(ctx, {
      bodyId,
      title: 'General meeting',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
    }),
  )
  await t.run((ctx) =>
    record === 'minutes'
      ? recordMinutes(ctx, { meetingId: meeting.id, minutes: 'The meeting heard the reports.' })
      : recordAttendance(ctx, { meetingId: meeting.id, memberIds: [...record.attendance] }),
  )
  return meeting
}

/** The admission rules the test charter lacks: each category's application is decided within 60 days. */
const ADMISSION_RULES_YAML = `
  admission:
    - { id: admission.worker, text: A worker joins with one recommendation; the unit decides within 60 days., category: worker, recommendations: 1, probationMonths: 6, decideWithinDays: 60 }
    - { id: admission.peasant, text: A peasant joins with two recommendations; the unit decides within 60 days., category: peasant, recommendations: 2, probationMonths: 12, decideWithinDays: 60 }
    - { id: admission.employee, text: An employee joins with three recommendations; the unit decides within 90 days., category: employee, recommendations: 3, probationMonths: 24, decideWithinDays: 90 }
`

/** Adopts the test charter with the admission rules, in force from 1921 (the fixture's is from 1920). */
export function adoptAdmissionRules(t: AuditTest, effectiveFrom = '1921-01-01') {
  return t.run((ctx) =>
    adoptCharter(ctx, {
      source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML + ADMISSION_RULES_YAML,
      fileName: 'admission-test-charter.yaml',
      decision: { kind: 'congress', title: 'Congress on admission', decidedOn: effectiveFrom },
      effectiveFrom,
    }),
  )
}

/** An applicant to a unit, the application received on a date. */
export function applicant(t: AuditTest, unitId: number, fullName: string, appliedOn: string) {
  return t.run((ctx) =>
    registerMember(ctx, { unitId, fullName, joinedOn: appliedOn, category: 'worker', status: 'applicant' }),
  )
}

/** When B1's recent meeting starts (within its 14 days), and its earlier one. */
const RECENT = '1923-11-30T18:00:00Z'
const EARLIER = '1923-10-01T18:00:00Z'

const unitInactive: CheckScenario = {
  // Every unit met on 30 November (attendance recorded); B1 had also met on 1 October (minutes).
  async clean(t) {
    await unitMeeting(t, t.tree.unitA1.id, RECENT, { attendance: [t.vera.id, t.semyon.id, t.nina.id] })
    await unitMeeting(t, t.tree.unitA2.id, RECENT, { attendance: [t.anton.id] })
    await unitMeeting(t, t.tree.unitB1.id, EARLIER, 'minutes')
    await unitMeeting(t, t.tree.unitB1.id, RECENT, { attendance: [t.boris.id] })
  },
  // B1's November sitting is struck off as cancelled: its last meeting is the October one.
  async violate(t) {
    const recent = await t.db
      .selectFrom('meetings')
      .select('id')
      .where('body_id', '=', t.tree.unitB1.id)
      .where('starts_at', '=', new Date(RECENT))
      .executeTakeFirstOrThrow()
    await t.run((ctx) => cancelMeeting(ctx, { meetingId: recent.id }))
    return {
      bodyId: t.tree.unitB1.id,
      subject: { kind: 'body', id: t.tree.unitB1.id },
      severity: 'warning',
      rule: 'deliberation.unit-meetings',
      notBefore: '1923-10-14',
    }
  },
  // B1 meets this morning and records its minutes.
  async repair(t) {
    await unitMeeting(t, t.tree.unitB1.id, `${t.today()}T07:00:00Z`, 'minutes')
  },
}

const admissionPendingTooLong: CheckScenario = {
  // Admission rules in force; the fixture's applicant admitted as a candidate; an application of
  // a month ago, within the 60 days.
  async clean(t) {
    await adoptAdmissionRules(t)
    await t.run((ctx) =>
      changeMemberStatus(ctx, { memberId: t.olga.id, to: 'candidate', onDate: '1923-11-20' }),
    )
    await applicant(t, t.tree.unitA1.id, 'Pyotr Recent', '1923-11-01')
  },
  // A worker's application to A2 of 1 June 1923, never decided.
  async violate(t) {
    const fyodor = await applicant(t, t.tree.unitA2.id, 'Fyodor Waiting', '1923-06-01')
    return {
      bodyId: t.tree.unitA2.id,
      subject: { kind: 'member', id: fyodor.id },
      severity: 'violation',
      rule: 'admission.worker',
      notBefore: '1923-07-30',
    }
  },
  // The unit admits the applicant as a candidate today.
  async repair(t, found) {
    await t.run((ctx) =>
      changeMemberStatus(ctx, { memberId: found.subject.id, to: 'candidate', onDate: t.today() }),
    )
  },
}

/** The unit-life checks' scenarios, by kind. */
export const MEMBERSHIP_SCENARIOS: Partial<Record<FindingKind, CheckScenario>> = {
  'unit.inactive': unitInactive,
  'admission.pending-too-long': admissionPendingTooLong,
}
