import { closeTask } from '../../deliberation/close-task.ts'
import { createTask } from '../../deliberation/create-task.ts'
import { decideUrgently } from '../../deliberation/decide-urgently.ts'
import { decisionSteps } from '../../deliberation/decision-test-helpers.ts'
import { declassifyQuestion } from '../../deliberation/declassify-question.ts'
import { ratifyDecision } from '../../deliberation/ratify-decision.ts'
import {
  type RecordPastDeliberationInput,
  recordPastDeliberation,
} from '../../deliberation/record-past-deliberation.ts'
import { scheduleMeeting } from '../../deliberation/schedule-meeting.ts'
import type { AuditTest } from '../audit-test-fixture.ts'

const HOUR_MS = 3_600_000

/**
 * The deliberation checks' steps over an audit test (unit A1 unless told), each a use case a
 * body would use: the decision tests' steps, plus records of past practice, urgent decisions and
 * their ratification at a quorate meeting, tasks and declassification.
 */
export function deliberationAuditSteps(t: AuditTest) {
  const steps = decisionSteps(t)

  /** Does `work` with the organisation's clock at `at`, then puts the clock back where it was. */
  async function backThen<T>(at: string, work: () => Promise<T>): Promise<T> {
    const now = t.clock.now()
    t.clock.set(at)
    try {
      return await work()
    } finally {
      t.clock.set(now)
    }
  }

  /** Runs what fell due up to now, as the server's scheduler would (the clock stays where it is). */
  const runDue = () => t.tick(t.clock.now().toISOString())

  /** Enters past practice from the minutes: a question, its discussion if any, its decision if any. */
  const record = (
    input: Partial<RecordPastDeliberationInput> & { readonly raisedOn: string; readonly topic: string },
  ) =>
    t.run((ctx) =>
      recordPastDeliberation(ctx, {
        bodyId: t.tree.unitA1.id,
        title: `A recorded question on ${input.topic}`,
        text: 'What the bureau was asked to decide.',
        proposal: 'The proposal as minuted.',
        source: 'Minutes of the bureau',
        ...input,
      }),
    )

  /** A recorded decision (adopted) with its question, returning the decision's row. */
  async function recordedDecision(input: {
    readonly topic: string
    readonly raisedOn: string
    readonly decidedOn: string
    readonly discussion?: { readonly openedOn: string; readonly closedOn: string } | null
    readonly bodyId?: number
  }) {
    const { decision } = await record({
      topic: input.topic,
      raisedOn: input.raisedOn,
      discussion: input.discussion ?? null,
      decision: { decidedOn: input.decidedOn, outcome: 'adopted' },
      ...(input.bodyId ? { bodyId: input.bodyId } : {}),
    })
    if (!decision) throw new Error('the record has no decision')
    return decision
  }

  /** A question raised and decided at once under the urgent exception. */
  async function urgentDecision(topic: string, bodyId = t.tree.unitA1.id) {
    const question = await steps.raise({ topic, bodyId })
    return t.run((ctx) =>
      decideUrgently(ctx, {
        questionId: question.id,
        justification: 'The frost comes before any discussion could end.',
      }),
    )
  }

  /** A meeting of unit A1 sitting now (it began an hour ago), with a quorum of its members present. */
  async function quorateMeetingNow() {
    const now = t.clock.now().getTime()
    const meeting = await t.run((ctx) =>
      scheduleMeeting(ctx, {
        bodyId: t.tree.unitA1.id,
        title: 'General meeting',
        startsAt: new Date(now - HOUR_MS),
        endsAt: new Date(now + HOUR_MS),
      }),
    )
    await steps.attend(meeting.id, [t.vera.id, t.semyon.id, t.nina.id])
    return meeting
  }

  /** The body ratifies (or rejects) an urgent decision at a quorate meeting sitting now. */
  async function ratifyNow(decisionId: number, outcome: 'ratified' | 'rejected' = 'ratified') {
    const meeting = await quorateMeetingNow()
    return t.run((ctx) => ratifyDecision(ctx, { decisionId, outcome, meetingId: meeting.id }))
  }

  /** A task carrying out a decision, owned by Vera, due on a date. */
  const task = (decisionId: number, dueOn: string) =>
    t.run((ctx) =>
      createTask(ctx, { decisionId, title: 'Repair the boiler', ownerMemberId: t.vera.id, dueOn }),
    )

  /** The owner closes a task with its report. */
  const closeWithReport = (taskId: number) =>
    t.run((ctx) =>
      closeTask(ctx, { taskId, report: 'The boiler is repaired and inspected.', memberId: t.vera.id }),
    )

  /** A confidential military question raised now, with Semyon and Nina named. */
  const secret = (declassifyOn?: string) =>
    steps.raise({
      topic: 'military',
      title: 'Move the depot to the northern bank',
      raisedByMemberId: t.vera.id,
      confidential: {
        audienceMemberIds: [t.semyon.id, t.nina.id],
        ...(declassifyOn ? { declassifyOn } : {}),
      },
    })

  /** The body declassifies a confidential question now. */
  const declassify = (questionId: number) => t.run((ctx) => declassifyQuestion(ctx, { questionId }))

  return {
    ...steps,
    backThen,
    runDue,
    record,
    recordedDecision,
    urgentDecision,
    quorateMeetingNow,
    ratifyNow,
    task,
    closeWithReport,
    secret,
    declassify,
  }
}
