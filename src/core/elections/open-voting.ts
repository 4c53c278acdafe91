import { sql } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { ElectionRow } from '../../db/schema.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { votingRights } from '../charter/charter-rules.ts'
import { appendEvent } from '../events/append-event.ts'
import { regionOfPath } from '../members/list-members.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import { isoInstant, toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { applyCancellation } from './cancel-election.ts'
import { electionPlacement, loadElection, refuseIfFinished, wrongPhase } from './election-lookups.ts'

/** What opening voting did. */
export type OpenVotingResult =
  | { readonly outcome: 'opened'; readonly electorateSize: number; readonly consultative: number }
  /** Voting was open already: nothing done. */
  | { readonly outcome: 'unchanged' }
  /** A contest had no accepted candidate, so the election was cancelled with this reason. */
  | { readonly outcome: 'cancelled'; readonly reason: string }

/** Posts of the election with no accepted candidate. */
async function postsWithoutCandidates(db: Executor, electionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('election_contests as c')
    .select('c.post')
    .where('c.election_id', '=', electionId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('election_candidates as ca')
            .select('ca.id')
            .whereRef('ca.contest_id', '=', 'c.id')
            .where('ca.state', '=', 'accepted'),
        ),
      ),
    )
    .orderBy('c.id')
    .execute()
  return rows.map((row) => row.post)
}

/**
 * Freezes the electorate in one `insert … select`: the members of the body's scope whose status
 * on `date` (read from their dated history exactly as eligibility's statusOn reads it: the last
 * change by the date, else the status before their first change, else the current one, and a
 * full member promoted after the date counted a candidate) is in the charter's `vote` list, with
 * a vote, or its `consultative` list, with a consultative voice. Members sit in their current unit.
 */
async function freezeElectorate(
  db: Executor,
  election: ElectionRow,
  bodyPath: string,
  date: string,
  rights: { vote: readonly string[]; consultative: readonly string[] },
): Promise<{ vote: number; consultative: number }> {
  const region = regionOfPath(bodyPath)
  const statuses = [...new Set([...rights.vote, ...rights.consultative])]
  await sql`
    insert into election_electors (election_id, member_id, region_id, voice)
    select ${election.id}::int8, s.id, s.region_id,
      case when s.status = any(${[...rights.vote]}::text[]) then 'vote' else 'consultative' end
    from (
      select m.id, m.region_id,
        case when st.status = 'full' and m.full_member_since > ${date}::date then 'candidate'
          else st.status end as status
      from members m
      cross join lateral (
        select coalesce(
          (select c.to_status from member_status_changes c
            where c.member_id = m.id and c.on_date <= ${date}::date
            order by c.on_date desc, c.id desc limit 1),
          (select c.from_status from member_status_changes c
            where c.member_id = m.id order by c.on_date, c.id limit 1),
          m.status
        ) as status
      ) st
      where ${inSubtree('m.unit_path', bodyPath)}
        and m.joined_on <= ${date}::date
        ${region === null ? sql`` : sql`and m.region_id = ${region}::int8`}
    ) s
    where s.status = any(${statuses}::text[])`.execute(db)
  const counts = await db
    .selectFrom('election_electors')
    .select(['voice', (eb) => eb.fn.countAll<string>().as('n')])
    .where('election_id', '=', election.id)
    .groupBy('voice')
    .execute()
  const count = (voice: string) => Number(counts.find((row) => row.voice === voice)?.n ?? 0)
  return { vote: count('vote'), consultative: count('consultative') }
}

/**
 * Opens voting (nominating → voting) at its time; the scheduler calls it then. The electorate is
 * frozen as of the voting-open date by the charter then in force (see freezeElectorate), and
 * `electorate_size` counts those with a vote. Only accepted candidates stand; a nomination still
 * unanswered lapses. A contest with no accepted candidate cannot be voted on, and a partial
 * election would mislead, so the election is cancelled instead, with a reason naming the posts
 * (a new election can be called). Idempotent: once voting is open it does nothing.
 * ELECTION_CLOSED when closed or cancelled; ELECTION_WRONG_PHASE unless nominating and the time
 * has come. Writes `election.voting_opened` (or `election.cancelled`).
 */
export async function openVoting(ctx: UseCaseContext, electionId: number): Promise<OpenVotingResult> {
  const election = await loadElection(ctx.db, electionId, 'update')
  if (election.state === 'voting') return { outcome: 'unchanged' }
  refuseIfFinished(election)
  if (election.state !== 'nominating') {
    throw wrongPhase(election, 'nominating', `Nominations of election ${election.id} never opened`)
  }
  const opensAt = new Date(election.voting_open_at)
  if (ctx.clock.now() < opensAt) {
    throw wrongPhase(election, 'nominating', `Voting opens at ${opensAt.toISOString()}`, {
      votingOpenAt: isoInstant(opensAt),
    })
  }
  const empty = await postsWithoutCandidates(ctx.db, election.id)
  if (empty.length > 0) {
    const reason = `No candidate accepted nomination for ${empty.join(', ')} by the time voting opened`
    await applyCancellation(ctx, election, reason)
    return { outcome: 'cancelled', reason }
  }
  const date = toIsoDate(opensAt)
  const [charter, body] = await Promise.all([charterInForce(ctx.db, date), getBody(ctx.db, election.body_id)])
  const rights = votingRights(charter.document)
  if (!rights) {
    throw new AppError('CONFLICT', `The charter in force on ${date} says nothing on voting rights`, {
      date,
      charterVersionId: charter.versionId,
    })
  }
  const counts = await freezeElectorate(ctx.db, election, body.path, date, rights)
  await ctx.db
    .updateTable('elections')
    // The version whose voting rights drew the electorate (a later adoption may have changed it).
    .set({ state: 'voting', electorate_size: counts.vote, charter_version_id: charter.versionId })
    .where('id', '=', election.id)
    .execute()
  await appendEvent(
    ctx,
    {
      type: 'election.voting_opened',
      payload: { electorateSize: counts.vote, consultative: counts.consultative },
    },
    electionPlacement(election),
  )
  return { outcome: 'opened', electorateSize: counts.vote, consultative: counts.consultative }
}
