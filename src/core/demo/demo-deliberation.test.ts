import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { getDecision } from '../deliberation/get-decision.ts'
import { getMeeting } from '../deliberation/get-meeting.ts'
import { getQuestion, type QuestionView } from '../deliberation/get-question.ts'
import { listComments } from '../deliberation/list-comments.ts'
import { listDecisions } from '../deliberation/list-decisions.ts'
import { listMeetings } from '../deliberation/list-meetings.ts'
import { listQuestions } from '../deliberation/list-questions.ts'
import { listTasks } from '../deliberation/list-tasks.ts'
import { bodyCalendar } from '../deliberation/meeting-calendar.ts'
import { ManualClock } from '../shared/clock.ts'
import {
  createDemoOrganisation,
  DEMO_CONFIDENTIAL_EMAIL,
  DEMO_MEMBER_EMAIL,
  DEMO_START,
  type DemoSummary,
} from './create-demo.ts'

const TODAY = '1923-12-02'
const NOW = new Date(DEMO_START)
const DAY = 86_400_000

/** A decision the reads must show in full (the stories read here are not confidential to the reader). */
function shown<T extends { readonly redacted: boolean }>(
  decision: T | undefined,
): Exclude<T, { redacted: true }> {
  if (!decision || decision.redacted) throw new Error('the decision is missing or redacted')
  return decision as Exclude<T, { redacted: true }>
}

// The whole demo is built once for the file (as demo-charter.test.ts does): the stories are
// checked as a newcomer finds them, through the same reads the API and the web app use.
describe('the demo deliberation stories', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let summary: DemoSummary
  /** The demo member (member@charter.demo): their member id, unit and district. */
  let member: { id: number; unitId: number; districtId: number }

  beforeAll(async () => {
    database = await createTestDatabase()
    summary = await createDemoOrganisation(database, new ManualClock('2026-01-01T00:00:00Z'))
    const row = await database.db
      .selectFrom('accounts')
      .innerJoin('members', 'members.id', 'accounts.member_id')
      .innerJoin('bodies', 'bodies.id', 'members.unit_id')
      .select(['members.id', 'members.unit_id', 'bodies.parent_id'])
      .where('accounts.email', '=', DEMO_MEMBER_EMAIL)
      .executeTakeFirstOrThrow()
    member = { id: row.id, unitId: row.unit_id, districtId: row.parent_id as number }
  }, 600_000)
  afterAll(async () => database?.drop())

  const read = async (questionId: number, viewerMemberId: number | null, now = NOW) =>
    getQuestion(database.db, { questionId, viewerMemberId, now })
  const readable = async (questionId: number, viewerMemberId: number | null = null) => {
    const question = await read(questionId, viewerMemberId)
    if (question.redacted) throw new Error(`question ${questionId} is redacted`)
    return question as QuestionView
  }

  it('has the Moscow theses open for discussion, in the demo member’s scope, closing by itself within 30 days', async () => {
    const { discussion } = summary.deliberation
    const page = await listQuestions(database.db, {
      bodyId: discussion.bodyId,
      viewerMemberId: member.id,
      today: TODAY,
      state: 'discussion',
    })
    expect(page.items.map((item) => item.id)).toContain(discussion.questionId)
    const question = await readable(discussion.questionId, member.id)
    expect(question.body.name).toBe('Moscow Gubernia Committee')
    expect(question.topic).toBe('party-policy')
    expect(question.major).toBe(true)
    expect(question.discussion.open).toBe(true)
    const opened = Date.parse(question.discussion.openedAt as string)
    const closes = Date.parse(question.discussion.latestCloseAt as string)
    expect((NOW.getTime() - opened) / DAY).toBeGreaterThanOrEqual(9)
    expect((NOW.getTime() - opened) / DAY).toBeLessThanOrEqual(11)
    expect(question.discussion.maximumDays).toBe(30)
    expect((closes - opened) / DAY).toBe(30)
    expect(question.discussion.closedAt).toBeNull()
    // The demo member's unit lies under the committee: they may speak in its discussion.
    const unit = await database.db
      .selectFrom('bodies')
      .select('path')
      .where('id', '=', member.unitId)
      .executeTakeFirstOrThrow()
    expect(unit.path.startsWith(question.body.path)).toBe(true)
    expect(question.comments).toEqual({ visible: 12, hidden: 1 })
    expect(question.support.count).toBeGreaterThan(10)
    expect(question.support.supportedByViewer).toBe(false)
    const job = await database.db
      .selectFrom('scheduled_jobs')
      .select(['state', 'due_at'])
      .where('kind', '=', 'deliberation.close-discussion')
      .where('subject_id', '=', discussion.questionId)
      .executeTakeFirstOrThrow()
    expect(job.state).toBe('pending')
    expect(new Date(job.due_at).getTime()).toBe(closes)
  })

  it('shows the theses’ criticism: signed, threaded, a counter-proposal, an amendment’s diff, supports, one hidden', async () => {
    const { discussion } = summary.deliberation
    const page = await listComments(database.db, {
      questionId: discussion.questionId,
      viewerMemberId: member.id,
      viewerMayAudit: false,
      today: TODAY,
      limit: 100,
    })
    expect(page.items).toHaveLength(13)
    expect(page.items.every((comment) => comment.author.name.length > 0)).toBe(true)
    expect(new Set(page.items.map((comment) => comment.author.memberId)).size).toBe(13)
    expect(page.items.filter((comment) => comment.kind === 'counter-proposal')).toHaveLength(1)
    const amendment = page.items.find((comment) => comment.kind === 'amendment')
    expect(amendment?.diff?.some((part) => part.kind === 'added' && part.text.includes('in writing'))).toBe(
      true,
    )
    expect(Math.max(...page.items.map((comment) => comment.depth))).toBe(2)
    expect(page.items.filter((comment) => comment.support.count > 0).length).toBeGreaterThanOrEqual(10)
    expect(page.proposalSupport.count).toBeGreaterThan(10)

    const hidden = page.items.filter((comment) => comment.hidden !== null)
    expect(hidden.map((comment) => comment.id)).toEqual([discussion.hiddenCommentId])
    expect(hidden[0]?.hidden).toEqual({ reason: 'abuse', hiddenAt: expect.any(String) })
    expect(hidden[0]?.body).toBeNull()
    // An auditor reads what was hidden, the note, and that the Gubernia secretary hid it.
    const audited = await listComments(database.db, {
      questionId: discussion.questionId,
      viewerMemberId: null,
      viewerMayAudit: true,
      today: TODAY,
      limit: 100,
    })
    const seen = audited.items.find((comment) => comment.id === discussion.hiddenCommentId)
    expect(seen?.body).toContain('broom')
    expect(seen?.hidden?.note).toContain('comradely form')
    expect(seen?.hidden?.hiddenBy?.name).toBe('Moscow Gubernia secretary')
  })

  it('records a 1922 discussion that ran past the maximum of the rules then in force', async () => {
    const question = await readable(summary.deliberation.pastRecords.overrunQuestionId)
    expect(question.body.name).toBe('Petrograd Gubernia Committee')
    const eleventh = await database.db
      .selectFrom('charter_versions')
      .select('id')
      .where('name', '=', 'Rules of the Party (Eleventh Congress)')
      .executeTakeFirstOrThrow()
    expect(question.charterVersionId).toBe(eleventh.id)
    expect(question.discussion.maximumDays).toBe(45)
    expect(question.discussion.closeReason).toBe('recorded')
    const days =
      (Date.parse(question.discussion.closedAt as string) -
        Date.parse(question.discussion.openedAt as string)) /
      DAY
    expect(days).toBeGreaterThan(question.discussion.maximumDays as number)
    const decision = shown(
      await getDecision(database.db, {
        decisionId: question.decisionId as number,
        viewerMemberId: null,
        today: TODAY,
      }),
    )
    expect(decision).toMatchObject({ kind: 'recorded', outcome: 'adopted', discussionCompleted: true })
    expect(decision.recordedSource).toMatch(/^Minutes of the Petrograd Gubernia Committee/)
  })

  it('records a major Yekaterinoslav decision taken without discussion and not as urgent', async () => {
    const { undiscussedDecisionId } = summary.deliberation.pastRecords
    const region = summary.accounts.find((account) => account.email === 'yekaterinoslav@charter.demo')
    const page = await listDecisions(database.db, {
      bodyId: region?.bodyId as number,
      viewerMemberId: null,
      today: TODAY,
    })
    const decision = shown(page.items.find((item) => item.id === undiscussedDecisionId))
    expect(decision).toMatchObject({
      kind: 'recorded',
      outcome: 'adopted',
      discussionCompleted: false,
      exception: null,
      discussionRuleId: 'deliberation.major',
      question: { major: true, topic: 'organisation', redacted: false },
    })
    expect(decision.decidedAt.slice(0, 7)).toBe('1923-09')
    expect(decision.recordedSource).toMatch(/^Minutes of the bureau/)
    const question = await readable(decision.question.id)
    expect(question.discussion.openedAt).toBeNull()
  })

  it('lists the demo member’s district committee’s urgent decision as awaiting ratification', async () => {
    const { urgent } = summary.deliberation
    expect(urgent.bodyId).toBe(member.districtId)
    const page = await listDecisions(database.db, {
      bodyId: urgent.bodyId,
      viewerMemberId: member.id,
      today: TODAY,
      unratified: true,
    })
    const decision = shown(page.items.find((item) => item.id === urgent.decisionId))
    expect(decision).toMatchObject({
      kind: 'urgent',
      exception: 'urgent',
      discussionCompleted: false,
      ratification: { state: 'pending', ratifiedAt: null, late: false },
    })
    expect(decision.justification?.length).toBeGreaterThan(20)
    const ratifyBy = decision.ratification?.ratifyBy as string
    expect(ratifyBy > TODAY).toBe(true)
    expect((Date.parse(ratifyBy) - Date.parse(decision.decidedAt.slice(0, 10))) / DAY).toBe(14)
  })

  it('keeps the Turkestan military question to its audience until its declassification in 1924', async () => {
    const { confidential } = summary.deliberation
    // The committee decides; two comrades of the regiments are named to read it, not to vote.
    expect(confidential.voterIds.length).toBeGreaterThan(0)
    expect(confidential.audienceMemberIds).toHaveLength(confidential.voterIds.length + 2)
    const ballots = await database.db
      .selectFrom('decision_ballots')
      .select('member_id')
      .where('question_id', '=', confidential.questionId)
      .orderBy('member_id')
      .execute()
    expect(ballots.map((ballot) => ballot.member_id)).toEqual(
      [...confidential.voterIds].sort((a, b) => a - b),
    )
    const outside = await read(confidential.questionId, member.id)
    expect(outside).toEqual({
      id: confidential.questionId,
      bodyId: confidential.bodyId,
      raisedOn: '1923-11-12',
      confidential: true,
      redacted: true,
    })
    const listed = await listQuestions(database.db, {
      bodyId: confidential.bodyId,
      viewerMemberId: member.id,
      today: TODAY,
    })
    expect(JSON.stringify(listed)).not.toMatch(/Fergana|regiment/i)
    expect(listed.counts.confidential).toBe(1)
    const decisions = await listDecisions(database.db, {
      bodyId: confidential.bodyId,
      viewerMemberId: member.id,
      today: TODAY,
    })
    expect(decisions.items.map((item) => item.question.redacted)).toEqual([true])

    const secretary = await database.db
      .selectFrom('mandates')
      .select('member_id')
      .where('body_id', '=', confidential.bodyId)
      .where('post', '=', 'region-secretary')
      .executeTakeFirstOrThrow()
    expect(confidential.audienceMemberIds).toContain(secretary.member_id)
    // A visitor can see it from inside: the demo's Turkestan account is that secretary's.
    const insider = await database.db
      .selectFrom('accounts')
      .select('member_id')
      .where('email', '=', DEMO_CONFIDENTIAL_EMAIL)
      .executeTakeFirstOrThrow()
    expect(insider.member_id).toBe(secretary.member_id)
    for (const memberId of confidential.audienceMemberIds) {
      const question = await readable(confidential.questionId, memberId)
      expect(question.topic).toBe('military')
      expect(question.title).toContain('Fergana')
      expect(question.declassifyOn).toBe(confidential.declassifyOn)
      expect(question.audience?.map((entry) => entry.memberId).sort()).toEqual(
        [...confidential.audienceMemberIds].sort(),
      )
    }
    expect(confidential.declassifyOn.startsWith('1924-')).toBe(true)
    const afterwards = await read(
      confidential.questionId,
      member.id,
      new Date(Date.parse(confidential.declassifyOn) + DAY),
    )
    expect(afterwards).toMatchObject({ redacted: false, title: expect.stringContaining('Fergana') })
  })

  it('lists a factory unit’s decision with one task done and two overdue, a member’s and a body’s', async () => {
    const { tasks } = summary.deliberation
    const decision = shown(
      await getDecision(database.db, {
        decisionId: tasks.decisionId,
        viewerMemberId: member.id,
        today: TODAY,
      }),
    )
    expect(decision).toMatchObject({
      kind: 'vote',
      outcome: 'adopted',
      discussionCompleted: true,
      meetingId: tasks.meetingId,
    })
    expect(decision.decidedAt.slice(0, 7)).toBe('1923-10')
    expect(decision.quorum?.present).toBeGreaterThanOrEqual(decision.quorum?.required as number)
    expect(decision.counts?.yes).toBeGreaterThan(decision.counts?.no as number)
    const meeting = await getMeeting(database.db, {
      meetingId: tasks.meetingId,
      viewerMemberId: null,
      today: TODAY,
    })
    expect(meeting.state).toBe('held')
    expect(meeting.minutes).toContain('adopted')
    expect(meeting.quorum?.quorate).toBe(true)
    expect(meeting.agenda.map((entry) => entry.question.id)).toEqual([tasks.questionId])

    const overdue = await listTasks(database.db, {
      bodyId: tasks.unitId,
      overdue: true,
      viewerMemberId: member.id,
      today: TODAY,
    })
    expect(overdue.items.map((task) => task.id)).toEqual(tasks.overdueTaskIds)
    expect(overdue.items.map((task) => task.owner.kind)).toEqual(['member', 'body'])
    expect(overdue.items[1]?.owner).toMatchObject({ kind: 'body', bodyId: tasks.districtId })
    for (const task of overdue.items) {
      expect(task).toMatchObject({ state: 'open', overdue: true, redacted: false })
      expect(task.dueOn < TODAY).toBe(true)
      expect(task.latestReport?.progress).toBe(task.progress)
      expect(task.latestReport?.closes).toBe(false)
    }
    const owned = await listTasks(database.db, {
      bodyId: tasks.districtId,
      overdue: true,
      viewerMemberId: null,
      today: TODAY,
    })
    expect(owned.items.map((task) => task.id)).toEqual([tasks.overdueTaskIds[1]])
    const all = await listTasks(database.db, { bodyId: tasks.unitId, viewerMemberId: null, today: TODAY })
    const done = all.items.find((task) => task.id === tasks.doneTaskId)
    expect(done).toMatchObject({ state: 'done', progress: 100, overdue: false })
    expect(done?.latestReport?.closes).toBe(true)
    // The scheduler's deadline checks ran as the clock passed them: each overdue task is logged.
    const logged = await database.db
      .selectFrom('events')
      .select('subject_id')
      .where('type', '=', 'task.overdue')
      .orderBy('subject_id')
      .execute()
    expect(logged.map((row) => row.subject_id)).toEqual(tasks.overdueTaskIds)
  })

  it('gives the demo member’s unit an initiative to sign and next week’s meeting in its calendar', async () => {
    const unit = summary.deliberation.unit
    if (!unit) throw new Error('the demo has no member unit business')
    const initiative = await readable(unit.initiativeId, member.id)
    expect(initiative).toMatchObject({ state: 'collecting', origin: 'initiative', major: false })
    expect(initiative.signatures.signedByViewer).toBe(false)
    expect(initiative.signatures.count).toBeGreaterThan(1)
    expect(initiative.signatures.count).toBeLessThan(initiative.signatures.required as number)

    const meetings = await listMeetings(database.db, {
      bodyId: member.unitId,
      from: TODAY,
      viewerMemberId: member.id,
      today: TODAY,
    })
    expect(meetings.items.map((meeting) => meeting.id)).toEqual([unit.meetingId])
    const [meeting] = meetings.items
    expect(meeting?.state).toBe('scheduled')
    expect(meeting?.startsAt.slice(0, 10)).toBe('1923-12-06')
    expect(meeting?.agenda.map((entry) => entry.question.id)).toEqual([unit.initiativeId])
    const calendar = await bodyCalendar(database.db, {
      bodyId: member.unitId,
      viewerMemberId: member.id,
      today: TODAY,
    })
    expect(calendar).toContain('BEGIN:VEVENT')
    expect(calendar).toContain('DTSTART:19231206T180000Z')
    expect(calendar).toContain(`meeting-${unit.meetingId}@charter`)
  })

  it('leaves no deliberation job due before the present unrun', async () => {
    const late = await database.db
      .selectFrom('scheduled_jobs')
      .select(['kind', 'subject_id'])
      .where('kind', 'like', 'deliberation.%')
      .where('state', '=', 'pending')
      .where('due_at', '<=', NOW)
      .execute()
    expect(late).toEqual([])
  })
})
