import { sql } from 'kysely'
import { electionRuleFor } from '../../charter/charter-rules.ts'
import type { CharterDocument, ElectionRule, PostRule } from '../../charter/document-schema.ts'
import { daysAfter, monthsAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import {
  capitalise,
  electionCallsSince,
  evidenceIds,
  laterOf,
  mandateHeldOn,
  utcDate,
  valuesTable,
} from './check-sql.ts'

interface Row {
  id: number
  body_id: number
  body_name: string
  post: string
  starts_on: string
  ends_on: string
  justification: string | null
  appointed_by: string | null
  event_id: number
  rule_id: string
  justified: boolean
  calls: (number | string)[] | null
  last_called_on: string | null
  last_outcome: 'pending' | 'cancelled' | 'closed' | null
  last_pending_on: string | null
}

/** The elective posts of the charter in force, each with the election rule that makes it so. */
function electivePosts(document: CharterDocument): { post: PostRule; rule: ElectionRule }[] {
  return document.rules.posts.flatMap((post) => {
    const rule = electionRuleFor(document, post.post)
    return rule ? [{ post, rule }] : []
  })
}

/** What happened about an election since the appointment, for the end of an expired one's message. */
function sinceExpiry(row: Row): string {
  if (row.last_pending_on) return `an election called on ${row.last_pending_on} has not yet replaced it`
  if (!row.last_called_on) return 'no election has been called since'
  return row.last_outcome === 'closed'
    ? `the election called on ${row.last_called_on} closed without replacing it`
    : `the election called on ${row.last_called_on} was cancelled`
}

/**
 * `post.appointed` reads the `elections` family: a post the charter in force makes elective
 * (`electionRuleFor`) may be filled by appointment only for a justification its rule lists, and
 * only until the appointment's expiry, when an election is due. The expiry is the earlier of the
 * mandate's `ends_on` (set by the rule it was made under) and its start plus the `maxMonths` the
 * rule in force gives its justification: a later version that shortens the allowance shortens the
 * appointments it finds.
 *
 * Every appointed mandate held on the audit's date to such a post, in a body not dissolved by
 * then, is a finding, because the line is election: a notice while the appointment is within an
 * allowed justification and its expiry (the exception the charter permits, shown so it is not
 * forgotten), a violation once it has expired or when its justification is not one the rule in
 * force allows (the appointment was never, or is no longer, a permitted exception). Elections of
 * the body for the post called since the appointment began (`electionCallsSince`) are cited as
 * evidence and named in the message: a call does not end the departure (only the elected mandate
 * replacing the appointment does), but a pending one shows the body acting, and a cancelled one,
 * or one closed without replacing it, shows it did not succeed.
 *
 * `since` is when the departure began under the rules in force: the appointment's start (a
 * justification not allowed) or the day after its expiry, but never before the version in force
 * took effect when that version is what makes it a violation (a justification dropped, an
 * allowance shortened), so an audit as of `since` finds it. The trade-off: a version re-adopted
 * with the same rule moves `since` forward to its own date.
 *
 * The rules are matched in JS and passed in as a small table; the rest is one query over mandates
 * held on the date (by `mandates_body_post` for a scoped run).
 */
export const postAppointedCheck: AuditCheck = {
  kind: 'post.appointed',
  family: 'elections',
  title: 'Appointed instead of elected',
  triggers: [
    'mandate.appointed',
    'mandate.elected',
    'mandate.ended',
    'election.called',
    'election.cancelled',
    'election.closed',
  ],
  // Mandate and election events are placed on the mandate's (the election's) body: the default.
  async find(db, input) {
    const elective = electivePosts(input.charter.document)
    if (elective.length === 0) return []
    const rules = valuesTable(
      'r',
      [
        ['post', 'text'],
        ['rule_id', 'text'],
      ],
      elective.map(({ post, rule }) => [post.post, rule.id]),
    )
    const allowed = elective.flatMap(({ post, rule }) =>
      (rule.appointment?.justifications ?? []).map((j) => [post.post, j.id]),
    )
    const justified =
      allowed.length === 0
        ? sql<boolean>`false`
        : sql<boolean>`exists (select 1 from ${valuesTable(
            'j',
            [
              ['post', 'text'],
              ['justification', 'text'],
            ],
            allowed,
          )} where j.post = m.post and j.justification = m.justification)`
    const calls = electionCallsSince({
      bodyId: sql`m.body_id`,
      post: sql`m.post`,
      since: sql`m.starts_on`,
      asOfEnd: input.asOfEnd,
      pendingOnly: false,
    })
    const calledOn = utcDate(sql`x.created_at`)
    const { rows } = await sql<Row>`
      select m.id, m.body_id, b.name as body_name, m.post, m.starts_on, m.ends_on, m.justification,
        ab.name as appointed_by, m.event_id, r.rule_id, ${justified} as justified,
        calls.ids as calls, calls.last_called_on, calls.last_outcome, calls.last_pending_on
      from mandates m
      join ${rules} on r.post = m.post
      join bodies b on b.id = m.body_id
      left join bodies ab on ab.id = m.appointed_by_body_id
      left join lateral (
        select array_agg(e.id order by e.id) as ids,
          max(${calledOn}) as last_called_on,
          (array_agg(x.outcome order by x.created_at desc))[1] as last_outcome,
          max(${calledOn}) filter (where x.outcome = 'pending') as last_pending_on
        from (${calls}) x
        join events e on e.subject_kind = 'election' and e.subject_id = x.id and e.type = 'election.called'
      ) calls on true
      where m.how = 'appointed' and ${mandateHeldOn(input.asOf)}
        and ${bodyActiveAt(input.asOfEnd, 'b')} and ${bodyInScope(input.scope, 'b')}`.execute(db)

    const effectiveFrom = input.charter.effectiveFrom
    const titles = new Map(elective.map(({ post, rule }) => [post.post, { title: post.title, rule }]))
    return rows.map((row): FindingDraft => {
      const entry = titles.get(row.post)
      const reason = entry?.rule.appointment?.justifications.find((j) => j.id === row.justification)
      // The allowance of the rule in force may be shorter than the one the mandate was made under.
      const allowance = reason ? monthsAfter(row.starts_on, reason.maxMonths) : row.ends_on
      const shortened = allowance < row.ends_on
      const expiry = shortened ? allowance : row.ends_on
      const expired = expiry < input.asOf
      const by = row.appointed_by ? ` by ${row.appointed_by}` : ''
      const head = `${capitalise(entry?.title ?? row.post)} of ${row.body_name} appointed${by} on ${row.starts_on}`
      // The charter's text is a sentence; inside the parentheses it loses its full stop.
      const why = (reason?.text ?? row.justification ?? '').replace(/\.$/, '')
      let message: string
      let since: string
      if (!row.justified) {
        const given = row.justification
          ? `for a reason the charter does not allow ("${row.justification}")`
          : 'with no justification'
        message = `${head} ${given}; the charter requires election.`
        since = laterOf(row.starts_on, effectiveFrom)
      } else if (expired) {
        const allowedFor = shortened ? ` (the charter now allows ${reason?.maxMonths} months)` : ''
        message = `${head} (${why}); the charter requires election; the appointment expired on ${expiry}${allowedFor} and ${sinceExpiry(row)}.`
        since = shortened ? laterOf(daysAfter(expiry, 1), effectiveFrom) : daysAfter(expiry, 1)
      } else {
        message = `${head} (${why}); the charter requires election; the appointment runs until ${expiry}, when an election is due.`
        since = row.starts_on
      }
      return {
        rule: row.rule_id,
        bodyId: row.body_id,
        subject: { kind: 'mandate', id: row.id },
        severity: !row.justified || expired ? 'violation' : 'notice',
        since,
        evidence: evidenceIds([row.event_id, ...(row.calls ?? [])]),
        message,
      }
    })
  },
}
