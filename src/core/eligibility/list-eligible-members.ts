import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { postRuleAtLevel, standingRulesFor, votingRights } from '../charter/charter-rules.ts'
import type { StandingRule } from '../charter/document-schema.ts'
import { regionOfPath } from '../members/list-members.ts'
import {
  decodeCursor,
  encodeCursor,
  isoDateSchema,
  type MemberCategory,
  type MemberStatus,
  parseInput,
} from '../members/schemas.ts'
import { bodyNames } from '../orgs/body-names.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import { monthsBefore } from '../shared/clock.ts'
import { AppError } from '../shared/errors.ts'
import { minimumMonths } from './standing.ts'

export const listEligibleMembersInputSchema = z.object({
  post: z.string().trim().min(1).max(60),
  bodyId: z.number().int().positive(),
  /** YYYY-MM-DD: the rules in force on this date, and standing measured on it. */
  date: isoDateSchema,
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(1000),
})

export type ListEligibleMembersInput = z.input<typeof listEligibleMembersInputSchema>

/** One member who may hold the post, with what their standing is counted from. */
export interface EligibleMember {
  readonly memberId: number
  readonly fullName: string
  readonly unitId: number
  readonly unitName: string
  readonly joinedOn: string
  readonly fullMemberSince: string | null
  readonly status: MemberStatus
  readonly category: MemberCategory
}

/** A page of eligible members, longest standing first, with the rules that were applied. */
export interface EligibleMembersPage {
  readonly items: readonly EligibleMember[]
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null
  readonly post: string
  readonly bodyId: number
  readonly date: string
  readonly charterVersionId: number
  /** What standing is sorted by: the join date, or the date full membership began. */
  readonly sortedBy: 'joinedOn' | 'fullMemberSince'
  readonly rules: readonly { readonly ruleId: string; readonly text: string }[]
}

const cursorShape = z.tuple([isoDateSchema, z.number().int()])

/**
 * The statuses that may stand, as of `date`, read from the current row. A member whose row says
 * `full` but whose full membership began after the date was still a candidate then (as statusOn
 * reads it for members without history).
 */
function standsOn(stand: readonly MemberStatus[], date: string): RawBuilder<boolean> {
  const parts = stand.map((status) => {
    if (status === 'full') return sql`(status = 'full' and full_member_since <= ${date})`
    if (status === 'candidate')
      return sql`(status = 'candidate' or (status = 'full' and full_member_since > ${date}))`
    return sql`status = ${status}`
  })
  return sql<boolean>`(${sql.join(parts, sql` or `)})`
}

/** One standing rule as a condition on the member row (same cutoffs as evaluateEligibility). */
function meetsStanding(rule: StandingRule, date: string): RawBuilder<boolean> {
  const minimum = rule.minimum
  if ('joinedBefore' in minimum) return sql<boolean>`joined_on < ${minimum.joinedBefore}`
  const months = minimumMonths(minimum)
  const cutoff = monthsBefore(date, months)
  switch (minimum.of) {
    case 'membership':
      return sql<boolean>`joined_on <= ${cutoff}`
    case 'full-membership':
      return sql<boolean>`(status = 'full' and full_member_since <= ${cutoff})`
    case 'paid-dues':
      // One primary-key range probe per candidate row; the walk stops after a page, so the
      // probes stay bounded by how far it had to read, not by the size of the scope.
      return sql<boolean>`(
        select count(*) from dues_payments d
        where d.member_id = members.id and d.month <= ${date} and d.paid_on <= ${date}
      ) >= ${months}`
  }
}

/**
 * Every member within the body's scope who may hold the post on `date` by the charter then in
 * force, longest standing first (join date, or full membership for a full-membership rule), one
 * keyset page at a time. The rules become one SQL query that walks a members index in standing
 * order and stops after `limit + 1` rows: (region_id, joined_on, id) for a region-sized scope,
 * (joined_on, id) from the root, and a range of (unit_path, joined_on, id) for small scopes.
 *
 * Where it approximates checkEligibility: the list reads the member's *current* status (with
 * `full_member_since` standing in for the promotion date), while checkEligibility reads the
 * status on the date from the dated history. For dates on or after the latest status change
 * (today, as the API and CLI default to) the two agree; a suspension, a leaving or a
 * readmission dated after `date` can make a past-dated list differ from checkEligibility, which
 * remains the authority for a single member. Both place the member in their current unit.
 */
export async function listEligibleMembers(
  db: Executor,
  input: ListEligibleMembersInput,
): Promise<EligibleMembersPage> {
  const data = parseInput(listEligibleMembersInputSchema, input, 'eligible-members query')
  const [charter, body] = await Promise.all([charterInForce(db, data.date), getBody(db, data.bodyId)])
  if (body.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is dissolved`, { bodyId: body.id })
  }
  const document = charter.document
  const post = postRuleAtLevel(document, data.post, body.level)
  const rights = votingRights(document)
  const standing = standingRulesFor(document, post.post)
  const byFullMembership = standing.some(
    (rule) => 'of' in rule.minimum && rule.minimum.of === 'full-membership',
  )
  const sortColumn = byFullMembership ? 'full_member_since' : 'joined_on'

  let query = db
    .selectFrom('members')
    .select(['id', 'full_name', 'unit_id', 'joined_on', 'full_member_since', 'status', 'category'])
    .where(inSubtree('unit_path', body.path))
    .where('joined_on', '<=', data.date)
  // Below the root, the region is known from the path: lets the planner walk the region's index.
  const regionId = regionOfPath(body.path)
  if (regionId !== null) query = query.where('region_id', '=', regionId)
  if (rights) query = query.where(standsOn(rights.stand, data.date))
  for (const rule of standing) query = query.where(meetsStanding(rule, data.date))
  if (data.cursor) {
    const [key, id] = decodeCursor(data.cursor, cursorShape)
    query = query.where(sql<boolean>`(${sql.ref(sortColumn)}, id) > (${key}::date, ${id}::int8)`)
  }
  const rows = await query
    .orderBy(sortColumn)
    .orderBy('id')
    .limit(data.limit + 1)
    .execute()
  const page = rows.slice(0, data.limit)
  const names = await bodyNames(
    db,
    page.map((row) => row.unit_id),
  )
  const last = page[page.length - 1]
  const lastKey = last ? (byFullMembership ? last.full_member_since : last.joined_on) : null
  return {
    items: page.map((row) => ({
      memberId: row.id,
      fullName: row.full_name,
      unitId: row.unit_id,
      unitName: names.get(row.unit_id) ?? '',
      joinedOn: row.joined_on,
      fullMemberSince: row.full_member_since,
      status: row.status,
      category: row.category,
    })),
    nextCursor: rows.length > data.limit && last && lastKey ? encodeCursor([lastKey, last.id]) : null,
    post: post.post,
    bodyId: body.id,
    date: data.date,
    charterVersionId: charter.versionId,
    sortedBy: byFullMembership ? 'fullMemberSince' : 'joinedOn',
    rules: [post, ...(rights ? [rights] : []), ...standing].map((rule) => ({
      ruleId: rule.id,
      text: rule.text,
    })),
  }
}
