import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { votingRights } from '../charter/charter-rules.ts'
import type { CharterDocument } from '../charter/document-schema.ts'
import { isUnitLevel } from '../orgs/tree.ts'

/**
 * The body's roll: who decides for a body, and so whom the quorum is counted against. Our reading
 * of the charter (it names the quorum, not the roll):
 * - a unit decides at its general meeting: its members with a vote (the charter's votingRights,
 *   full members by default);
 * - a committee (any body above the units) decides among those who hold its posts on the date.
 * A confidential question is "decided by the body alone and shown to those named": its roll is the
 * same, and decisionSetting narrows who votes to the roll's members in its audience, so naming an
 * audience can never add a voter. Statuses are read as they are now; a vote is taken in the present.
 */
export async function decidingMemberIds(
  db: Executor,
  input: {
    readonly body: Pick<BodyRow, 'id' | 'level'>
    readonly levels: readonly string[]
    readonly document: CharterDocument
    readonly date: string
  },
): Promise<number[]> {
  if (isUnitLevel(input.levels, input.body.level)) {
    const statuses = votingRights(input.document)?.vote ?? ['full']
    const rows = await db
      .selectFrom('members')
      .select('id')
      .where('unit_id', '=', input.body.id)
      .where('status', 'in', statuses)
      .orderBy('id')
      .execute()
    return rows.map((r) => r.id)
  }
  const rows = await db
    .selectFrom('mandates')
    .select('member_id')
    .distinct()
    .where('body_id', '=', input.body.id)
    .where('starts_on', '<=', input.date)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', input.date)]))
    .orderBy('member_id')
    .execute()
  return rows.map((r) => r.member_id)
}
