import { z } from 'zod'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { getActiveBody } from '../orgs/get-body.ts'
import { bodyRegion, inSubtree } from '../orgs/tree.ts'
import { scheduleJob } from '../scheduler/schedule-job.ts'
import { daysAfter, toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { plainText } from '../shared/text.ts'
import { classifyQuestion, type DeliberationRules, deliberationRules } from './deliberation-rules.ts'
import { openDiscussion } from './open-discussion.ts'
import { DELIBERATION_JOB_KINDS, questionPlacement } from './question-lookups.ts'
import { assertMayTakePart } from './take-part.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/**
 * A topic as the charter's `major` and `confidential` rules name it: a lower-case slug. A function,
 * like plainText, so the API's schemas get an instance made after zod-openapi extended zod.
 */
export function topicSchema() {
  return z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'a topic is a lower-case slug, e.g. economic-policy')
}

/** Limits on a question's words: generous for a real proposal, far below the 1 MB request limit. */
export const QUESTION_LIMITS = { title: 200, text: 20_000, proposal: 20_000 } as const

export const raiseQuestionInputSchema = z.object({
  bodyId: id,
  title: plainText(QUESTION_LIMITS.title),
  text: plainText(QUESTION_LIMITS.text),
  proposal: plainText(QUESTION_LIMITS.proposal),
  /** What the question is about, as the charter's `major` and `confidential` rules name topics. */
  topic: topicSchema(),
  /** `body`: the body puts the question (its officers); `initiative`: a member starts collecting signatures. */
  origin: z.enum(['body', 'initiative']),
  /** The member raising it: required for an initiative (they sign first), optional for the body. */
  raisedByMemberId: id.nullable().default(null),
  /** Keep it to a named audience (military or diplomatic topics only), until a declassification date. */
  confidential: z
    .object({
      audienceMemberIds: z.array(id).min(1).max(500),
      declassifyOn: z.iso.date().optional(),
    })
    .nullable()
    .default(null),
})

export type RaiseQuestionInput = z.input<typeof raiseQuestionInputSchema>
type RaiseQuestionData = z.output<typeof raiseQuestionInputSchema>

/** The confidentiality the charter allows for this topic, with the declassification date to record. */
function confidentialityFor(
  data: RaiseQuestionData,
  rules: DeliberationRules,
  today: string,
): { ruleId: string; declassifyOn: string } | null {
  if (!data.confidential) return null
  const rule = rules.confidential
  if (!rule?.topics.includes(data.topic)) {
    throw new AppError(
      'CONFIDENTIAL_NOT_ALLOWED',
      `The charter lets only ${rule ? rule.topics.join(' and ') : 'no'} questions be kept confidential`,
      { ruleId: rule?.id ?? null, topic: data.topic, topics: rule?.topics ?? [] },
    )
  }
  if (data.origin !== 'body') {
    throw invalidInput('An initiative is public: only the body keeps a question confidential', [
      { path: 'confidential', message: 'not allowed for an initiative' },
    ])
  }
  const latest = daysAfter(today, rule.declassifyWithinDays)
  const declassifyOn = data.confidential.declassifyOn ?? latest
  if (declassifyOn <= today || declassifyOn > latest) {
    throw invalidInput(
      `Declassification falls after today and by ${latest} (${rule.id})`,
      [{ path: 'confidential.declassifyOn', message: `must be after ${today} and no later than ${latest}` }],
      { ruleId: rule.id },
    )
  }
  return { ruleId: rule.id, declassifyOn }
}

/**
 * Raises a question in a body: its title, text and proposal, marked major or minor by the
 * charter's criteria on its topic. Put by the body, its discussion opens at once within the
 * charter's limits. By initiative, it waits for the charter's share of signatures from the members
 * in scope (the initiator signs first) and its discussion opens with the last signature needed.
 * A confidential question names its audience (the raiser joins it) and a declassification date
 * within the charter's bound, when a job marks it visible in scope.
 */
export async function raiseQuestion(ctx: UseCaseContext, input: RaiseQuestionInput): Promise<QuestionRow> {
  const data = parseInput(raiseQuestionInputSchema, input, 'question')
  const body = await getActiveBody(ctx.db, data.bodyId)
  const now = ctx.clock.now()
  const today = toIsoDate(now)
  const version = await charterInForce(ctx.db, today)
  const rules = deliberationRules(version.document, body.level)
  const classification = classifyQuestion(rules, body.level, data.topic)
  const confidentiality = confidentialityFor(data, rules, today)

  let signaturesRequired: number | null = null
  if (data.origin === 'initiative') {
    if (!rules.initiative) {
      throw new AppError('VALIDATION_FAILED', 'The charter in force provides no members’ initiative', {
        issues: [{ path: 'origin', message: 'the charter has no initiative rule' }],
      })
    }
    await assertMayTakePart(ctx.db, {
      memberId: data.raisedByMemberId,
      body,
      ruleId: rules.initiative.id,
      today,
    })
    const { count } = await ctx.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where(inSubtree('unit_path', body.path))
      .where('status', 'in', ['candidate', 'full'])
      .executeTakeFirstOrThrow()
    signaturesRequired = Math.max(1, Math.ceil(rules.initiative.signatureShare * Number(count) - 1e-9))
  }
  if (confidentiality) {
    const known = await ctx.db
      .selectFrom('members')
      .select('id')
      .where('id', 'in', data.confidential?.audienceMemberIds ?? [])
      .execute()
    const missing = (data.confidential?.audienceMemberIds ?? []).filter((m) => !known.some((k) => k.id === m))
    if (missing.length > 0) {
      throw new AppError('MEMBER_NOT_FOUND', `No member with id ${missing.join(', ')}`, {
        memberIds: missing,
      })
    }
  }

  const question = await ctx.db
    .insertInto('questions')
    .values({
      region_id: bodyRegion(body),
      body_id: body.id,
      title: data.title,
      text: data.text,
      proposal: data.proposal,
      topic: data.topic,
      origin: data.origin,
      raised_by_member_id: data.raisedByMemberId,
      raised_by_account_id: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
      state: data.origin === 'initiative' ? 'collecting' : 'discussion',
      major: classification.major,
      major_rule_id: classification.majorRuleId,
      meeting_required: classification.meetingRequired,
      confidential: confidentiality !== null,
      confidential_rule_id: confidentiality?.ruleId ?? null,
      declassify_on: confidentiality?.declassifyOn ?? null,
      signatures_required: signaturesRequired,
      signatures_count: data.origin === 'initiative' ? 1 : 0,
      charter_version_id: version.versionId,
      limits_rule_id: null,
      minimum_days: null,
      maximum_days: null,
      discussion_opened_at: null,
      discussion_earliest_close_at: null,
      discussion_latest_close_at: null,
      discussion_closed_at: null,
      discussion_close_reason: null,
      recorded_source: null,
      raised_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()

  if (confidentiality && data.confidential) {
    const audience = new Set(data.confidential.audienceMemberIds)
    if (data.raisedByMemberId !== null) audience.add(data.raisedByMemberId)
    await ctx.db
      .insertInto('question_audience')
      .values([...audience].map((memberId) => ({ question_id: question.id, member_id: memberId })))
      .execute()
    await scheduleJob(ctx, {
      kind: DELIBERATION_JOB_KINDS.declassify,
      subjectId: question.id,
      dueAt: new Date(`${confidentiality.declassifyOn}T00:00:00Z`),
    })
  }
  if (data.origin === 'initiative' && data.raisedByMemberId !== null) {
    await ctx.db
      .insertInto('question_signatures')
      .values({
        question_id: question.id,
        member_id: data.raisedByMemberId,
        region_id: question.region_id,
        signed_at: now,
      })
      .execute()
  }
  await appendEvent(
    ctx,
    {
      type: 'question.raised',
      payload: {
        questionId: question.id,
        origin: data.origin,
        major: classification.major,
        majorRuleId: classification.majorRuleId,
        confidential: confidentiality !== null,
        topic: confidentiality ? null : data.topic,
        signaturesRequired,
        charterVersionId: version.versionId,
      },
    },
    questionPlacement(question),
  )
  if (data.origin === 'body' || (signaturesRequired !== null && signaturesRequired <= 1)) {
    return openDiscussion(ctx, question, rules)
  }
  return question
}
