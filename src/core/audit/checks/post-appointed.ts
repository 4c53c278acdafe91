import { sql } from 'kysely'
import { electionRuleFor } from '../../charter/charter-rules.ts'
import type { CharterDocument, ElectionRule, PostRule } from '../../charter/document-schema.ts'
import { daysAfter } from '../../shared/clock.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { capitalise, dateStart, eventIds, mandateHeldOn, valuesTable } from './values-table.ts'

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
  last_call_cancelled: boolean | null
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
  if (!row.last_called_on) return 'no election has been called since'
  if (row.last_call_cancelled) return `the election called on ${row.last_called_on} was cancelled`
  return `an election called on ${row.last_called_on} has not yet replaced it`
}

/**
 * `post.appointed` reads the `elections` family: a post the charter in force makes elective
 * (`electionRuleFor`) may be filled by appointment only for a justification its rule lists, and
 * only until the appointment's expiry (the mandate's `ends_on`), when an election is due.
 *
 * Every appointed mandate held on the audit's date to such a post is a finding, because the line
 * is election: a notice while the appointment is within an allowed justification and its expiry
 * (the exception the charter permits, shown so it is not forgotten), a violation once it has
 * expired or when its justification is not one the rule in force allows (the appointment was
 * never, or is no longer, a permitted exception). Elections of the body for the post called since
 * the appointment began are cited as evidence and named in the message: a call does not end the
 * departure (only the elected mandate replacing the appointment does), but it shows the body acting.
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
    const { rows } = await sql<Row>`
      select m.id, m.body_id, b.name as body_name, m.post, m.starts_on, m.ends_on, m.justification,
        ab.name as appointed_by, m.event_id, r.rule_id, ${justified} as justified,
        calls.ids as calls, calls.last_called_on, calls.last_cancelled as last_call_cancelled
      from mandates m
      join ${rules} on r.post = m.post
      join bodies b on b.id = m.body_id
      left join bodies ab on ab.id = m.appointed_by_body_id
      left join lateral (
        select array_agg(e.id order by e.id) as ids,
          max((el.created_at at time zone 'UTC')::date) as last_called_on,
          (array_agg(el.cancelled_at is not null and el.cancelled_at < ${input.asOfEnd}
            order by el.created_at desc))[1] as last_cancelled
        from elections el
        join election_contests c on c.election_id = el.id and c.post = m.post
        join events e on e.subject_kind = 'election' and e.subject_id = el.id and e.type = 'election.called'
        where el.body_id = m.body_id
          and el.created_at >= ${dateStart(sql`m.starts_on`)}
          and el.created_at < ${input.asOfEnd}
      ) calls on true
      where m.how = 'appointed' and ${mandateHeldOn(input.asOf)} and ${bodyInScope(input.scope, 'b')}`.execute(
      db,
    )

    const titles = new Map(elective.map(({ post, rule }) => [post.post, { title: post.title, rule }]))
    return rows.map((row): FindingDraft => {
      const entry = titles.get(row.post)
      const reason = entry?.rule.appointment?.justifications.find((j) => j.id === row.justification)
      const expired = row.ends_on < input.asOf
      const by = row.appointed_by ? ` by ${row.appointed_by}` : ''
      const head = `${capitalise(entry?.title ?? row.post)} of ${row.body_name} appointed${by} on ${row.starts_on}`
      let message: string
      if (!row.justified) {
        const given = row.justification
          ? `for a reason the charter does not allow ("${row.justification}")`
          : 'with no justification'
        message = `${head} ${given}; the charter requires election.`
      } else if (expired) {
        message = `${head} (${reason?.text ?? row.justification}); the charter requires election; the appointment expired on ${row.ends_on} and ${sinceExpiry(row)}.`
      } else {
        message = `${head} (${reason?.text ?? row.justification}); the charter requires election; the appointment runs until ${row.ends_on}, when an election is due.`
      }
      const violation = !row.justified || expired
      return {
        rule: row.rule_id,
        bodyId: row.body_id,
        subject: { kind: 'mandate', id: row.id },
        severity: violation ? 'violation' : 'notice',
        since: row.justified && expired ? daysAfter(row.ends_on, 1) : row.starts_on,
        evidence: eventIds([row.event_id, ...(row.calls ?? [])]),
        message,
      }
    })
  },
}
