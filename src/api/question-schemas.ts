import { z } from '@hono/zod-openapi'
import { QUESTION_LIMITS, topicSchema } from '../core/deliberation/raise-question.ts'
import { plainText } from '../core/shared/text.ts'
import { QUESTION_STATES, type QuestionState } from '../db/schema-deliberation.ts'

const id = z.number().int()
const instant = z.string().openapi({ example: '1923-12-09T09:00:00.000Z' })
const states = QUESTION_STATES as [QuestionState, ...QuestionState[]]

/** Free text in a request: the use case's own rule (trimmed, non-empty, bounded, no control characters). */
function words(max: number, example: string) {
  return plainText(max).openapi({ example })
}

const questionFields = {
  title: words(QUESTION_LIMITS.title, 'Hours of the factory canteen'),
  text: words(QUESTION_LIMITS.text, 'The night shift finds the canteen closed.'),
  proposal: words(QUESTION_LIMITS.proposal, 'Open the canteen from 6:00 to 22:00.'),
  topic: topicSchema().openapi({
    example: 'economic-policy',
    description: 'What the question is about; the charter’s `major` and `confidential` rules name topics',
  }),
}

export const NewQuestionSchema = z
  .object({
    ...questionFields,
    confidential: z
      .object({
        audienceMemberIds: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(500),
        declassifyOn: z.iso.date().optional().openapi({
          description: 'After today and within the charter’s bound (its latest date when omitted)',
        }),
      })
      .nullable()
      .optional()
      .openapi({ description: 'Military or diplomatic questions only (the charter’s `confidential` rule)' }),
  })
  .openapi('NewQuestion')

export const NewInitiativeSchema = z.object(questionFields).openapi('NewInitiative')

/** A POST that needs no input still sends JSON (the CSRF rule): `{}`. */
export const NoInput = {
  required: false,
  content: { 'application/json': { schema: z.object({}).openapi('NoInput') } },
} as const

/** What the caller may do with a question (all false when they may not read it). */
export const QuestionPermissionsSchema = z
  .object({
    canSign: z
      .boolean()
      .openapi({ description: 'It collects signatures and the caller may sign, not yet signed' }),
    canCloseDiscussion: z
      .boolean()
      .openapi({ description: 'Officer, in discussion, and the charter’s minimum has passed' }),
    canWithdraw: z
      .boolean()
      .openapi({ description: 'Officer before the vote, or the initiator while collecting' }),
    canManage: z.boolean().openapi({ description: 'Officer over the body (deliberation.manage)' }),
    canModerate: z
      .boolean()
      .openapi({ description: 'May hide comments for conduct (deliberation.moderate)' }),
    canComment: z
      .boolean()
      .openapi({ description: 'The discussion is open and the caller is a member in scope who may read it' }),
  })
  .openapi('QuestionPermissions')

const redactedFields = {
  id,
  bodyId: id,
  raisedOn: z.string().openapi({ example: '1923-12-02' }),
  confidential: z.literal(true),
  redacted: z.literal(true),
}

/** All that someone outside a confidential question's audience learns of it. */
export const RedactedQuestionSchema = z.object(redactedFields).openapi('RedactedQuestion', {
  description: 'A confidential question exists: its body and date, nothing else',
})

export const QuestionSummarySchema = z
  .object({
    id,
    bodyId: id,
    bodyName: z.string(),
    raisedOn: z.string(),
    raisedAt: instant,
    title: z.string(),
    topic: z.string(),
    origin: z.enum(['body', 'initiative']),
    state: z.enum(states),
    major: z.boolean(),
    majorRuleId: z.string().nullable(),
    meetingRequired: z.boolean(),
    confidential: z.boolean(),
    declassifyOn: z.string().nullable(),
    signaturesRequired: id.nullable(),
    signaturesCount: id,
    discussionOpenedAt: instant.nullable(),
    discussionLatestCloseAt: instant.nullable(),
    discussionClosedAt: instant.nullable(),
    redacted: z.literal(false),
  })
  .openapi('QuestionSummary')

const counts = Object.fromEntries([...QUESTION_STATES, 'confidential'].map((s) => [s, id])) as Record<
  QuestionState | 'confidential',
  typeof id
>

export const QuestionPageSchema = z
  .object({
    items: z.array(z.union([QuestionSummarySchema, RedactedQuestionSchema])),
    nextCursor: z.string().nullable(),
    counts: z.object(counts).openapi({
      description:
        'Questions per state among those the caller may read; `confidential` counts the others (their state is not shown)',
    }),
    permissions: z.object({
      canRaise: z.boolean().openapi({ description: 'Put a question as the body (deliberation.manage)' }),
      canStartInitiative: z.boolean().openapi({ description: 'The caller is a member in scope' }),
      canExport: z.boolean(),
    }),
  })
  .openapi('QuestionPage')

export const QuestionViewSchema = z
  .object({
    id,
    redacted: z.literal(false),
    body: z.object({ id, name: z.string(), path: z.string(), level: z.string() }),
    title: z.string(),
    text: z.string(),
    proposal: z.string(),
    topic: z.string(),
    origin: z.enum(['body', 'initiative']),
    raisedByMemberId: id.nullable(),
    raisedAt: instant,
    raisedOn: z.string(),
    state: z.enum(states),
    major: z.boolean(),
    majorRuleId: z.string().nullable(),
    meetingRequired: z.boolean(),
    confidential: z.boolean(),
    declassifyOn: z.string().nullable(),
    confidentialRuleId: z.string().nullable(),
    audience: z
      .array(z.object({ memberId: id, fullName: z.string() }))
      .nullable()
      .openapi({ description: 'The named audience, shown only to its members' }),
    viewerInAudience: z.boolean(),
    charterVersionId: id,
    signatures: z.object({ required: id.nullable(), count: id, signedByViewer: z.boolean() }),
    discussion: z.object({
      openedAt: instant.nullable(),
      earliestCloseAt: instant.nullable(),
      latestCloseAt: instant.nullable(),
      closedAt: instant.nullable(),
      closeReason: z.enum(['maximum', 'early', 'recorded']).nullable(),
      limitsRuleId: z.string().nullable(),
      minimumDays: id.nullable(),
      maximumDays: id.nullable(),
      open: z
        .boolean()
        .openapi({ description: 'Contributions are taken now (in discussion, before the maximum)' }),
    }),
    support: z.object({ count: id, supportedByViewer: z.boolean() }),
    comments: z.object({ visible: id, hidden: id }),
    decisionId: id.nullable(),
    permissions: QuestionPermissionsSchema,
  })
  .openapi('QuestionView')

/** A question as the caller reads it: the full view, or the redacted shape (with permissions all false). */
export const QuestionSchema = z
  .union([
    QuestionViewSchema,
    z
      .object({ ...redactedFields, permissions: QuestionPermissionsSchema })
      .openapi('RedactedQuestionWithPermissions'),
  ])
  .openapi('Question')
