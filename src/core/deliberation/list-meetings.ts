import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { decodeCursor, encodeCursor, isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { daysAfter, isoInstant } from '../shared/clock.ts'
import { EMPTY_AGENDA, loadAgendas, type MeetingSummary, presentMeetingSummary } from './meeting-view.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const listMeetingsInputSchema = z.object({
  bodyId: id,
  /** Meetings starting on or after this date. */
  from: isoDateSchema.optional(),
  /** Meetings starting on or before this date. */
  to: isoDateSchema.optional(),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  viewerMemberId: id.nullable(),
  today: isoDateSchema,
})

export type ListMeetingsInput = z.input<typeof listMeetingsInputSchema>

const cursorShape = z.tuple([z.string(), z.number().int()])

/**
 * A body's meetings, latest start first, one keyset page at a time, optionally between two dates
 * (the organisation's UTC calendar). Each agenda shows its questions by the visibility rule, and
 * a meeting whose agenda holds a question the viewer may not read shows no title or place.
 */
export async function listMeetings(
  db: Executor,
  input: ListMeetingsInput,
): Promise<{ items: MeetingSummary[]; nextCursor: string | null }> {
  const data = parseInput(listMeetingsInputSchema, input, 'meetings query')
  const body = await getBody(db, data.bodyId)
  let query = db
    .selectFrom('meetings')
    .selectAll('meetings')
    .select((eb) =>
      eb
        .selectFrom('meeting_attendance')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .whereRef('meeting_attendance.meeting_id', '=', 'meetings.id')
        .as('attendance_count'),
    )
    .where('meetings.body_id', '=', body.id)
  if (data.from) query = query.where('meetings.starts_at', '>=', new Date(`${data.from}T00:00:00Z`))
  if (data.to) query = query.where('meetings.starts_at', '<', new Date(`${daysAfter(data.to, 1)}T00:00:00Z`))
  if (data.after) {
    const [startsAt, lastId] = decodeCursor(data.after, cursorShape)
    query = query.where(
      sql<boolean>`(meetings.starts_at, meetings.id) < (${startsAt}::timestamptz, ${lastId}::int8)`,
    )
  }
  const rows = await query
    .orderBy('meetings.starts_at', 'desc')
    .orderBy('meetings.id', 'desc')
    .limit(data.limit + 1)
    .execute()
  const page = rows.slice(0, data.limit)
  const last = page[page.length - 1]
  const agendas = await loadAgendas(
    db,
    page.map((m) => m.id),
    data.viewerMemberId,
    data.today,
  )
  return {
    items: page.map((row) =>
      presentMeetingSummary(
        { ...row, body_name: body.name, attendance_count: row.attendance_count ?? 0 },
        agendas.get(row.id) ?? EMPTY_AGENDA,
      ),
    ),
    nextCursor: rows.length > data.limit && last ? encodeCursor([isoInstant(last.starts_at), last.id]) : null,
  }
}
