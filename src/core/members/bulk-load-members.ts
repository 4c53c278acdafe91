import { type Kysely, sql } from 'kysely'
import type { CopyIn, Database } from '../../db/client.ts'
import type { DB } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { readLevels } from '../orgs/organisation-settings.ts'
import type { Actor } from '../shared/actor.ts'
import type { Clock } from '../shared/clock.ts'
import { AppError } from '../shared/errors.ts'
import { csvField, pgTextArray } from './csv-format.ts'
import { MEMBER_CSV_COLUMNS } from './member-csv.ts'
import { dropMemberIndexes, shouldRebuildMemberIndexes } from './member-index-rebuild.ts'
import type { MemberCategory, MemberStatus } from './schemas.ts'

/** One member to load. Trusted shape (validate untrusted input first, as importMembersCsv does). */
export interface MemberRowInput {
  /** Source row number reported in errors (a CSV line number); defaults to the 1-based position. */
  readonly row?: number
  readonly card?: string | null
  readonly fullName: string
  readonly email?: string | null
  readonly phone?: string | null
  readonly unitId: number
  readonly joinedOn: string
  readonly category: MemberCategory
  readonly status: MemberStatus
  readonly statusSince?: string | null
  readonly fullMemberSince?: string | null
  readonly fieldsOfWork?: readonly string[]
}

/** Where a load is addressed: a body, its path and its region. */
export interface LoadScope {
  readonly bodyId: number
  readonly path: string
  readonly regionId: number | null
}

/** A rejected row: where (row, column) and why. Column is null for a whole-row problem. */
export interface RowError {
  readonly row: number
  readonly column: string | null
  readonly reason: string
}

export interface BulkLoadProgress {
  readonly phase: 'staging' | 'checking' | 'inserting' | 'indexing' | 'done'
  readonly rows: number
}

export interface BulkLoadOptions {
  readonly source: 'csv' | 'generate' | 'demo'
  readonly onProgress?: (progress: BulkLoadProgress) => void
  /**
   * Errors the caller found while producing the rows (e.g. CSV validation); called once the rows
   * are exhausted, and reported together with the database's own checks.
   */
  readonly upstreamErrors?: () => { readonly errors: readonly RowError[]; readonly errorCount: number }
  /**
   * The body the load is addressed to: rows naming a unit outside its subtree are rejected (so a
   * region's secretary cannot load members into another region by naming its units), and the
   * `members.imported` event is placed on it, so the import shows in that body's activity.
   */
  readonly scope?: LoadScope
}

export interface BulkLoadResult {
  readonly count: number
  readonly firstMemberId: number | null
  readonly lastMemberId: number | null
  readonly eventId: number
}

/** Errors listed in IMPORT_REJECTED details at most; errorCount stays exact. */
export const MAX_LISTED_ERRORS = 1000

/** The staging table's columns: the CSV's own (same names and order as stagingLine writes), numbered. */
const STAGING_COLUMNS = ['row_no', ...MEMBER_CSV_COLUMNS] as const

const ROWS_PER_CHUNK = 2_000
const CHUNKS_PER_COPY = 25

/**
 * Loads many members in one transaction that commits all or nothing (it opens its own
 * transaction because COPY needs a dedicated connection). See loadMembers for the checks.
 */
export async function bulkLoadMembers(
  database: Database,
  clock: Clock,
  actor: Actor,
  rows: AsyncIterable<MemberRowInput> | Iterable<MemberRowInput>,
  options: BulkLoadOptions,
): Promise<BulkLoadResult> {
  return database.bulkTransaction((trx, copyIn) => loadMembers(trx, copyIn, clock, actor, rows, options))
}

/**
 * Loads members inside a caller's bulk transaction (e.g. the demo, which creates its tree in the
 * same transaction). Rows stream into a temporary staging table by COPY; the checks (unit known,
 * a unit, active; card unique in the load and in the database) and the insert are set-based SQL,
 * with no per-row query. Any rejected row throws IMPORT_REJECTED listing the rows, so the
 * caller's transaction rolls back and nothing is written. Writes one `members.imported` event.
 */
export async function loadMembers(
  trx: Kysely<DB>,
  copyIn: CopyIn,
  clock: Clock,
  actor: Actor,
  rows: AsyncIterable<MemberRowInput> | Iterable<MemberRowInput>,
  options: BulkLoadOptions,
): Promise<BulkLoadResult> {
  const report = options.onProgress ?? (() => {})
  // Room for the hash aggregates and joins over millions of staged rows, this transaction only.
  await sql`set local work_mem = '256MB'`.execute(trx)
  // These statements run once over millions of rows; compiling them (JIT) only adds latency.
  await sql`set local jit = off`.execute(trx)
  await sql`drop table if exists member_staging`.execute(trx)
  await sql`
    create temp table member_staging (
      row_no int8 not null, card text, full_name text not null, email text, phone text,
      unit_id int8 not null, joined_on date not null, category text not null, status text not null,
      status_since date, full_member_since date, fields_of_work text[] not null
    ) on commit drop`.execute(trx)

  const staged = await stageRows(copyIn, rows, (count) => report({ phase: 'staging', rows: count }))
  report({ phase: 'checking', rows: staged })
  await sql`analyze member_staging`.execute(trx)
  const levels = await readLevels(trx)
  const { errors, errorCount } = await checkStaged(
    trx,
    levels[levels.length - 1] ?? '',
    options.scope?.path ?? '/',
    options.upstreamErrors?.() ?? { errors: [], errorCount: 0 },
  )
  if (errorCount > 0) {
    throw new AppError('IMPORT_REJECTED', `${errorCount} problem(s) in the rows; nothing was imported`, {
      errors,
      errorCount,
    })
  }

  report({ phase: 'inserting', rows: staged })
  const rebuild = (await shouldRebuildMemberIndexes(trx, staged)) ? await dropMemberIndexes(trx) : null
  const now = clock.now()
  // No ORDER BY: sorting two million wide rows spills to disk and costs more than it saves.
  const inserted = await sql<{ count: number; first: number | null; last: number | null }>`
    with inserted as (
      insert into members (region_id, unit_id, unit_path, card, full_name, email, phone, joined_on, category,
        status, status_since, full_member_since, fields_of_work, created_at, updated_at)
      select coalesce(b.region_id, b.id), s.unit_id, b.path, s.card, s.full_name, s.email, s.phone, s.joined_on,
        s.category, s.status, coalesce(s.status_since, s.joined_on),
        coalesce(s.full_member_since, case when s.status = 'full' then coalesce(s.status_since, s.joined_on) end),
        s.fields_of_work, ${now}, ${now}
      from member_staging s join bodies b on b.id = s.unit_id
      returning id
    )
    select count(*)::int8 as count, min(id) as first, max(id) as last from inserted`.execute(trx)
  if (rebuild) {
    report({ phase: 'indexing', rows: staged })
    await rebuild()
  }
  const summary = inserted.rows[0]
  const count = Number(summary?.count ?? 0)
  const firstMemberId = summary?.first ?? null
  const lastMemberId = summary?.last ?? null
  const eventId = await appendEvent(
    { db: trx, clock, actor },
    { type: 'members.imported', payload: { source: options.source, count, firstMemberId, lastMemberId } },
    options.scope
      ? {
          bodyId: options.scope.bodyId,
          regionId: options.scope.regionId,
          subject: { kind: 'body', id: options.scope.bodyId },
        }
      : {},
  )
  report({ phase: 'done', rows: count })
  return { count, firstMemberId, lastMemberId, eventId }
}

/**
 * Streams rows into member_staging in batches of CSV chunks. The next batch is built while the
 * previous COPY runs, so parsing and loading overlap; memory stays at about two batches.
 */
async function stageRows(
  copyIn: CopyIn,
  rows: AsyncIterable<MemberRowInput> | Iterable<MemberRowInput>,
  progress: (count: number) => void,
): Promise<number> {
  let position = 0
  let lines: string[] = []
  let chunks: string[] = []
  let pending: Promise<void> = Promise.resolve()
  const ship = async () => {
    if (lines.length > 0) chunks.push(lines.join(''))
    lines = []
    if (chunks.length === 0) return
    const batch = chunks
    chunks = []
    await pending
    progress(position)
    pending = copyIn('member_staging', STAGING_COLUMNS, batch)
    // Marks a failure as handled until it is awaited below, so Node does not abort on it.
    pending.catch(() => {})
  }
  try {
    for await (const row of rows) {
      position += 1
      lines.push(stagingLine(row, row.row ?? position))
      if (lines.length >= ROWS_PER_CHUNK) {
        chunks.push(lines.join(''))
        lines = []
        if (chunks.length >= CHUNKS_PER_COPY) await ship()
      }
    }
    await ship()
    await pending
  } finally {
    // Never leave a COPY running on the connection when the source fails.
    await pending.catch(() => {})
  }
  progress(position)
  return position
}

function stagingLine(row: MemberRowInput, rowNo: number): string {
  return `${rowNo},${csvField(row.card)},${csvField(row.fullName)},${csvField(row.email)},${csvField(row.phone)},${row.unitId},${row.joinedOn},${row.category},${row.status},${csvField(row.statusSince)},${csvField(row.fullMemberSince)},${csvField(pgTextArray(row.fieldsOfWork ?? []))}\n`
}

/** Set-based checks over the staged rows; at most MAX_LISTED_ERRORS listed, the count exact. */
async function checkStaged(
  trx: Kysely<DB>,
  unitLevel: string,
  scopePath: string,
  upstream: { readonly errors: readonly RowError[]; readonly errorCount: number },
): Promise<{ errors: RowError[]; errorCount: number }> {
  const limit = MAX_LISTED_ERRORS
  const units = await sql<{
    row_no: number
    unit_id: number
    level: string | null
    status: string | null
    in_scope: boolean | null
    total: number
  }>`
    select s.row_no, s.unit_id, b.level, b.status,
      starts_with(b.path, ${scopePath}) as in_scope, count(*) over () as total
    from member_staging s left join bodies b on b.id = s.unit_id
    where b.id is null or b.level <> ${unitLevel} or b.status <> 'active'
      or not starts_with(b.path, ${scopePath})
    order by s.row_no limit ${limit}`.execute(trx)
  const duplicates = await sql<{ row_no: number; card: string; first_row: number; total: number }>`
    with repeated as (
      select card, min(row_no) as first_row from member_staging where card is not null
      group by card having count(*) > 1
    )
    select s.row_no, s.card, r.first_row, count(*) over () as total
    from member_staging s join repeated r on r.card = s.card
    where s.row_no <> r.first_row
    order by s.row_no limit ${limit}`.execute(trx)
  const taken = await sql<{ row_no: number; card: string; member_id: number; total: number }>`
    select s.row_no, s.card, m.id as member_id, count(*) over () as total
    from member_staging s join members m on m.card = s.card
    order by s.row_no limit ${limit}`.execute(trx)

  const errors: RowError[] = [
    ...upstream.errors,
    ...units.rows.map((r) => ({
      row: Number(r.row_no),
      column: 'unit_id',
      reason:
        r.level === null
          ? `unknown unit ${r.unit_id}`
          : r.in_scope === false
            ? `unit ${r.unit_id} is not inside the body this import is addressed to`
            : r.level !== unitLevel
              ? `body ${r.unit_id} is a ${r.level}, not a unit`
              : `unit ${r.unit_id} is dissolved`,
    })),
    ...duplicates.rows.map((r) => ({
      row: Number(r.row_no),
      column: 'card',
      reason: `card ${r.card} also appears in row ${r.first_row}`,
    })),
    ...taken.rows.map((r) => ({
      row: Number(r.row_no),
      column: 'card',
      reason: `card ${r.card} is already held by member ${r.member_id}`,
    })),
  ]
  const total = (rows: readonly { total: number }[]) => Number(rows[0]?.total ?? 0)
  const errorCount = upstream.errorCount + total(units.rows) + total(duplicates.rows) + total(taken.rows)
  errors.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''))
  return { errors: errors.slice(0, limit), errorCount }
}
