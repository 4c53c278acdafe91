import type { Executor } from '../../db/client.ts'
import type { MeetingRow } from '../../db/schema-deliberation.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { getBody } from '../orgs/get-body.ts'
import { toIsoDate } from '../shared/clock.ts'
import { decidingMemberIds } from './deciding-members.ts'
import { deliberationRules } from './deliberation-rules.ts'

/** Whom a meeting's quorum counts, and the charter's quorum rule for its body. */
export interface MeetingQuorumBasis {
  /** The body's deciding members on the meeting's date (deciding-members.ts). */
  readonly decidingIds: readonly number[]
  /** The share of them that makes a quorum; 0 when the charter sets none (then one present is enough). */
  readonly share: number
  readonly ruleId: string | null
}

/**
 * The body's deciding members and quorum rule as of the meeting's date (its start, in the
 * organisation's UTC calendar), under the charter in force that day. Used when attendance is
 * recorded and again when the meeting is shown, to say which attendee counts.
 */
export async function meetingQuorumBasis(
  db: Executor,
  meeting: Pick<MeetingRow, 'body_id' | 'starts_at'>,
): Promise<MeetingQuorumBasis> {
  const date = toIsoDate(new Date(meeting.starts_at))
  const body = await getBody(db, meeting.body_id)
  const { document } = await charterInForce(db, date)
  const rule = deliberationRules(document, body.level).quorum
  const decidingIds = await decidingMemberIds(db, { body, levels: document.levels, document, date })
  return { decidingIds, share: rule?.share ?? 0, ruleId: rule?.id ?? null }
}
