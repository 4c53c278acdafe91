import { sql } from 'kysely'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { dateStart, valuesTable } from './values-table.ts'

interface Row {
  id: number
  body_id: number
  body_name: string
  post: string
  ends_on: string
  event_id: number
  rule_id: string
}

/**
 * `election.overdue` reads the `posts` family: each post is held for `termMonths` (an elected
 * mandate's `ends_on`), after which the body elects again. An elected mandate whose term ended
 * before the audit's date is a violation, from the day after, when nothing has followed it:
 * - no mandate of the same body and post began after it (by the date), elected or appointed
 *   (an appointment in its place is `post.appointed`'s finding, not this one's); and
 * - no election of the body with a contest for the post was called after the mandate began
 *   (by the end of the date) and not cancelled by then: a call in progress is the repair under way.
 * A mandate ended early (resigned, recalled) counts by its planned end: the seat may stay vacant
 * until the term would have run out, no longer. Dissolved bodies (by the date) owe no election.
 *
 * One query over elected mandates whose term ended, with two anti-joins served by
 * `mandates_body_post (body_id, post, starts_on)` and `elections_body` + the contests' unique
 * `(election_id, post)`.
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
  ],
  // Mandate and election events are placed on the body whose post they concern: the default.
  async find(db, input) {
    const posts = input.charter.document.rules.posts
    if (posts.length === 0) return []
    const rules = valuesTable(
      'r',
      [
        ['post', 'text'],
        ['rule_id', 'text'],
      ],
      posts.map((post) => [post.post, post.id]),
    )
    const { rows } = await sql<Row>`
      select m.id, m.body_id, b.name as body_name, m.post, m.ends_on, m.event_id, r.rule_id
      from mandates m
      join ${rules} on r.post = m.post
      join bodies b on b.id = m.body_id
      where m.how = 'elected' and m.ends_on < ${input.asOf}::date
        and ${bodyActiveAt(input.asOfEnd, 'b')} and ${bodyInScope(input.scope, 'b')}
        and not exists (
          select 1 from mandates n
          where n.body_id = m.body_id and n.post = m.post
            and n.starts_on > m.starts_on and n.starts_on <= ${input.asOf}::date
        )
        and not exists (
          select 1 from elections el
          join election_contests c on c.election_id = el.id and c.post = m.post
          where el.body_id = m.body_id
            and el.created_at >= ${dateStart(sql`m.starts_on`)} and el.created_at < ${input.asOfEnd}
            and (el.cancelled_at is null or el.cancelled_at >= ${input.asOfEnd})
        )`.execute(db)

    const byPost = new Map(posts.map((post) => [post.post, post]))
    return rows.map((row): FindingDraft => {
      const post = byPost.get(row.post)
      const title = post ? post.title.charAt(0).toLowerCase() + post.title.slice(1) : row.post
      const term = post ? ` for ${post.termMonths} month${post.termMonths === 1 ? '' : 's'}` : ''
      return {
        rule: row.rule_id,
        bodyId: row.body_id,
        subject: { kind: 'mandate', id: row.id },
        severity: 'violation',
        since: daysAfter(row.ends_on, 1),
        evidence: [row.event_id],
        message:
          `The term of the ${title} of ${row.body_name} ended on ${row.ends_on} and no election to the post ` +
          `has been called since; the charter elects it${term} at a time.`,
      }
    })
  },
}
