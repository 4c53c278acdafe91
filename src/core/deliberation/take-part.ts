import type { Executor } from '../../db/client.ts'
import type { MemberRow } from '../../db/schema.ts'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { AppError } from '../shared/errors.ts'
import { assertCanReadQuestion } from './question-lookups.ts'

/** Statuses that take part in a body's deliberation: its members and candidates, not applicants or the suspended. */
const TAKING_PART = new Set<MemberRow['status']>(['candidate', 'full'])

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
  if (!member || !TAKING_PART.has(member.status) || !member.unit_path.startsWith(input.body.path)) {
    throw new AppError(
      'NOT_IN_SCOPE',
      "Only the members and candidates of the body's units take part in its discussions",
      { ruleId: input.ruleId, bodyId: input.body.id, memberId: input.memberId },
    )
  }
  if (input.question) await assertCanReadQuestion(db, input.question, member.id, input.today)
  return member
}
