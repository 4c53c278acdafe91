import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { QuestionState } from '../../db/schema-deliberation.ts'
import { getBody } from '../orgs/get-body.ts'
import { toIsoDate } from '../shared/clock.ts'
import { isDiscussionOpen } from './close-discussion.ts'
import { isoOrNull } from './present-question.ts'
import { loadQuestion } from './question-lookups.ts'
import {
  isContentVisible,
  isInAudience,
  type RedactedQuestion,
  redactQuestion,
} from './question-visibility.ts'

/** The discussion phase as the rules set it: copied limits, its times, and whether it takes contributions now. */
export interface DiscussionView {
  readonly openedAt: string | null
  readonly earliestCloseAt: string | null
  readonly latestCloseAt: string | null
  readonly closedAt: string | null
  readonly closeReason: 'maximum' | 'early' | 'recorded' | null
  readonly limitsRuleId: string | null
  readonly minimumDays: number | null
  readonly maximumDays: number | null
  /** In discussion and before its maximum: comments, amendments and supports are taken. */
  readonly open: boolean
}

/** A question as a reader who may read it sees it. */
export interface QuestionView {
  readonly id: number
  readonly redacted: false
  readonly body: { readonly id: number; readonly name: string; readonly path: string; readonly level: string }
  readonly title: string
  readonly text: string
  readonly proposal: string
  readonly topic: string
  readonly origin: 'body' | 'initiative'
  readonly raisedByMemberId: number | null
  readonly raisedAt: string
  readonly raisedOn: string
  readonly state: QuestionState
  readonly major: boolean
  readonly majorRuleId: string | null
  readonly meetingRequired: boolean
  readonly confidential: boolean
  /** Set when confidential; shown to those who may read the question. */
  readonly declassifyOn: string | null
  readonly confidentialRuleId: string | null
  /** The named audience, only to its own members (others learn nothing of who is in it). */
  readonly audience: readonly { readonly memberId: number; readonly fullName: string }[] | null
  readonly viewerInAudience: boolean
  readonly charterVersionId: number
  readonly signatures: {
    readonly required: number | null
    readonly count: number
    readonly signedByViewer: boolean
  }
  readonly discussion: DiscussionView
  readonly support: { readonly count: number; readonly supportedByViewer: boolean }
  /** Comments not hidden by a moderator (hidden ones are counted apart). */
  readonly comments: { readonly visible: number; readonly hidden: number }
  readonly decisionId: number | null
}

/** A question: its full view when the reader may read it, the redacted shape when not. */
export type QuestionRead = QuestionView | RedactedQuestion

/**
 * One question as `viewerMemberId` reads it at `now`: the full view (words, classification,
 * signatures, discussion, support, comment counts, decision) when the visibility rule lets them
 * read it, and otherwise only the redacted shape. QUESTION_NOT_FOUND for an unknown id.
 */
export async function getQuestion(
  db: Executor,
  input: { readonly questionId: number; readonly viewerMemberId: number | null; readonly now: Date },
): Promise<QuestionRead> {
  const question = await loadQuestion(db, input.questionId)
  const today = toIsoDate(input.now)
  const inAudience = question.confidential ? await isInAudience(db, question.id, input.viewerMemberId) : false
  if (!isContentVisible(question, inAudience, today)) return redactQuestion(question)

  const body = await getBody(db, question.body_id)
  const viewer = input.viewerMemberId ?? -1
  const { rows } = await sql<{
    supports: string
    supported: boolean
    signed: boolean
    visible_comments: string
    hidden_comments: string
    decision_id: number | null
  }>`select
      (select count(*) from question_supports where question_id = ${question.id}) as supports,
      exists (select 1 from question_supports where question_id = ${question.id} and member_id = ${viewer}) as supported,
      exists (select 1 from question_signatures where question_id = ${question.id} and member_id = ${viewer}) as signed,
      (select count(*) from question_comments where question_id = ${question.id} and hidden_at is null) as visible_comments,
      (select count(*) from question_comments where question_id = ${question.id} and hidden_at is not null) as hidden_comments,
      (select id from decisions where question_id = ${question.id}) as decision_id`.execute(db)
  const extra = rows[0]
  const audience = inAudience
    ? await db
        .selectFrom('question_audience as qa')
        .innerJoin('members as m', 'm.id', 'qa.member_id')
        .select(['m.id as memberId', 'm.full_name as fullName'])
        .where('qa.question_id', '=', question.id)
        .orderBy('m.id')
        .execute()
    : null
  const raisedAt = new Date(question.raised_at).toISOString()
  return {
    id: question.id,
    redacted: false,
    body: { id: body.id, name: body.name, path: body.path, level: body.level },
    title: question.title,
    text: question.text,
    proposal: question.proposal,
    topic: question.topic,
    origin: question.origin,
    raisedByMemberId: question.raised_by_member_id,
    raisedAt,
    raisedOn: raisedAt.slice(0, 10),
    state: question.state,
    major: question.major,
    majorRuleId: question.major_rule_id,
    meetingRequired: question.meeting_required,
    confidential: question.confidential,
    declassifyOn: question.declassify_on,
    confidentialRuleId: question.confidential_rule_id,
    audience,
    viewerInAudience: inAudience,
    charterVersionId: question.charter_version_id,
    signatures: {
      required: question.signatures_required,
      count: question.signatures_count,
      signedByViewer: extra?.signed ?? false,
    },
    discussion: {
      openedAt: isoOrNull(question.discussion_opened_at),
      earliestCloseAt: isoOrNull(question.discussion_earliest_close_at),
      latestCloseAt: isoOrNull(question.discussion_latest_close_at),
      closedAt: isoOrNull(question.discussion_closed_at),
      closeReason: question.discussion_close_reason,
      limitsRuleId: question.limits_rule_id,
      minimumDays: question.minimum_days,
      maximumDays: question.maximum_days,
      open: isDiscussionOpen(question, input.now),
    },
    support: { count: Number(extra?.supports ?? 0), supportedByViewer: extra?.supported ?? false },
    comments: {
      visible: Number(extra?.visible_comments ?? 0),
      hidden: Number(extra?.hidden_comments ?? 0),
    },
    decisionId: extra?.decision_id ?? null,
  }
}
