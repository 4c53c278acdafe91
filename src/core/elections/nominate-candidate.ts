import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { votingRights } from '../charter/charter-rules.ts'
import { assertEligible, checkEligibility } from '../eligibility/check-eligibility.ts'
import { loadMemberOnDate } from '../eligibility/member-on-date.ts'
import { appendEvent } from '../events/append-event.ts'
import { loadMember } from '../members/member-lookups.ts'
import { parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { isoInstant, toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import {
  type CandidateRow,
  electionPlacement,
  loadElection,
  refuseIfFinished,
  wrongPhase,
} from './election-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const nominateCandidateInputSchema = z
  .object({
    electionId: id,
    /** The contest, by id or by its post. */
    contestId: id.optional(),
    post: z.string().trim().min(1).max(60).optional(),
    memberId: id,
    /** Who nominated them; null (or the nominee's own id) when the member stands themselves. */
    nominatedByMemberId: id.nullable().default(null),
  })
  .refine((input) => (input.contestId === undefined) !== (input.post === undefined), {
    message: 'give either contestId or post',
    path: ['contestId'],
  })

export type NominateCandidateInput = z.input<typeof nominateCandidateInputSchema>

async function findContest(
  db: Executor,
  electionId: number,
  by: { contestId?: number | undefined; post?: string | undefined },
): Promise<{ id: number; post: string }> {
  let query = db.selectFrom('election_contests').select(['id', 'post']).where('election_id', '=', electionId)
  if (by.contestId !== undefined) query = query.where('id', '=', by.contestId)
  if (by.post !== undefined) query = query.where('post', '=', by.post)
  const contest = await query.executeTakeFirst()
  if (!contest) {
    const path = by.contestId !== undefined ? 'contestId' : 'post'
    throw invalidInput('No such contest in this election', [
      { path, message: `election ${electionId} has no contest ${String(by.contestId ?? by.post)}` },
    ])
  }
  return contest
}

/**
 * NOT_IN_ELECTORATE unless the nominator belongs to the body's scope and has the right to vote
 * today, by the charter in force today: a nomination is an elector's act.
 */
async function assertMayNominate(
  db: Executor,
  body: BodyRow,
  nominatorId: number,
  today: string,
): Promise<void> {
  const [charter, member] = await Promise.all([charterInForce(db, today), loadMember(db, nominatorId)])
  const rights = votingRights(charter.document)
  const facts = await loadMemberOnDate(db, member, today)
  const inScope = facts.unitPath.startsWith(body.path)
  const votes = facts.status !== null && (rights?.vote.includes(facts.status) ?? false)
  if (inScope && votes) return
  throw new AppError(
    'NOT_IN_ELECTORATE',
    inScope
      ? `Member ${nominatorId} has no vote on ${today} (${facts.status ?? 'not a member'}), so may not nominate`
      : `Member ${nominatorId} does not belong to ${body.name}, so may not nominate there`,
    { memberId: nominatorId, ruleId: rights?.id ?? null, status: facts.status, inScope },
  )
}

/**
 * Nominates a member for a contest of an election, while nominations are open (state
 * `nominating`, and now within the window; ELECTION_CLOSED once closed or cancelled, else
 * ELECTION_WRONG_PHASE). The nominee must be eligible for the post in the body on the voting-open
 * date by the charter then in force (NOT_ELIGIBLE with the reasons and rule ids); a nominator
 * other than the nominee must be a voting member within the body (NOT_IN_ELECTORATE). A member is
 * nominated once per contest (DUPLICATE). Standing oneself is accepted at once; another's
 * nomination waits, `nominated`, for the nominee's answer. Writes `election.nominated`.
 */
export async function nominateCandidate(
  ctx: UseCaseContext,
  input: NominateCandidateInput,
): Promise<CandidateRow> {
  const data = parseInput(nominateCandidateInputSchema, input, 'nomination')
  const election = await loadElection(ctx.db, data.electionId, 'share')
  refuseIfFinished(election)
  const now = ctx.clock.now()
  const opensAt = new Date(election.nominations_open_at)
  const closesAt = new Date(election.nominations_close_at)
  if (election.state !== 'nominating' || now < opensAt || now >= closesAt) {
    throw wrongPhase(election, 'nominating', 'Nominations are not open', {
      nominationsOpenAt: isoInstant(opensAt),
      nominationsCloseAt: isoInstant(closesAt),
    })
  }
  const contest = await findContest(ctx.db, election.id, data)
  const body = await getBody(ctx.db, election.body_id)
  const eligibility = await checkEligibility(ctx.db, {
    memberId: data.memberId,
    post: contest.post,
    bodyId: body.id,
    date: toIsoDate(new Date(election.voting_open_at)),
  })
  assertEligible(eligibility)
  const self = data.nominatedByMemberId === null || data.nominatedByMemberId === data.memberId
  if (!self && data.nominatedByMemberId !== null) {
    await assertMayNominate(ctx.db, body, data.nominatedByMemberId, toIsoDate(now))
  }
  const existing = await ctx.db
    .selectFrom('election_candidates')
    .select(['id', 'state'])
    .where('contest_id', '=', contest.id)
    .where('member_id', '=', data.memberId)
    .executeTakeFirst()
  if (existing) {
    throw new AppError('DUPLICATE', `Member ${data.memberId} is already nominated for ${contest.post}`, {
      candidateId: existing.id,
      state: existing.state,
    })
  }
  const candidate = await ctx.db
    .insertInto('election_candidates')
    .values({
      contest_id: contest.id,
      member_id: data.memberId,
      nominated_by_member_id: self ? null : data.nominatedByMemberId,
      state: self ? 'accepted' : 'nominated',
      nominated_at: now,
      answered_at: self ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    {
      type: 'election.nominated',
      payload: {
        candidateId: candidate.id,
        contestId: contest.id,
        post: contest.post,
        memberId: data.memberId,
        nominatedByMemberId: candidate.nominated_by_member_id,
        ruleIds: eligibility.reasons.map((reason) => reason.ruleId),
      },
    },
    electionPlacement(election),
  )
  return candidate
}
