import { type ExpressionBuilder, sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { BodyRow, DB, MandateRow } from '../../db/schema.ts'
import type { PostRule } from '../charter/document-schema.ts'
import { AppError } from '../shared/errors.ts'

/**
 * Shared steps of the mandate use cases: the body lock, the seat count, the "first mandate" test
 * and the definition of "active on a date", so the writes and the reads agree on it.
 */

/**
 * Active on D: started by D, not ended by D, and not past its planned end. (An appointment past
 * its expiry is still held until someone ends it; the reads show it flagged `expired`.)
 */
export function activeOn(date: string) {
  return (eb: ExpressionBuilder<DB, 'mandates'>) =>
    eb.and([
      eb('mandates.starts_on', '<=', date),
      eb.or([eb('mandates.ended_on', 'is', null), eb('mandates.ended_on', '>', date)]),
      eb('mandates.ends_on', '>=', date),
    ])
}

/** Held on D: started and not ended, whether or not past its planned end. */
export function heldOn(date: string) {
  return (eb: ExpressionBuilder<DB, 'mandates'>) =>
    eb.and([
      eb('mandates.starts_on', '<=', date),
      eb.or([eb('mandates.ended_on', 'is', null), eb('mandates.ended_on', '>', date)]),
    ])
}

/**
 * Loads the body a mandate is held in and locks its row until commit: two appointments to the
 * same body then count seats one after the other, while other bodies are not held up.
 */
export async function lockActiveBody(db: Executor, bodyId: number): Promise<BodyRow> {
  const body = await db
    .selectFrom('bodies')
    .selectAll()
    .where('id', '=', bodyId)
    .forUpdate()
    .executeTakeFirst()
  if (!body) throw new AppError('BODY_NOT_FOUND', `No body with id ${bodyId}`, { bodyId })
  if (body.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is dissolved`, { bodyId: body.id })
  }
  return body
}

/** Draws the next mandate id, so the event can name its subject before the row is written. */
export async function nextMandateId(db: Executor): Promise<number> {
  const { rows } = await sql<{
    id: number
  }>`select nextval(pg_get_serial_sequence('mandates', 'id'))::int8 as id`.execute(db)
  return Number(rows[0]?.id)
}

/** "Promoted from the ranks": the member held no mandate that started on or before `startsOn`. */
export async function isFirstMandate(db: Executor, memberId: number, startsOn: string): Promise<boolean> {
  const earlier = await db
    .selectFrom('mandates')
    .select('id')
    .where('member_id', '=', memberId)
    .where('starts_on', '<=', startsOn)
    .limit(1)
    .executeTakeFirst()
  return earlier === undefined
}

/** DUPLICATE when the member already holds this post in this body on the date. */
export async function assertNotHolding(
  db: Executor,
  input: { memberId: number; bodyId: number; post: string; date: string },
): Promise<void> {
  const held = await db
    .selectFrom('mandates')
    .select('id')
    .where('body_id', '=', input.bodyId)
    .where('post', '=', input.post)
    .where('member_id', '=', input.memberId)
    .where(heldOn(input.date))
    .executeTakeFirst()
  if (held) {
    throw new AppError(
      'DUPLICATE',
      `Member ${input.memberId} already holds ${input.post} in body ${input.bodyId} on ${input.date}`,
      { memberId: input.memberId, mandateId: held.id },
    )
  }
}

/** SEATS_FILLED, naming the holders, when every seat of the post is taken on the date. */
export async function assertSeatFree(
  db: Executor,
  body: BodyRow,
  post: PostRule,
  date: string,
): Promise<void> {
  const holders = await db
    .selectFrom('mandates')
    .select(['id', 'member_id', 'how', 'starts_on', 'ends_on'])
    .where('body_id', '=', body.id)
    .where('post', '=', post.post)
    .where(activeOn(date))
    .orderBy('starts_on')
    .execute()
  if (holders.length >= post.seats) {
    throw new AppError(
      'SEATS_FILLED',
      `All ${post.seats} seat(s) of ${post.post} in ${body.name} are held on ${date}`,
      {
        ruleId: post.id,
        seats: post.seats,
        holders: holders.map((h) => ({
          mandateId: h.id,
          memberId: h.member_id,
          how: h.how,
          startsOn: h.starts_on,
          endsOn: h.ends_on,
        })),
      },
    )
  }
}

/** Loads one mandate (locked for update when asked), or MANDATE_NOT_FOUND. */
export async function loadMandate(db: Executor, mandateId: number, forUpdate = false): Promise<MandateRow> {
  let query = db.selectFrom('mandates').selectAll().where('id', '=', mandateId)
  if (forUpdate) query = query.forUpdate()
  const mandate = await query.executeTakeFirst()
  if (!mandate) throw new AppError('MANDATE_NOT_FOUND', `No mandate with id ${mandateId}`, { mandateId })
  return mandate
}
