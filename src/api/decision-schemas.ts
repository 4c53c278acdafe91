import { z } from '@hono/zod-openapi'
import { URGENT_LIMITS } from '../core/deliberation/decide-urgently.ts'
import { QUESTION_LIMITS } from '../core/deliberation/raise-question.ts'
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
    meetingId: idInput
      .nullable()
      .optional()
      .openapi({ description: 'A ratifying meeting must have had its quorum' }),
  })
  .openapi('Ratification')

export const PastDeliberationSchema = z
  .object({
    title: plainText(QUESTION_LIMITS.title),
    text: plainText(QUESTION_LIMITS.text),
    proposal: plainText(QUESTION_LIMITS.proposal),
    topic: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'a topic is a lower-case slug, e.g. economic-policy'),
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

const decisionFields = {
  id,
  bodyId: id,
  bodyName: z.string(),
  question: z.union([DecisionQuestionSchema, RedactedQuestionSchema]),
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
  redacted: z
    .boolean()
    .openapi({ description: 'A confidential question’s decision seen from outside its audience' }),
}

export const DecisionSummarySchema = z.object(decisionFields).openapi('DecisionSummary')

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

export const DecisionPageSchema = z
  .object({
    items: z.array(DecisionSummarySchema),
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
    method: z.enum(['yes-no', 'choice']).nullable(),
    meetingId: id.nullable(),
    openedAt: instant,
    options: z
      .array(z.object({ index: id, commentId: id.nullable(), text: z.string().nullable() }))
      .nullable()
      .openapi({
        description: 'What is voted on, by index (null outside a confidential question’s audience)',
      }),
    votesCast: id.nullable(),
    decidingMembers: id.nullable(),
    quorum: z
      .object({ decidingMembers: id, required: id, present: id, ruleId: z.string().nullable() })
      .nullable()
      .openapi({
        description:
          'What closing needs: at a meeting its deciding members present, otherwise those who voted (null when redacted)',
      }),
    me: z.object({ hasVoted: z.boolean(), mayVote: z.boolean() }),
    redacted: z.boolean(),
    permissions: z.object({
      canVote: z.boolean(),
      canClose: z.boolean().openapi({ description: 'The caller manages the body and may read the question' }),
    }),
  })
  .openapi('DecisionVote')

export const PastDeliberationResultSchema = z
  .object({ questionId: id, decision: DecisionSchema.nullable() })
  .openapi('PastDeliberationResult')
