import { sql } from 'kysely'
import { electionRuleFor } from '../../charter/charter-rules.ts'
import type { PostRule } from '../../charter/document-schema.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { electionCallsSince, evidenceIds, valuesTable } from './check-sql.ts'

interface Row {
  id: number
  body_id: number
  body_name: string
  post: string
  how: 'elected' | 'appointed'
  ends_on: string
  ended_on: string | null
  due_on: string
  rule_id: string
  evidence: (number | string)[] | null
}

/** The post's title as a message reads it mid-sentence ("the unit secretary of …"). */
function titleOf(post: PostRule | undefined, fallback: string): string {
  return post ? post.title.charAt(0).toLowerCase() + post.title.slice(1) : fallback
}

/** How the holder's time in the post ran out, opening the message. */
function lapse(row: Row, title: string): string {
  if (row.how === 'elected') return `The term of the ${title} of ${row.body_name} ended on ${row.ends_on}`
  const of = `The appointment of the ${title} of ${row.body_name}`
  return row.ended_on !== null && row.ended_on > row.ends_on
    ? `${of} expired on ${row.ends_on} (the appointee left on ${row.ended_on})`
    : `${of} ended on ${row.ended_on}`
}

/**
 * `election.overdue` reads the `posts` family: each post is held for `termMonths`, after which the
 * body elects again. A violation, when nothing has followed the last holder:
 * - an elected mandate whose term ended before the audit's date, from the day after its planned
 *   end (a mandate ended early, resigned or recalled, counts by that end: the seat may stay
 *   vacant until the term would have run out, no longer);
 * - an appointment to a post the charter in force makes elective (`electionRuleFor`) that ended
 *   by the date (term ended, resigned, recalled; `replaced` means an election replaced it), from
 *   the earlier of the day it ended and the day after its expiry: the post is vacant and only an
 *   election fills it as the charter asks. An appointment still held past its expiry is
 *   `post.appointed`'s finding, not this one's.
 * "Nothing has followed" means no mandate of the same body and post began after it (by the date),
 * elected or appointed (an appointment in its place is `post.appointed`'s finding), and no
 * election of the body with a contest for the post called after it began is still pending at the
 * end of the date (`electionCallsSince`): a call in progress is the repair under way, while one
 * cancelled, or closed without producing a successor, leaves the post as overdue as before.
 *
 * Posts never filled are not judged: there is no mandate to date the duty from, nor to name as
 * the finding's subject; the report lists a body's vacant posts, the audit does not. Dissolved
 * bodies (by the date) owe no election. A post with several seats is judged per mandate, and
 * seats are not recorded per mandate, so a successor is told from a seat-mate by its date: for
 * one seat, any later mandate of the post follows it; for several, only one begun once its
 * holder's time ran out (the earlier of its end and its planned end), since the mandates begun
 * while it was held sat in the other seats. One seat refilled then leaves another seat's overdue
 * term a finding. (Two seats falling vacant before either is refilled: each refill follows both,
 * so one refill hides the other vacancy; the report's count of holders against seats shows it.)
 *
 * One query over lapsed mandates, with two anti-joins served by
 * `mandates_body_post (body_id, post, starts_on)` and `elections_body` + the contests' unique
 * `(election_id, post)`; evidence is the mandate's events (`events_subject`).
 */
export const electionOverdueCheck: AuditCheck = {
  kind: 'election.overdue',
  family: 'posts',
  title: 'Election overdue',
  triggers: [
    'mandate.appointed',
    'mandate.elected',
    'mandate.ended',
    'election.called',
    'election.cancelled',
    'election.closed',
  ],
  // Mandate and election events are placed on the body whose post they concern: the default.
  async find(db, input) {
    const document = input.charter.document
    const posts = document.rules.posts
    if (posts.length === 0) return []
    const rules = valuesTable(
      'r',
      [
        ['post', 'text'],
        ['rule_id', 'text'],
        ['elective', 'int'],
        ['seats', 'int'],
      ],
      posts.map((post) => [post.post, post.id, electionRuleFor(document, post.post) ? 1 : 0, post.seats]),
    )
    const asOf = sql`${input.asOf}::date`
    const { rows } = await sql<Row>`
      select m.id, m.body_id, b.name as body_name, m.post, m.how, m.ends_on, m.ended_on, r.rule_id,
        case when m.how = 'elected' then m.ends_on + 1 else least(m.ended_on, m.ends_on + 1) end as due_on,
        array(
          select m.event_id
          union
          select e.id from events e
          where e.subject_kind = 'mandate' and e.subject_id = m.id and e.occurred_at < ${input.asOfEnd}
        ) as evidence
      from mandates m
      join ${rules} on r.post = m.post
      join bodies b on b.id = m.body_id
      where (
          (m.how = 'elected' and m.ends_on < ${asOf})
          or (m.how = 'appointed' and r.elective = 1 and m.ended_on <= ${asOf}
              and m.end_reason in ('term-ended', 'resigned', 'recalled'))
        )
        and ${bodyActiveAt(input.asOfEnd, 'b')} and ${bodyInScope(input.scope, 'b')}
        and not exists (
          select 1 from mandates n
          where n.body_id = m.body_id and n.post = m.post
            and n.starts_on > m.starts_on and n.starts_on <= ${asOf}
            and (r.seats = 1 or n.starts_on >= least(m.ended_on, m.ends_on))
        )
        and not exists (${electionCallsSince({
          bodyId: sql`m.body_id`,
          post: sql`m.post`,
          since: sql`m.starts_on`,
          asOfEnd: input.asOfEnd,
          pendingOnly: true,
        })})`.execute(db)

    const byPost = new Map(posts.map((post) => [post.post, post]))
    return rows.map((row): FindingDraft => {
      const post = byPost.get(row.post)
      const term = post ? ` for ${post.termMonths} month${post.termMonths === 1 ? '' : 's'}` : ''
      return {
        rule: row.rule_id,
        bodyId: row.body_id,
        subject: { kind: 'mandate', id: row.id },
        severity: 'violation',
        since: row.due_on,
        evidence: evidenceIds(row.evidence),
        message:
          `${lapse(row, titleOf(post, row.post))} and no election to the post is under way; ` +
          `the charter elects it${term} at a time.`,
      }
    })
  },
}
