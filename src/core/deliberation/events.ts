import { z } from 'zod'
import { COMMENT_KINDS, HIDE_REASONS } from '../../db/schema-deliberation.ts'

const id = z.number().int()
const instant = z.string()
const date = z.string()

/**
 * Events of deliberation. No payload carries a question's words (title, text, proposal), a
 * comment's text, a task's title or a meeting's minutes: the log is sealed and readable to every
 * officer over the body, so free text here would leak confidential questions and could never be
 * erased. Payloads carry ids, kinds, dates and counts of acts; the words stay in their tables,
 * behind the visibility rules. The subject of each event is named by its first id.
 */
export const deliberationEvents = [
  z.object({
    type: z.literal('question.raised'),
    payload: z.object({
      questionId: id,
      origin: z.enum(['body', 'initiative']),
      major: z.boolean(),
      majorRuleId: z.string().nullable(),
      confidential: z.boolean(),
      /** Null for a confidential question: its topic says what it is about. */
      topic: z.string().nullable(),
      signaturesRequired: id.nullable(),
      charterVersionId: id,
    }),
  }),
  z.object({
    type: z.literal('question.signed'),
    payload: z.object({ questionId: id, memberId: id, signatures: id }),
  }),
  z.object({
    type: z.literal('question.withdrawn'),
    payload: z.object({ questionId: id, fromState: z.string() }),
  }),
  z.object({
    /** An entry of past practice (a question discussed and decided before Charter kept the record). */
    type: z.literal('question.recorded'),
    payload: z.object({ questionId: id, decisionId: id.nullable() }),
  }),
  z.object({ type: z.literal('question.declassified'), payload: z.object({ questionId: id }) }),
  z.object({
    type: z.literal('discussion.opened'),
    payload: z.object({
      questionId: id,
      ruleId: z.string().nullable(),
      earliestCloseAt: instant,
      /** Null when the charter sets no maximum: then only the body closes it. */
      latestCloseAt: instant.nullable(),
    }),
  }),
  z.object({
    type: z.literal('discussion.closed'),
    payload: z.object({ questionId: id, reason: z.enum(['maximum', 'early']) }),
  }),
  z.object({
    type: z.literal('comment.posted'),
    payload: z.object({
      questionId: id,
      commentId: id,
      kind: z.enum(COMMENT_KINDS as [string, ...string[]]),
      parentId: id.nullable(),
    }),
  }),
  z.object({
    type: z.literal('comment.hidden'),
    payload: z.object({ questionId: id, commentId: id, reason: z.enum(HIDE_REASONS) }),
  }),
  z.object({
    type: z.literal('support.changed'),
    payload: z.object({
      questionId: id,
      /** Null when the support is for the proposal itself. */
      commentId: id.nullable(),
      supported: z.boolean(),
    }),
  }),
  z.object({
    type: z.literal('decision.vote_opened'),
    payload: z.object({
      questionId: id,
      method: z.enum(['yes-no', 'choice']),
      meetingId: id.nullable(),
      options: id,
    }),
  }),
  /** A deciding member voted (a body's vote is a roll call; the choice is in decision_ballots). */
  z.object({ type: z.literal('decision.vote_cast'), payload: z.object({ questionId: id, memberId: id }) }),
  z.object({
    type: z.literal('decision.taken'),
    /**
     * For a confidential question the log says only that it was decided: every field after
     * `confidential` is null, because what was decided, how and when it must be ratified is its
     * content (officers outside the audience read this log).
     */
    payload: z.object({
      decisionId: id,
      questionId: id,
      confidential: z.boolean(),
      kind: z.enum(['vote', 'urgent', 'recorded']).nullable(),
      outcome: z.enum(['adopted', 'rejected']).nullable(),
      exception: z.enum(['urgent', 'confidential']).nullable(),
      discussionCompleted: z.boolean().nullable(),
      /** The `major` rule that required a discussion, when one did. */
      discussionRuleId: z.string().nullable(),
      meetingId: id.nullable(),
      quorumRequired: id.nullable(),
      present: id.nullable(),
      ratifyBy: date.nullable(),
    }),
  }),
  z.object({
    type: z.literal('decision.ratified'),
    /** The outcome is null for a confidential question (see decision.taken). */
    payload: z.object({
      decisionId: id,
      outcome: z.enum(['ratified', 'rejected']).nullable(),
      meetingId: id.nullable(),
    }),
  }),
  /** The ratification deadline passed with the urgent decision still unratified. */
  z.object({
    type: z.literal('decision.ratification_overdue'),
    payload: z.object({ decisionId: id, ratifyBy: date }),
  }),
  z.object({
    type: z.literal('task.created'),
    payload: z.object({
      taskId: id,
      decisionId: id,
      ownerMemberId: id.nullable(),
      ownerBodyId: id.nullable(),
      dueOn: date,
    }),
  }),
  z.object({
    type: z.literal('task.reported'),
    payload: z.object({ taskId: id, reportId: id, progress: id, closes: z.boolean() }),
  }),
  z.object({ type: z.literal('task.overdue'), payload: z.object({ taskId: id, dueOn: date }) }),
  z.object({
    type: z.literal('meeting.scheduled'),
    payload: z.object({ meetingId: id, startsAt: instant, endsAt: instant, agenda: z.array(id) }),
  }),
  z.object({
    type: z.literal('meeting.attendance_recorded'),
    payload: z.object({
      meetingId: id,
      present: id,
      decidingMembers: id,
      quorumRequired: id,
      quorate: z.boolean(),
    }),
  }),
  z.object({ type: z.literal('meeting.minutes_recorded'), payload: z.object({ meetingId: id }) }),
  z.object({ type: z.literal('meeting.cancelled'), payload: z.object({ meetingId: id }) }),
] as const
