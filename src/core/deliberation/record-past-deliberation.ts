import { z } from 'zod'
import type { DecisionRow, QuestionRow } from '../../db/schema-deliberation.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { bodyRegion } from '../orgs/tree.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { type InputIssue, invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { classifyQuestion, deliberationRules } from './deliberation-rules.ts'
import { discussionWindow } from './open-discussion.ts'
import { questionPlacement } from './question-lookups.ts'
import { QUESTION_LIMITS, raiseQuestionInputSchema } from './raise-question.ts'
import { writeDecision } from './write-decision.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const date = z.iso.date()

export const recordPastDeliberationInputSchema = z.object({
  bodyId: id,
  title: plainText(QUESTION_LIMITS.title),
  text: plainText(QUESTION_LIMITS.text),
  proposal: plainText(QUESTION_LIMITS.proposal),
  topic: raiseQuestionInputSchema.shape.topic,
  /** Where the record comes from: the minutes, a report, an archive reference. */
  source: plainText(500),
  raisedOn: date,
  /** The discussion as it was held, or null/absent when there was none. */
  discussion: z.object({ openedOn: date, closedOn: date }).nullable().optional(),
  /** The decision as it was taken, if one was. */
  decision: z
    .object({ decidedOn: date, outcome: z.enum(['adopted', 'rejected']) })
    .nullable()
    .optional(),
})

export type RecordPastDeliberationInput = z.input<typeof recordPastDeliberationInputSchema>
type Data = z.output<typeof recordPastDeliberationInputSchema>

/** Dates of past practice: each before today, none before the one it follows (every bad field named). */
function checkDates(data: Data, today: string): void {
  const issues: InputIssue[] = []
  const dated: [string, string][] = [['raisedOn', data.raisedOn]]
  if (data.discussion) {
    dated.push(
      ['discussion.openedOn', data.discussion.openedOn],
      ['discussion.closedOn', data.discussion.closedOn],
    )
  }
  if (data.decision) dated.push(['decision.decidedOn', data.decision.decidedOn])
  for (const [path, value] of dated) {
    if (value >= today) issues.push({ path, message: `a record of the past: must be before ${today}` })
  }
  for (let i = 1; i < dated.length; i++) {
    const [path, value] = dated[i] as [string, string]
    const [beforePath, before] = dated[i - 1] as [string, string]
    if (value < before) issues.push({ path, message: `must not be before ${beforePath} (${before})` })
  }
  if (!data.discussion && !data.decision) {
    issues.push({ path: 'decision', message: 'record a discussion, a decision, or both' })
  }
  if (issues.length > 0) throw invalidInput('The record’s dates are not in order', issues)
}

const midnight = (day: string) => new Date(`${day}T00:00:00Z`)

/** A record of a question decided without any discussion: no limits applied, no window. */
const NO_DISCUSSION = {
  limits_rule_id: null,
  minimum_days: null,
  maximum_days: null,
  discussion_opened_at: null,
  discussion_earliest_close_at: null,
  discussion_latest_close_at: null,
} as const

/**
 * Enters past practice (deliberation.manage): a question discussed and/or decided before Charter
 * kept the record, exactly as it happened. Never refused for breaking the rules (a major question
 * decided without discussion, a discussion shorter than the minimum): the record is there so the
 * audit can find such things. The question is classified by the charter in force when it was
 * raised, and carries the limits in force when its discussion opened, as openDiscussion copies
 * them, so the audit measures it against the rules of its own time. The decision is kind
 * `recorded`, with discussionCompleted saying whether a discussion was recorded at all.
 */
export async function recordPastDeliberation(
  ctx: UseCaseContext,
  input: RecordPastDeliberationInput,
): Promise<{ question: QuestionRow; decision: DecisionRow | null }> {
  const data = parseInput(recordPastDeliberationInputSchema, input, 'record of past practice')
  checkDates(data, toIsoDate(ctx.clock.now()))
  const body = await getBody(ctx.db, data.bodyId)
  const raisedVersion = await charterInForce(ctx.db, data.raisedOn)
  const classification = classifyQuestion(
    deliberationRules(raisedVersion.document, body.level),
    body.level,
    data.topic,
  )
  const discussion = data.discussion ?? null
  const limits = discussion
    ? deliberationRules((await charterInForce(ctx.db, discussion.openedOn)).document, body.level).limits
    : null
  const openedAt = discussion ? midnight(discussion.openedOn) : null

  let question = await ctx.db
    .insertInto('questions')
    .values({
      region_id: bodyRegion(body),
      body_id: body.id,
      title: data.title,
      text: data.text,
      proposal: data.proposal,
      topic: data.topic,
      origin: 'body',
      raised_by_member_id: null,
      raised_by_account_id: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
      // writeDecision marks a decided one decided; a question only discussed awaits its vote.
      state: 'discussed',
      major: classification.major,
      major_rule_id: classification.majorRuleId,
      meeting_required: classification.meetingRequired,
      confidential: false,
      confidential_rule_id: null,
      declassify_on: null,
      signatures_required: null,
      signatures_count: 0,
      charter_version_id: raisedVersion.versionId,
      ...(openedAt ? discussionWindow(openedAt, limits) : NO_DISCUSSION),
      discussion_closed_at: discussion ? midnight(discussion.closedOn) : null,
      discussion_close_reason: discussion ? 'recorded' : null,
      recorded_source: data.source,
      raised_at: midnight(data.raisedOn),
    })
    .returningAll()
    .executeTakeFirstOrThrow()

  let decision: DecisionRow | null = null
  if (data.decision) {
    const decidedVersion = await charterInForce(ctx.db, data.decision.decidedOn)
    decision = await writeDecision(ctx, {
      question,
      kind: 'recorded',
      outcome: data.decision.outcome,
      exception: null,
      discussionCompleted: discussion !== null,
      charterVersionId: decidedVersion.versionId,
      decidedAt: midnight(data.decision.decidedOn),
      recordedSource: data.source,
    })
    question = { ...question, state: 'decided' }
  }
  await appendEvent(
    ctx,
    { type: 'question.recorded', payload: { questionId: question.id, decisionId: decision?.id ?? null } },
    questionPlacement(question),
  )
  return { question, decision }
}
