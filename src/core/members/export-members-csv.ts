import { stringify } from 'csv-stringify/sync'
import { sql } from 'kysely'
import { appendEvent } from '../events/append-event.ts'
import { getBody } from '../orgs/get-body.ts'
import { bodyRegion, inSubtree } from '../orgs/tree.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { regionOfPath } from './list-members.ts'
import { FIELDS_SEPARATOR, MEMBER_CSV_COLUMNS } from './member-csv.ts'

const PAGE_SIZE = 5_000

/**
 * Exports the members of a subtree as CSV text chunks: the header, then one chunk per page.
 * Exporting personal data is itself recorded: `members.exported` is written (with the count) in
 * `ctx.db` before the first chunk, so an export that is started is on the log even if the reader
 * stops early. Pages follow the (unit_path, joined_on, id) index by keyset, never OFFSET.
 * Run it on the database itself (not a transaction that ends before the iteration does).
 */
export async function* exportMembersCsv(
  ctx: UseCaseContext,
  input: { scopeBodyId: number; pageSize?: number },
): AsyncGenerator<string> {
  const pageSize = Math.min(Math.max(input.pageSize ?? PAGE_SIZE, 1), 50_000)
  const scope = await getBody(ctx.db, input.scopeBodyId)
  const regionId = regionOfPath(scope.path)
  let base = ctx.db.selectFrom('members').where(inSubtree('unit_path', scope.path))
  if (regionId !== null) base = base.where('region_id', '=', regionId)

  const counted = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst()
  await appendEvent(
    ctx,
    {
      type: 'members.exported',
      payload: { scopeBodyId: scope.id, count: Number(counted?.count ?? 0), format: 'csv' },
    },
    { bodyId: scope.id, regionId: bodyRegion(scope), subject: { kind: 'body', id: scope.id } },
  )

  yield stringify([['id', ...MEMBER_CSV_COLUMNS]])
  let after: { path: string; joinedOn: string; id: number } | null = null
  for (;;) {
    // The CSV's columns are the members table's own column names.
    let page = base.select(['id', 'unit_path', ...MEMBER_CSV_COLUMNS])
    if (after) {
      page = page.where(
        sql<boolean>`(unit_path collate "C", joined_on, id) > (${after.path}, ${after.joinedOn}::date, ${after.id}::int8)`,
      )
    }
    const rows = await page
      .orderBy(sql`unit_path collate "C"`)
      .orderBy('joined_on')
      .orderBy('id')
      .limit(pageSize)
      .execute()
    if (rows.length === 0) return
    yield stringify(
      rows.map((m) => [
        m.id,
        m.card ?? '',
        m.full_name,
        m.email ?? '',
        m.phone ?? '',
        m.unit_id,
        m.joined_on,
        m.category,
        m.status,
        m.status_since,
        m.full_member_since ?? '',
        m.fields_of_work.join(FIELDS_SEPARATOR),
      ]),
    )
    const last = rows[rows.length - 1]
    if (!last || rows.length < pageSize) return
    after = { path: last.unit_path, joinedOn: last.joined_on, id: last.id }
  }
}
