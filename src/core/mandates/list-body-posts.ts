import type { Executor } from '../../db/client.ts'
import { type CharterVersion, findCharterInForce, findCharterVersion } from '../charter/charter-in-force.ts'
import { electionRuleFor, postsAtLevel, standingRulesFor } from '../charter/charter-rules.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { ancestorsOf } from '../orgs/list-ancestors.ts'
import { mayAppoint } from './appointment-rule.ts'
import { heldOn } from './mandate-support.ts'

/** One holder of a post on the date asked about. */
export interface PostHolder {
  readonly mandateId: number
  readonly memberId: number
  readonly memberName: string
  readonly how: 'elected' | 'appointed'
  readonly startsOn: string
  readonly endsOn: string
  readonly electionId: number | null
  readonly appointedBy: { readonly id: number; readonly name: string } | null
  /** The charter justification, with its text from the version the appointment was made under. */
  readonly justification: { readonly id: string; readonly text: string | null } | null
  /** An appointment past its expiry that no one has ended: still held, and an election overdue. */
  readonly expired: boolean
  /** "Promoted from the ranks": the member's first mandate. */
  readonly firstMandate: boolean
  readonly ruleId: string | null
}

/** One post of the body, by the charter in force, with its holders and free seats. */
export interface BodyPost {
  readonly post: string
  readonly title: string
  readonly seats: number
  readonly termMonths: number | null
  /** False for a post still held but no longer defined at this level by the charter in force. */
  readonly defined: boolean
  readonly ruleIds: {
    readonly post: string | null
    readonly standing: string[]
    readonly election: string | null
  }
  /** How the charter lets it be appointed instead of elected; null when it does not (or it is not elective). */
  readonly appointment: {
    readonly by: 'parent' | string[]
    readonly justifications: {
      readonly id: string
      readonly text: string
      readonly maxMonths: number
    }[]
  } | null
  readonly elective: boolean
  /** The active bodies the charter lets appoint to it (the body itself and those above, as allowed). */
  readonly appointingBodies: { readonly id: number; readonly name: string; readonly level: string }[]
  readonly holders: PostHolder[]
  /** Seats not held by a mandate active on the date (expired appointments do not fill a seat). */
  readonly vacant: number
}

export interface BodyPosts {
  readonly bodyId: number
  readonly date: string
  /** Null when no charter was in force on the date (then only held posts are listed). */
  readonly charterVersionId: number | null
  readonly posts: BodyPost[]
}

/**
 * Every post the charter in force on `date` defines at the body's level, with who holds it on
 * that date and how, and how many seats are vacant. Held posts the charter no longer defines
 * are listed too (`defined: false`), since someone still holds them.
 */
export async function listBodyPosts(
  db: Executor,
  input: { bodyId: number; date: string },
): Promise<BodyPosts> {
  const date = parseInput(isoDateSchema, input.date, 'date')
  const body = await getBody(db, input.bodyId)
  const charter = await findCharterInForce(db, date)
  const rows = await db
    .selectFrom('mandates')
    .innerJoin('members', 'members.id', 'mandates.member_id')
    .leftJoin('bodies as appointing', 'appointing.id', 'mandates.appointed_by_body_id')
    .select([
      'mandates.id',
      'mandates.member_id',
      'members.full_name',
      'mandates.post',
      'mandates.how',
      'mandates.starts_on',
      'mandates.ends_on',
      'mandates.election_id',
      'mandates.appointed_by_body_id',
      'appointing.name as appointing_name',
      'mandates.justification',
      'mandates.rule_id',
      'mandates.charter_version_id',
      'mandates.first_mandate',
    ])
    .where('mandates.body_id', '=', body.id)
    .where(heldOn(date))
    .where((eb) => eb.or([eb('mandates.ends_on', '>=', date), eb('mandates.how', '=', 'appointed')]))
    .orderBy('mandates.starts_on')
    .orderBy('mandates.id')
    .execute()

  const versions = new Map<number, CharterVersion | null>()
  for (const versionId of new Set(rows.map((r) => r.charter_version_id))) {
    versions.set(versionId, await findCharterVersion(db, versionId))
  }
  const holdersOf = new Map<string, PostHolder[]>()
  for (const row of rows) {
    const version = versions.get(row.charter_version_id)
    const justificationText =
      row.justification === null || !version
        ? null
        : (electionRuleFor(version.document, row.post)?.appointment?.justifications.find(
            (j) => j.id === row.justification,
          )?.text ?? null)
    const holder: PostHolder = {
      mandateId: row.id,
      memberId: row.member_id,
      memberName: row.full_name,
      how: row.how,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      electionId: row.election_id,
      appointedBy:
        row.appointed_by_body_id === null
          ? null
          : { id: row.appointed_by_body_id, name: row.appointing_name ?? '' },
      justification: row.justification === null ? null : { id: row.justification, text: justificationText },
      expired: row.ends_on < date,
      firstMandate: row.first_mandate,
      ruleId: row.rule_id,
    }
    holdersOf.set(row.post, [...(holdersOf.get(row.post) ?? []), holder])
  }
  const activeCount = (holders: readonly PostHolder[]) => holders.filter((h) => !h.expired).length

  const posts: BodyPost[] = []
  const document = charter?.document ?? null
  const candidates = [...(await ancestorsOf(db, body)), body].filter((b) => b.status === 'active')
  const place = { id: body.id, parentId: body.parent_id, path: body.path }
  for (const rule of document ? postsAtLevel(document, body.level) : []) {
    const election = document ? electionRuleFor(document, rule.post) : null
    const holders = holdersOf.get(rule.post) ?? []
    holdersOf.delete(rule.post)
    posts.push({
      post: rule.post,
      title: rule.title,
      seats: rule.seats,
      termMonths: rule.termMonths,
      defined: true,
      ruleIds: {
        post: rule.id,
        standing: document ? standingRulesFor(document, rule.post).map((s) => s.id) : [],
        election: election?.id ?? null,
      },
      appointment: election?.appointment
        ? {
            by: election.appointment.by,
            justifications: election.appointment.justifications.map((j) => ({
              id: j.id,
              text: j.text,
              maxMonths: j.maxMonths,
            })),
          }
        : null,
      elective: election !== null,
      appointingBodies: candidates
        .filter((candidate) => mayAppoint(election, { body: place, appointingBody: candidate }))
        .map((candidate) => ({ id: candidate.id, name: candidate.name, level: candidate.level })),
      holders,
      vacant: Math.max(0, rule.seats - activeCount(holders)),
    })
  }
  for (const [post, holders] of holdersOf) {
    posts.push({
      post,
      title: post,
      seats: 0,
      termMonths: null,
      defined: false,
      ruleIds: { post: null, standing: [], election: null },
      appointment: null,
      elective: false,
      appointingBodies: [],
      holders,
      vacant: 0,
    })
  }
  return { bodyId: body.id, date, charterVersionId: charter?.versionId ?? null, posts }
}
