import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import { electionRuleFor } from '../charter/charter-rules.ts'
import type { CharterDocument } from '../charter/document-schema.ts'
import { daysAfter } from '../shared/clock.ts'
import { groupSql, type RollupGrouping } from './audit-rollup.ts'
import { bodyActiveAt } from './audit-scope.ts'

/** The window of the period ratios: the 365 days up to and including the audit's date. */
const RATIO_WINDOW_DAYS = 365

/** One elective post's mandates held on the date: how many by election, how many by appointment. */
export interface PostRatio {
  readonly post: string
  readonly title: string
  readonly level: string
  readonly elected: number
  readonly appointed: number
  readonly total: number
  /** elected / total, 4 decimals; null when nobody holds the post. */
  readonly share: number | null
}

/** Share of elective posts filled by election, overall and per post (posts with holders only). */
export interface ElectedPostsRatio {
  readonly elected: number
  readonly appointed: number
  readonly total: number
  readonly share: number | null
  readonly posts: readonly PostRatio[]
}

/** Decisions on major questions in the window, by how they were reached. */
export interface DiscussedDecisionsRatio {
  readonly from: string
  readonly to: string
  readonly total: number
  /** The discussion ran its course before the decision (whatever else applied). */
  readonly afterDiscussion: number
  /** Without a completed discussion, under an exception the charter allows: urgent + confidential. */
  readonly byException: number
  readonly urgent: number
  readonly confidential: number
  /** Without a completed discussion and without an exception. */
  readonly withoutDiscussion: number
  /** afterDiscussion / total, 4 decimals; null when no major question was decided. */
  readonly share: number | null
}

/** How long workers waited from application to admission as candidates, for admissions in the window. */
export interface AdmissionTime {
  readonly from: string
  readonly to: string
  /** Worker applications decided (applicant → candidate) in the window. */
  readonly decided: number
  /** Median days from application to decision; null when none was decided. */
  readonly medianDays: number | null
}

/** A measure whose data Charter does not hold yet. */
export interface NotMeasured {
  readonly value: null
  readonly notMeasured: string
}

/** The ratios measured from the data, per group. */
export interface MeasuredRatios {
  readonly electedPosts: ElectedPostsRatio
  readonly discussedDecisions: DiscussedDecisionsRatio
  readonly workerAdmission: AdmissionTime
}

/** Every group's ratios (child or ancestor id), and the whole subtree's (children grouping only). */
export interface GroupedRatios {
  readonly whole: MeasuredRatios
  readonly byGroup: ReadonlyMap<number, MeasuredRatios>
}

/** The ratios of a group with no data at all (a child with no holders, decisions or admissions). */
export function noRatios(asOf: string): MeasuredRatios {
  const from = daysAfter(asOf, -(RATIO_WINDOW_DAYS - 1))
  return {
    electedPosts: electedPosts([], []),
    discussedDecisions: discussedDecisions(from, asOf, []),
    workerAdmission: { from, to: asOf, decided: 0, medianDays: null },
  }
}

function share(part: number, total: number): number | null {
  return total === 0 ? null : Math.round((part / total) * 10_000) / 10_000
}

function electedPosts(
  posts: readonly { post: string; title: string; level: string }[],
  rows: readonly { post: string; elected: number; appointed: number }[],
): ElectedPostsRatio {
  const perPost = posts.flatMap((definition): PostRatio[] => {
    const mine = rows.filter((row) => row.post === definition.post)
    const elected = mine.reduce((sum, row) => sum + row.elected, 0)
    const appointed = mine.reduce((sum, row) => sum + row.appointed, 0)
    const total = elected + appointed
    return total === 0 ? [] : [{ ...definition, elected, appointed, total, share: share(elected, total) }]
  })
  const elected = perPost.reduce((sum, post) => sum + post.elected, 0)
  const appointed = perPost.reduce((sum, post) => sum + post.appointed, 0)
  return {
    elected,
    appointed,
    total: elected + appointed,
    share: share(elected, elected + appointed),
    posts: perPost,
  }
}

interface DecisionRow {
  g: number | null
  total: number
  after: number
  urgent: number
  confidential: number
  without: number
}

function discussedDecisions(from: string, to: string, rows: readonly DecisionRow[]): DiscussedDecisionsRatio {
  const sum = (key: keyof Omit<DecisionRow, 'g'>) => rows.reduce((acc, row) => acc + Number(row[key]), 0)
  const total = sum('total')
  const afterDiscussion = sum('after')
  const urgent = sum('urgent')
  const confidential = sum('confidential')
  return {
    from,
    to,
    total,
    afterDiscussion,
    byException: urgent + confidential,
    urgent,
    confidential,
    withoutDiscussion: sum('without'),
    share: share(afterDiscussion, total),
  }
}

/**
 * The measured ratios as of a date, grouped (see RollupGrouping), each one set-based query:
 * - elected posts: mandates held on the date (started, not ended; an elected one within its term,
 *   an appointment even past its expiry, as the body's post listing shows them) on posts the
 *   charter in force makes elective, in bodies active then;
 * - decisions on major questions taken in the window, by how they were reached;
 * - worker admissions decided in the window (the status history's applicant → candidate change,
 *   placed on the member's unit at the time), timed from the application: the latest readmission
 *   (left → applicant) before it, or else the registered join date, which is when a member
 *   registered as an applicant applied (the registry defaults the status date to it, and nothing
 *   moves it later). The member's category is the current one (the registry keeps no history of it).
 */
export async function measureRatios(
  db: Executor,
  input: {
    readonly asOf: string
    readonly asOfEnd: Date
    readonly charter: CharterDocument | null
    readonly grouping: RollupGrouping
  },
): Promise<GroupedRatios> {
  const { asOf, asOfEnd, grouping } = input
  const from = daysAfter(asOf, -(RATIO_WINDOW_DAYS - 1))
  const document = input.charter
  const posts = document
    ? document.rules.posts
        .filter((rule) => electionRuleFor(document, rule.post) !== null)
        .map((rule) => ({ post: rule.post, title: rule.title, level: rule.level }))
    : []

  const mg = groupSql(grouping, 'b.path')
  const postRows =
    posts.length === 0
      ? []
      : (
          await sql<{ g: number | null; post: string; elected: number; appointed: number }>`
            select g, post,
              count(*) filter (where how = 'elected')::int as elected,
              count(*) filter (where how = 'appointed')::int as appointed
            from (
              select ${mg.key} as g, m.post, m.how
              from mandates m join bodies b on b.id = m.body_id ${mg.join}
              where ${mg.where} and ${bodyActiveAt(asOfEnd, 'b')}
                and m.post = any(${sql.val(posts.map((p) => p.post))}::text[])
                and m.starts_on <= ${asOf} and (m.ended_on is null or m.ended_on > ${asOf})
                and (m.ends_on >= ${asOf} or m.how = 'appointed')
            ) f
            group by g, post`.execute(db)
        ).rows

  const dg = groupSql(grouping, 'b.path')
  const windowStart = new Date(`${from}T00:00:00.000Z`)
  const { rows: decisionRows } = await sql<DecisionRow>`
    select g, count(*)::int as total,
      count(*) filter (where done)::int as after,
      count(*) filter (where not done and exception = 'urgent')::int as urgent,
      count(*) filter (where not done and exception = 'confidential')::int as confidential,
      count(*) filter (where not done and exception is null)::int as without
    from (
      select ${dg.key} as g, d.discussion_completed as done, d.exception
      from decisions d
        join questions q on q.id = d.question_id
        join bodies b on b.id = d.body_id ${dg.join}
      where ${dg.where} and q.major and d.decided_at >= ${windowStart} and d.decided_at < ${asOfEnd}
    ) f
    group by g`.execute(db)

  const ag = groupSql(grouping, 'b.path')
  const { rows: admissionRows } = await sql<{
    g: number | null
    whole: boolean
    decided: number
    median: number | null
  }>`
    select g, ${grouping.kind === 'children' ? sql`grouping(g) = 1` : sql`false`} as whole,
      count(*)::int as decided,
      percentile_cont(0.5) within group (order by days) as median
    from (
      select ${ag.key} as g, greatest(0, c.on_date - coalesce(prev.on_date, m.joined_on)) as days
      from member_status_changes c
        join members m on m.id = c.member_id
        join events e on e.id = c.event_id
        join bodies b on b.id = e.body_id ${ag.join}
        cross join lateral (
          select max(p.on_date) as on_date from member_status_changes p
          where p.member_id = c.member_id and p.to_status = 'applicant' and p.on_date <= c.on_date and p.id < c.id
        ) prev
      where ${ag.where} and c.from_status = 'applicant' and c.to_status = 'candidate'
        and m.category = 'worker' and c.on_date >= ${from} and c.on_date <= ${asOf}
    ) f
    group by ${grouping.kind === 'children' ? sql`grouping sets ((g), ())` : sql`g`}`.execute(db)

  const admission = (row: { decided: number; median: number | null } | undefined): AdmissionTime => ({
    from,
    to: asOf,
    decided: Number(row?.decided ?? 0),
    medianDays: row?.median === null || row?.median === undefined ? null : Number(row.median),
  })
  // Rows bucketed by group once: thousands of groups must not each scan every row.
  const bucket = <R extends { g: number | null }>(rows: readonly R[]) => {
    const byGroup = new Map<number | null, R[]>()
    for (const row of rows) {
      const g = row.g === null ? null : Number(row.g)
      const list = byGroup.get(g)
      if (list) list.push(row)
      else byGroup.set(g, [row])
    }
    return byGroup
  }
  const postsBy = bucket(postRows)
  const decisionsBy = bucket(decisionRows)
  const admissionsBy = bucket(admissionRows.filter((row) => !row.whole))
  const measure = (
    postPart: readonly { post: string; elected: number; appointed: number }[],
    decisionPart: readonly DecisionRow[],
    admissionRow: { decided: number; median: number | null } | undefined,
  ): MeasuredRatios => ({
    electedPosts: electedPosts(posts, postPart),
    discussedDecisions: discussedDecisions(from, asOf, decisionPart),
    workerAdmission: admission(admissionRow),
  })
  const groups = new Set<number>()
  for (const g of [...postsBy.keys(), ...decisionsBy.keys(), ...admissionsBy.keys()]) {
    if (g !== null) groups.add(g)
  }
  return {
    // The whole subtree: additive counts summed over every group, the median from its own row.
    whole:
      grouping.kind === 'children'
        ? measure(
            postRows,
            decisionRows,
            admissionRows.find((row) => row.whole),
          )
        : noRatios(asOf),
    byGroup: new Map(
      [...groups].map((g) => [
        g,
        measure(postsBy.get(g) ?? [], decisionsBy.get(g) ?? [], admissionsBy.get(g)?.[0]),
      ]),
    ),
  }
}
