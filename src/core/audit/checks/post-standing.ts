import { sql } from 'kysely'
import type { StandingMinimum } from '../../charter/document-schema.ts'
import { describeDuration, minimumMonths } from '../../eligibility/standing.ts'
import type { AuditCheck } from '../audit-check.ts'
import { bodyActiveAt, bodyInScope } from '../audit-scope.ts'
import type { FindingDraft } from '../finding.ts'
import { capitalise, laterOf, mandateHeldOn, valuesTable } from './check-sql.ts'

interface Row {
  id: number
  body_id: number
  body_name: string
  post: string
  starts_on: string
  event_id: number
  rule_id: string
  ord: number
}

type Kind = 'joined-before' | 'membership' | 'full-membership' | 'paid-dues'

function kindOf(minimum: StandingMinimum): Kind {
  return 'joinedBefore' in minimum ? 'joined-before' : minimum.of
}

/** What the holder lacked, and what the charter asks, in words. */
function shortfall(minimum: StandingMinimum): { lacked: string; required: string } {
  if ('joinedBefore' in minimum)
    return {
      lacked: `had not joined before ${minimum.joinedBefore}`,
      required: `membership from before ${minimum.joinedBefore}`,
    }
  const duration = describeDuration(minimum)
  switch (minimum.of) {
    case 'membership':
      return { lacked: `had less than ${duration} of membership`, required: `${duration} of membership` }
    case 'full-membership':
      return {
        lacked: `had less than ${duration} of full membership`,
        required: `${duration} of full membership`,
      }
    case 'paid-dues':
      return {
        lacked: `had paid dues for fewer than ${minimumMonths(minimum)} months`,
        required: `${minimumMonths(minimum)} months of dues paid`,
      }
  }
}

/**
 * `post.standing` reads the `standing` family: the minimum standing the charter in force on the
 * audit's date requires for a post (`standingRulesFor`). A holder on that date (in a body not
 * dissolved by then) who lacked it when their mandate began is a violation.
 *
 * Standing is measured at the mandate's start, with the arithmetic of eligibility (`standing.ts`):
 * joined before a date; at least N months of membership (joined on or before the start minus N
 * calendar months, end-of-month clamped as `monthsBefore` and PostgreSQL's interval both do); of
 * full membership (`full_member_since`, as the eligible-members list reads it, so a suspension in
 * between is not seen); or N months of dues paid by the start (months begun and paid by then, as
 * `loadMemberOnDate` counts them). The rules are those in force on the audit's date, so a later
 * version that raises a minimum makes holders elected under the old one a finding from then on.
 * `since` is the mandate's start (when the holder took the post short of standing), or the day the
 * version in force took effect if later: the departure is measured by that version, so an audit
 * as of `since` finds it. The trade-off: a version re-adopted with the same rule moves `since`
 * forward to its own date.
 *
 * One query: held mandates × the standing rules of their post (a tiny inline table), joined to
 * the holder, keeping the first rule each fails. Paid dues is a correlated count, one primary-key
 * range probe of `dues_payments (member_id, month)` per holder of a post with such a rule: bounded
 * by the holders of those posts (a few hundred thousand at the reference scale), not by members.
 */
export const postStandingCheck: AuditCheck = {
  kind: 'post.standing',
  family: 'standing',
  title: 'Post held without the required standing',
  triggers: [
    'mandate.appointed',
    'mandate.elected',
    'mandate.ended',
    'member.updated',
    'member.status_changed',
    'member.dues_paid',
  ],
  // Member events are placed on the member's unit; their findings sit in the bodies where the
  // member holds a post (a unit secretary's district, say), found by `mandates_member`.
  async affectedBodies(db, events) {
    const bodies = new Set<number>()
    const members: number[] = []
    for (const event of events) {
      if (event.type.startsWith('mandate.')) {
        if (event.bodyId !== null) bodies.add(event.bodyId)
      } else if (event.subjectKind === 'member' && event.subjectId !== null) members.push(event.subjectId)
    }
    if (members.length > 0) {
      const rows = await db
        .selectFrom('mandates')
        .select('body_id')
        .distinct()
        .where(sql<boolean>`member_id = any(${members}::bigint[])`)
        .execute()
      for (const row of rows) bodies.add(row.body_id)
    }
    return [...bodies]
  },
  async find(db, input) {
    const document = input.charter.document
    const standing = document.rules.standing.flatMap((rule, ord) =>
      rule.posts.map((post) => ({ post, ord, rule })),
    )
    if (standing.length === 0) return []
    const rules = valuesTable(
      'r',
      [
        ['post', 'text'],
        ['ord', 'int'],
        ['rule_id', 'text'],
        ['kind', 'text'],
        ['joined_before', 'date'],
        ['months', 'int'],
      ],
      standing.map(({ post, ord, rule }) => [
        post,
        ord,
        rule.id,
        kindOf(rule.minimum),
        'joinedBefore' in rule.minimum ? rule.minimum.joinedBefore : null,
        'joinedBefore' in rule.minimum ? null : minimumMonths(rule.minimum),
      ]),
    )
    // The latest start of standing that still satisfied N months at the mandate's start.
    const latestStart = sql`(m.starts_on - make_interval(months => r.months))::date`
    const { rows } = await sql<Row>`
      select distinct on (m.id) m.id, m.body_id, b.name as body_name, m.post, m.starts_on, m.event_id,
        r.rule_id, r.ord
      from mandates m
      join ${rules} on r.post = m.post
      join bodies b on b.id = m.body_id
      join members p on p.id = m.member_id
      where ${mandateHeldOn(input.asOf)} and ${bodyActiveAt(input.asOfEnd, 'b')}
        and ${bodyInScope(input.scope, 'b')}
        and case r.kind
          when 'joined-before' then not (p.joined_on < r.joined_before)
          when 'membership' then not (p.joined_on <= ${latestStart})
          when 'full-membership' then p.full_member_since is null or p.full_member_since > ${latestStart}
          else (
            select count(*) from dues_payments d
            where d.member_id = m.member_id and d.month <= m.starts_on and d.paid_on <= m.starts_on
          ) < r.months
        end
      order by m.id, r.ord`.execute(db)

    const titles = new Map(document.rules.posts.map((post) => [post.post, post.title]))
    return rows.map((row): FindingDraft => {
      const rule = document.rules.standing[row.ord]
      const words = rule ? shortfall(rule.minimum) : { lacked: 'lacked standing', required: 'more standing' }
      return {
        rule: row.rule_id,
        bodyId: row.body_id,
        subject: { kind: 'mandate', id: row.id },
        severity: 'violation',
        since: laterOf(row.starts_on, input.charter.effectiveFrom),
        evidence: [row.event_id],
        message:
          `${capitalise(titles.get(row.post) ?? row.post)} of ${row.body_name}: the holder, in office since ` +
          `${row.starts_on}, ${words.lacked} when the mandate began; the charter requires ${words.required}.`,
      }
    })
  },
}
