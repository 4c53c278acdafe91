import type { Executor } from '../../db/client.ts'
import type { MemberRow } from '../../db/schema.ts'
import type { MemberStatus } from '../members/schemas.ts'

/** What eligibility needs to know about one member on one date. */
export interface MemberOnDate {
  readonly memberId: number
  readonly unitId: number
  readonly unitPath: string
  readonly joinedOn: string
  /** Null when the member was not yet a member on the date. */
  readonly status: MemberStatus | null
  /** Null unless they were a full member on the date. */
  readonly fullMemberSince: string | null
  /** Months of dues paid for: months begun by the date and paid on or before it. */
  readonly duesMonthsPaid: number
}

/**
 * The member's status on `date`, from their dated status changes: the last change on or before
 * the date, else the status they had before their first change, else their current status.
 * Members loaded in bulk carry no change rows but do carry `full_member_since`, so a "full"
 * status is read as "candidate" on dates before it.
 */
export function statusOn(
  member: Pick<MemberRow, 'status' | 'joined_on' | 'full_member_since'>,
  changes: readonly { readonly on_date: string; readonly from_status: string; readonly to_status: string }[],
  date: string,
): MemberStatus | null {
  if (member.joined_on > date) return null
  const before = changes.filter((change) => change.on_date <= date)
  let status = (
    before.length > 0 ? before[before.length - 1]?.to_status : (changes[0]?.from_status ?? member.status)
  ) as MemberStatus
  if (status === 'full' && member.full_member_since !== null && member.full_member_since > date)
    status = 'candidate'
  return status
}

/** Loads a member's facts on a date: status from history, standing dates, dues paid. */
export async function loadMemberOnDate(db: Executor, member: MemberRow, date: string): Promise<MemberOnDate> {
  const [changes, dues] = await Promise.all([
    db
      .selectFrom('member_status_changes')
      .select(['on_date', 'from_status', 'to_status'])
      .where('member_id', '=', member.id)
      .orderBy('on_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('dues_payments')
      .select((eb) => eb.fn.countAll<string>().as('months'))
      .where('member_id', '=', member.id)
      .where('month', '<=', date)
      // Arrears paid later did not count yet on the date: standing on a past date is what it was then.
      .where('paid_on', '<=', date)
      .executeTakeFirstOrThrow(),
  ])
  const status = statusOn(member, changes, date)
  return {
    memberId: member.id,
    unitId: member.unit_id,
    unitPath: member.unit_path,
    joinedOn: member.joined_on,
    status,
    fullMemberSince: status === 'full' ? (member.full_member_since ?? member.status_since) : null,
    duesMonthsPaid: Number(dues.months),
  }
}
