import type { Principal } from '../core/accounts/principal.ts'
import { isDiscussionOpen } from '../core/deliberation/close-discussion.ts'
import { memberTakesPart } from '../core/deliberation/take-part.ts'
import { WITHDRAWABLE_BY_BODY } from '../core/deliberation/withdraw-question.ts'
import { can } from '../core/policy/policy.ts'
import type { Executor } from '../db/client.ts'
import type { BodyRow } from '../db/schema.ts'
import type { QuestionRow } from '../db/schema-deliberation.ts'

/** What the caller may do with a question, as `QuestionPermissionsSchema` describes. */
export interface QuestionPermissions {
  readonly canSign: boolean
  readonly canCloseDiscussion: boolean
  readonly canWithdraw: boolean
  readonly canManage: boolean
  readonly canModerate: boolean
  readonly canComment: boolean
}

export const NO_QUESTION_PERMISSIONS: QuestionPermissions = {
  canSign: false,
  canCloseDiscussion: false,
  canWithdraw: false,
  canManage: false,
  canModerate: false,
  canComment: false,
}

/** Whether the caller's own member takes part in the body's deliberation (core/deliberation/take-part.ts). */
export function takesPart(db: Executor, principal: Principal, body: Pick<BodyRow, 'path'>): Promise<boolean> {
  return memberTakesPart(db, principal.memberId, body.path)
}

/**
 * The caller's permissions on a question they may read (nothing on one they may not: officers
 * are not exempt from confidentiality). Officers manage, close once the minimum has passed and
 * withdraw before the vote; the initiator withdraws while collecting; members in scope sign
 * while it collects and comment while the discussion is open.
 */
export async function questionPermissions(
  db: Executor,
  input: {
    readonly principal: Principal
    readonly question: QuestionRow
    readonly body: BodyRow
    readonly readable: boolean
    readonly now: Date
    readonly signedByViewer: boolean
  },
): Promise<QuestionPermissions> {
  const { principal, question, body, now } = input
  if (!input.readable) return NO_QUESTION_PERMISSIONS
  const target = { kind: 'body', path: body.path } as const
  const manage = can(principal, 'deliberation.manage', target)
  const member = await takesPart(db, principal, body)
  const earliest = question.discussion_earliest_close_at
  const initiator =
    question.origin === 'initiative' &&
    principal.memberId !== null &&
    question.raised_by_member_id === principal.memberId
  return {
    canSign: question.state === 'collecting' && member && !input.signedByViewer,
    canCloseDiscussion: manage && question.state === 'discussion' && (earliest === null || now >= earliest),
    canWithdraw:
      (manage && question.origin === 'body' && WITHDRAWABLE_BY_BODY.includes(question.state)) ||
      (initiator && question.state === 'collecting'),
    canManage: manage,
    canModerate: can(principal, 'deliberation.moderate', target),
    canComment: member && isDiscussionOpen(question, now),
  }
}
