import { z } from '@hono/zod-openapi'
import { URGENT_LIMITS } from '../core/deliberation/decide-urgently.ts'
import { QUESTION_LIMITS, topicSchema } from '../core/deliberation/raise-question.ts'
import { plainText } from '../core/shared/text.ts'
import { QUESTION_STATES, type QuestionState } from '../db/schema-deliberation.ts'
import { RedactedQuestionSchema } from './question-schemas.ts'

const id = z.number().int()
const idInput = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const instant = z.string().openapi({ example: '1923-12-09T09:00:00.000Z' })
const date = z.iso.date().openapi({ example: '1921-03-05' })

export const NewVoteSchema = z
  .object({
    method: z.enum(['yes-no', 'choice']).openapi({
      description:
        'yes-no on the proposal, or a ranked choice among the proposal and its counter-proposals (Schulze)',
    }),
    meetingId: idInput.nullable().optional().openapi({
      description: 'The meeting the vote is taken at; required where the charter says so (MEETING_REQUIRED)',
    }),
  })
  .openapi('NewDecisionVote')

export const BallotSchema = z
  .object({
    choice: z.enum(['yes', 'no', 'abstain']).optional().openapi({ description: 'A yes-no vote only' }),
    ranking: z
      .array(z.number().int().min(0).max(1000))
      .max(1000)
      .optional()
      .openapi({
        description: 'A choice vote only: option indexes, most preferred first, each once',
        example: [1, 0],
      }),
  })
  .openapi('DecisionBallot')

export const UrgentDecisionSchema = z
  .object({
    justification: plainText(URGENT_LIMITS.justification, URGENT_LIMITS.justificationMin).openapi({
      example: 'The mill closes on Friday unless the unit answers the trust at once.',
    }),
    outcome: z.enum(['adopted', 'rejected']).optional().openapi({ description: 'adopted unless told' }),
    meetingId: idInput.nullable().optional(),
  })
  .openapi('UrgentDecision')

export const RatificationSchema = z
  .object({
    outcome: z.enum(['ratified', 'rejected']),
    meetingId: idInput.nullable().optional().openapi({
      description:
        'The meeting of the body that ratified it: required (MEETING_REQUIRED), begun, and quorate (QUORUM_NOT_MET)',
    }),
  })
  .openapi('Ratification')

export const PastDeliberationSchema = z
  .object({
    title: plainText(QUESTION_LIMITS.title),
    text: plainText(QUESTION_LIMITS.text),
    proposal: plainText(QUESTION_LIMITS.proposal),
    topic: topicSchema(),
    source: plainText(500).openapi({ example: 'Minutes of the unit, book 3, p. 41' }),
    raisedOn: date,
    discussion: z.object({ openedOn: date, closedOn: date }).nullable().optional(),
    decision: z
      .object({ decidedOn: date, outcome: z.enum(['adopted', 'rejected']) })
      .nullable()
      .optional(),
  })
  .openapi('PastDeliberation')

export const DecisionQuestionSchema = z
  .object({
    id,
    bodyId: id,
    raisedOn: z.string(),
    title: z.string(),
    topic: z.string(),
    major: z.boolean(),
    confidential: z.boolean(),
    state: z.enum(QUESTION_STATES as [QuestionState, ...QuestionState[]]),
    redacted: z.literal(false),
  })
  .openapi('DecisionQuestion')

export const DecisionPermissionsSchema = z
  .object({
    canRatify: z
      .boolean()
      .openapi({ description: 'Urgent, pending, and the caller manages the body and reads it' }),
  })
  .openapi('DecisionPermissions')

/**
 * All that a caller outside a confidential question's audience learns of its decision: that it
 * was taken, by which body, on which day. Never its kind, outcome, exception, quorum or ratification.
 */
export const RedactedDecisionSchema = z
  .object({
    id,
    bodyId: id,
    decidedOn: date,
    confidential: z.literal(true),
    redacted: z.literal(true),
    question: RedactedQuestionSchema,
  })
  .openapi('RedactedDecision')

const decisionFields = {
  id,
  bodyId: id,
  bodyName: z.string(),
  question: DecisionQuestionSchema,
  kind: z.enum(['vote', 'urgent', 'recorded']),
  outcome: z.enum(['adopted', 'rejected']),
  exception: z.enum(['urgent', 'confidential']).nullable(),
  discussionCompleted: z.boolean(),
  discussionRuleId: z
    .string()
    .nullable()
    .openapi({ description: 'The `major` rule that required a discussion' }),
  method: z.enum(['yes-no', 'choice']).nullable(),
  chosenCommentId: id
    .nullable()
    .openapi({ description: 'The counter-proposal adopted (null: the proposal)' }),
  meetingId: id.nullable(),
  counts: z.object({ yes: id, no: id, abstain: id }).nullable(),
  quorum: z
    .object({ decidingMembers: id, required: id, present: id, ruleId: z.string().nullable() })
    .nullable(),
  ratification: z
    .object({
      state: z.enum(['pending', 'overdue', 'ratified', 'rejected']),
      ratifyBy: z.string(),
      ratifiedAt: instant.nullable(),
      late: z.boolean(),
      meetingId: id.nullable(),
    })
    .nullable()
    .openapi({ description: 'Urgent decisions only' }),
  justification: z.string().nullable(),
  recordedSource: z
    .string()
    .nullable()
    .openapi({ description: 'Records of past practice: where the record comes from' }),
  charterVersionId: id,
  decidedAt: instant,
  redacted: z.literal(false),
}

export const DecisionSummarySchema = z.object(decisionFields).openapi('DecisionSummary')

/** A decision in a list: whole, or redacted outside a confidential question's audience. */
export const DecisionListItemSchema = z.union([DecisionSummarySchema, RedactedDecisionSchema])

export const DecisionSchema = z
  .object({
    ...decisionFields,
    options: z
      .array(
        z.object({ index: id, commentId: id.nullable(), text: z.string().nullable(), chosen: z.boolean() }),
      )
      .nullable()
      .openapi({ description: 'A choice vote’s options with their words' }),
    countReport: z
      .unknown()
      .openapi({ description: 'The Schulze count: pairwise tallies, paths, tie-breaks, seed' }),
    permissions: DecisionPermissionsSchema,
  })
  .openapi('Decision')

/** GET /api/decisions/{id}: the decision, or its redacted form outside a confidential question's audience. */
export const DecisionReadSchema = z.union([DecisionSchema, RedactedDecisionSchema])

export const DecisionPageSchema = z
  .object({
    items: z.array(DecisionListItemSchema),
    nextCursor: z.string().nullable(),
    permissions: z.object({
      canManage: z
        .boolean()
        .openapi({ description: 'Open votes, decide urgently, ratify, record past practice' }),
    }),
  })
  .openapi('DecisionPage')

export const DecisionVoteSchema = z
  .object({
    questionId: id,
    method: z.enum(['yes-no', 'choice']),
    meetingId: id.nullable(),
    openedAt: instant,
    options: z
      .array(z.object({ index: id, commentId: id.nullable(), text: z.string().nullable() }))
      .openapi({ description: 'What is voted on, by index (text null for a counter-proposal hidden since)' }),
    votesCast: id,
    decidingMembers: id.openapi({
      description:
        'How many may vote: the body’s roll, or a confidential question’s roll members in its audience',
    }),
    quorum: z
      .object({ decidingMembers: id, required: id, present: id, ruleId: z.string().nullable() })
      .openapi({
        description:
          'What closing needs: at a meeting its attendees who may decide, otherwise those who voted, against the body’s full roll (decidingMembers)',
      }),
    me: z.object({ hasVoted: z.boolean(), mayVote: z.boolean() }),
    redacted: z.boolean().openapi({ description: 'Always false: outsiders are refused 403 CONFIDENTIAL' }),
    permissions: z.object({
      canVote: z.boolean(),
      canClose: z.boolean().openapi({ description: 'The caller manages the body and may read the question' }),
    }),
  })
  .openapi('DecisionVote')

export const PastDeliberationResultSchema = z
  .object({ questionId: id, decision: DecisionSchema.nullable() })
  .openapi('PastDeliberationResult')
