import { type RawBuilder, sql } from 'kysely'
import { charterInForce } from '../charter/charter-in-force.ts'
import { votingRights } from '../charter/charter-rules.ts'
import { deliberationRules, quorumFor } from '../deliberation/deliberation-rules.ts'
import { appendEvent } from '../events/append-event.ts'
import { isUnitLevel } from '../orgs/tree.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { DEMO_REGIONS } from './demo-tree.ts'
import type { SeededRandom } from './random.ts'

/**
 * The demo's meeting books: the general meetings of the units and the sittings of the region and
 * district committees over the autumn of 1923, entered as held. The charter's `meetings` rules
 * (a unit every 14 days, a committee every 30) make a body that held none in its window
 * "inactive"; the report's picture is that most organisations meet and the backward border ones
 * often do not, so the share that met within the window differs by region. Every body has met at
 * some time: one with no meeting on record is judged only from its entry in Charter plus its
 * interval (`unit.inactive`), and the demo's bodies are entered on the demo's day, so a body that
 * never met would show nothing for two weeks. The bodies that did not meet in their window lapsed
 * instead, their last meeting one and a half to four windows back.
 */

/** Share of bodies whose last meeting falls within the charter's window, by kind of region. */
const MET_SHARE = {
  central: { unit: 0.9, committee: 0.95 },
  border: { unit: 0.55, committee: 0.7 },
} as const
/** Earlier meetings kept in the book before the last one (up to this many). */
const EARLIER_MEETINGS = 3
const INSERT_BATCH = 1_000
const DAY = 86_400_000

export interface DemoMeetingsSummary {
  /** Meetings entered as held. */
  readonly held: number
  /** Bodies the charter expects to meet (units, district and region committees). */
  readonly bodies: number
  /** Of them, those whose last meeting lies within their window on the present day. */
  readonly metInWindow: number
}

interface Expected {
  readonly id: number
  readonly regionId: number
  readonly unit: boolean
  readonly border: boolean
  readonly everyDays: number
  readonly deciding: number
  readonly quorum: number
  readonly quorumRuleId: string | null
}

/** A meeting on `daysAgo` days before the present: units meet in the evening, committees by day. */
function sitting(present: Date, daysAgo: number, unit: boolean): { startsAt: Date; endsAt: Date } {
  const day = Date.parse(`${toIsoDate(present)}T00:00:00Z`) - daysAgo * DAY
  const startsAt = new Date(day + (unit ? 18 : 10) * 3_600_000)
  return { startsAt, endsAt: new Date(startsAt.getTime() + (unit ? 2 : 3) * 3_600_000) }
}

/**
 * Enters the held meetings in bulk (the use cases schedule one meeting and record its attendance
 * and minutes one by one, three events each; a few thousand past meetings are one `meetings.recorded`
 * event instead). Attendance is a count at or above the quorum of the body's deciding members
 * (as deciding-members.ts reads them: a unit's voting members, a committee's post holders), and
 * the attendance list names that many of them, drawn in one statement for every meeting. The roll
 * drawn from is today's, not the one of the meeting's date: the demo's members and mandates of
 * the autumn are nearly today's, and the books only need to agree with their counts. Seeded: the
 * draw orders each roll by a hash of the meeting's and the member's ids.
 */
export async function createDemoMeetings(
  ctx: UseCaseContext,
  random: SeededRandom,
  regionKeys: ReadonlyMap<number, string>,
): Promise<DemoMeetingsSummary> {
  const present = ctx.clock.now()
  const today = toIsoDate(present)
  const { document } = await charterInForce(ctx.db, today)
  const border = new Set(DEMO_REGIONS.filter((region) => region.border).map((region) => region.key))
  const voters = votingRights(document)?.vote ?? ['full']
  const unitLevels = document.levels.filter((level) => isUnitLevel(document.levels, level))
  // The roll a meeting's attendance is drawn from (its body joined as `b`): a unit's voting
  // members, a committee's holders, as deciding-members.ts reads them.
  const roll = (body: RawBuilder<unknown>) => sql`(
    select p.id as member_id from members p
    where b.level = any(${unitLevels}::text[]) and p.unit_id = ${body} and p.status = any(${sql.val(voters)}::text[])
    union all
    select distinct h.member_id from mandates h
    where b.level <> all(${unitLevels}::text[]) and h.body_id = ${body}
      and h.starts_on <= ${today} and (h.ended_on is null or h.ended_on > ${today}))`
  // Deciding members now, per body: one pass over members and one over mandates.
  const { rows } = await sql<{ id: number; level: string; region_id: number; deciding: number }>`
    select b.id, b.level, b.region_id,
      (case when b.level = any(${unitLevels}::text[]) then coalesce(m.n, 0) else coalesce(h.n, 0) end)::int
        as deciding
    from bodies b
    left join (select unit_id, count(*) as n from members
               where status = any(${sql.val(voters)}::text[]) group by unit_id) m on m.unit_id = b.id
    left join (select body_id, count(distinct member_id) as n from mandates
               where starts_on <= ${today} and (ended_on is null or ended_on > ${today})
               group by body_id) h on h.body_id = b.id
    where b.status = 'active' and b.depth > 0
    order by b.id`.execute(ctx.db)
  const expected: Expected[] = rows.flatMap((row) => {
    const rules = deliberationRules(document, row.level)
    if (!rules.meetings || row.deciding === 0) return []
    return [
      {
        id: Number(row.id),
        regionId: Number(row.region_id),
        unit: isUnitLevel(document.levels, row.level),
        border: border.has(regionKeys.get(Number(row.region_id)) ?? ''),
        everyDays: rules.meetings.everyDays,
        deciding: row.deciding,
        quorum: quorumFor(rules.quorum?.share ?? 0, row.deciding),
        quorumRuleId: rules.quorum?.id ?? null,
      },
    ]
  })
  const meetings = []
  let metInWindow = 0
  for (const body of expected) {
    const share = MET_SHARE[body.border ? 'border' : 'central'][body.unit ? 'unit' : 'committee']
    let daysAgo: number
    if (random.next() < share) {
      daysAgo = random.int(1, body.everyDays - 1)
      metInWindow++
    } else {
      // Lapsed: the last meeting was one and a half to four windows ago.
      daysAgo = Math.round(body.everyDays * (1.5 + 2.5 * random.next()))
    }
    const earlier = random.int(1, EARLIER_MEETINGS)
    for (let n = 0; n <= earlier; n++) {
      const { startsAt, endsAt } = sitting(present, daysAgo, body.unit)
      meetings.push({
        region_id: body.regionId,
        body_id: body.id,
        title: body.unit ? 'General meeting' : 'Meeting of the committee',
        starts_at: startsAt,
        ends_at: endsAt,
        state: 'held' as const,
        minutes: body.unit ? 'General meeting.' : 'Meeting of the committee.',
        deciding_members: body.deciding,
        quorum_required: body.quorum,
        present_count: random.int(Math.min(body.quorum, body.deciding), body.deciding),
        quorum_rule_id: body.quorumRuleId,
        created_at: endsAt,
      })
      // The meeting before: a window earlier, give or take (units kept to it better than that).
      daysAgo += Math.round(body.everyDays * (0.7 + 0.6 * random.next()))
    }
  }
  const ids: number[] = []
  for (let start = 0; start < meetings.length; start += INSERT_BATCH) {
    const inserted = await ctx.db
      .insertInto('meetings')
      .values(meetings.slice(start, start + INSERT_BATCH))
      .returning('id')
      .execute()
    ids.push(...inserted.map((row) => row.id))
  }
  if (ids.length > 0) {
    const [first, last] = [Math.min(...ids), Math.max(...ids)]
    // Who came: `present_count` of the roll, drawn for every meeting in one statement.
    await sql`
      insert into meeting_attendance (meeting_id, member_id, region_id)
      select mt.id, drawn.member_id, mt.region_id
      from meetings mt
      join bodies b on b.id = mt.body_id
      cross join lateral (
        select r.member_id from ${roll(sql`mt.body_id`)} r
        order by md5(mt.id::text || ':' || r.member_id::text)
        limit mt.present_count
      ) drawn
      where mt.id between ${first} and ${last}`.execute(ctx.db)
    const times = meetings.map((meeting) => meeting.starts_at.getTime())
    const central = await ctx.db
      .selectFrom('bodies')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow()
    await appendEvent(
      ctx,
      {
        type: 'meetings.recorded',
        payload: {
          source: 'demo',
          count: ids.length,
          firstMeetingId: first,
          lastMeetingId: last,
          from: toIsoDate(new Date(Math.min(...times))),
          to: toIsoDate(new Date(Math.max(...times))),
        },
      },
      { bodyId: central.id },
    )
  }
  return { held: meetings.length, bodies: expected.length, metInWindow }
}
