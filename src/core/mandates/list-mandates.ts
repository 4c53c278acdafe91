import { sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { findCharterVersion } from '../charter/charter-in-force.ts'
import { decodeCursor, encodeCursor, isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'

/** Where a mandate stands on a date. */
export type MandateState = 'upcoming' | 'active' | 'expired' | 'ended'

/** A mandate as lists show it, with the names a reader needs. */
export interface MandateSummary {
  readonly id: number
  readonly memberId: number
  readonly memberName: string
  readonly bodyId: number
  readonly bodyName: string
  /** The body's materialised path, so callers can check scope per item. */
  readonly bodyPath: string
  readonly post: string
  /** The post's title in the charter version the mandate began under (the slug if it has none). */
  readonly postTitle: string
  readonly how: 'elected' | 'appointed'
  readonly startsOn: string
  readonly endsOn: string
  readonly endedOn: string | null
  readonly endReason: 'term-ended' | 'resigned' | 'recalled' | 'replaced' | null
  readonly electionId: number | null
  readonly appointedBy: { readonly id: number; readonly name: string } | null
  readonly justification: string | null
  readonly ruleId: string | null
  readonly charterVersionId: number
  readonly firstMandate: boolean
  /** On the `asOf` date: `expired` is past its planned end with no recorded end (still held). */
  readonly state: MandateState
}

export interface MandatePage {
  readonly items: readonly MandateSummary[]
  readonly nextCursor: string | null
}

const cursorShape = z.tuple([isoDateSchema, z.number().int()])

function baseQuery(db: Executor) {
  return db
    .selectFrom('mandates')
    .innerJoin('members', 'members.id', 'mandates.member_id')
    .innerJoin('bodies as body', 'body.id', 'mandates.body_id')
    .leftJoin('bodies as appointing', 'appointing.id', 'mandates.appointed_by_body_id')
    .selectAll('mandates')
    .select([
      'members.full_name',
      'body.name as body_name',
      'body.path as body_path',
      'appointing.name as appointing_name',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function stateOn(row: Row, date: string): MandateState {
  if (row.ended_on !== null && row.ended_on <= date) return 'ended'
  if (row.starts_on > date) return 'upcoming'
  return row.ends_on < date ? 'expired' : 'active'
}

/** Post titles by version and post slug, for the few charter versions a page of mandates names. */
async function postTitles(db: Executor, rows: readonly Row[]): Promise<(row: Row) => string> {
  const titles = new Map<string, string>()
  for (const versionId of new Set(rows.map((row) => row.charter_version_id))) {
    const version = await findCharterVersion(db, versionId)
    for (const post of version?.document.rules.posts ?? [])
      titles.set(`${versionId}:${post.post}`, post.title)
  }
  return (row) => titles.get(`${row.charter_version_id}:${row.post}`) ?? row.post
}

function present(row: Row, asOf: string, titleOf: (row: Row) => string): MandateSummary {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.full_name,
    bodyId: row.body_id,
    bodyName: row.body_name,
    bodyPath: row.body_path,
    post: row.post,
    postTitle: titleOf(row),
    how: row.how,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    electionId: row.election_id,
    appointedBy:
      row.appointed_by_body_id === null
        ? null
        : { id: row.appointed_by_body_id, name: row.appointing_name ?? '' },
    justification: row.justification,
    ruleId: row.rule_id,
    charterVersionId: row.charter_version_id,
    firstMandate: row.first_mandate,
    state: stateOn(row, asOf),
  }
}

export const listBodyMandatesInputSchema = z.object({
  bodyId: z.number().int().positive(),
  /** The date states are judged on (the organisation's today). */
  asOf: isoDateSchema,
  /** Include mandates that ended on or before `asOf`. */
  includeEnded: z.boolean().default(false),
  limit: z.number().int().min(1).max(500),
  after: z.string().max(200).optional(),
})

/**
 * A body's mandates, newest first (by start, then id), one keyset page at a time. Ended ones
 * only when asked for. The body's rows come from the (body_id, post, starts_on) index and are
 * sorted: a body holds a few mandates per post per term, never enough to need an index of its own.
 */
export async function listBodyMandates(
  db: Executor,
  input: z.input<typeof listBodyMandatesInputSchema>,
): Promise<MandatePage> {
  const data = parseInput(listBodyMandatesInputSchema, input, 'mandate query')
  await getBody(db, data.bodyId)
  let query = baseQuery(db).where('mandates.body_id', '=', data.bodyId)
  if (!data.includeEnded) {
    query = query.where((eb) =>
      eb.or([eb('mandates.ended_on', 'is', null), eb('mandates.ended_on', '>', data.asOf)]),
    )
  }
  if (data.after) {
    const [startsOn, id] = decodeCursor(data.after, cursorShape)
    query = query.where(sql<boolean>`(mandates.starts_on, mandates.id) < (${startsOn}::date, ${id}::int8)`)
  }
  const rows = await query
    .orderBy('mandates.starts_on', 'desc')
    .orderBy('mandates.id', 'desc')
    .limit(data.limit + 1)
    .execute()
  const items = rows.slice(0, data.limit)
  const last = items[items.length - 1]
  const titleOf = await postTitles(db, items)
  return {
    items: items.map((row) => present(row, data.asOf, titleOf)),
    nextCursor: rows.length > data.limit && last ? encodeCursor([last.starts_on, last.id]) : null,
  }
}

/** Most mandates one member's list returns; a lifetime of posts stays far below it. */
export const MEMBER_MANDATES_LIMIT = 1000

/** Every mandate of one member, ended ones included, newest first. */
export async function listMemberMandates(
  db: Executor,
  input: { memberId: number; asOf: string },
): Promise<readonly MandateSummary[]> {
  const asOf = parseInput(isoDateSchema, input.asOf, 'date')
  const rows = await baseQuery(db)
    .where('mandates.member_id', '=', input.memberId)
    .orderBy('mandates.starts_on', 'desc')
    .orderBy('mandates.id', 'desc')
    .limit(MEMBER_MANDATES_LIMIT)
    .execute()
  const titleOf = await postTitles(db, rows)
  return rows.map((row) => present(row, asOf, titleOf))
}
