import type { Executor } from '../../db/client.ts'
import type { MemberRow } from '../../db/schema.ts'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { AppError } from '../shared/errors.ts'
import { assertCanReadQuestion } from './question-lookups.ts'

/** Statuses that take part in a body's deliberation: its members and candidates, not applicants or the suspended. */
const TAKING_PART = new Set<MemberRow['status']>(['candidate', 'full'])

/** Whether a member (as loaded) takes part in the deliberation of the body at `bodyPath`. */
function takesPartIn(
  member: Pick<MemberRow, 'status' | 'unit_path'> | undefined,
  bodyPath: string,
): member is MemberRow {
  return member !== undefined && TAKING_PART.has(member.status) && member.unit_path.startsWith(bodyPath)
}

/** The same for a member id (null: an account without a member, which takes no part). */
export async function memberTakesPart(
  db: Executor,
  memberId: number | null,
  bodyPath: string,
): Promise<boolean> {
  if (memberId === null) return false
  const member = await db
    .selectFrom('members')
    .select(['status', 'unit_path'])
    .where('id', '=', memberId)
    .executeTakeFirst()
  return takesPartIn(member, bodyPath)
}

/**
 * The member taking part in a body's deliberation (commenting, signing, supporting): NOT_IN_SCOPE,
 * citing `ruleId`, unless they are a candidate or full member whose unit lies in the body's
 * subtree. For a confidential question only its audience takes part (CONFIDENTIAL otherwise).
 */
export async function assertMayTakePart(
  db: Executor,
  input: {
    readonly memberId: number | null
    readonly body: { readonly id: number; readonly path: string }
    readonly ruleId: string | null
    readonly question?: QuestionRow
    readonly today: string
  },
): Promise<MemberRow> {
  const member =
    input.memberId === null
      ? undefined
      : await db.selectFrom('members').selectAll().where('id', '=', input.memberId).executeTakeFirst()
  if (!takesPartIn(member, input.body.path)) {
    throw new AppError(
      'NOT_IN_SCOPE',
      "Only the members and candidates of the body's units take part in its discussions",
      { ruleId: input.ruleId, bodyId: input.body.id, memberId: input.memberId },
    )
  }
  if (input.question) await assertCanReadQuestion(db, input.question, member.id, input.today)
  return member
}
