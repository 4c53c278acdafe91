import type { Executor } from '../../db/client.ts'
import type { ElectionState } from '../../db/schema.ts'
import { findCharterVersion } from '../charter/charter-in-force.ts'
import { getBody } from '../orgs/get-body.ts'
import { isoInstant } from '../shared/clock.ts'
import { loadElection } from './election-lookups.ts'

/** A nomination as its nominee sees it. */
export interface OwnNomination {
  readonly candidateId: number
  readonly contestId: number
  readonly post: string
  readonly state: 'nominated' | 'accepted' | 'declined' | 'withdrawn'
  readonly nominatedByMemberId: number | null
  readonly nominatedAt: string
}

/** One contest: a post, its seats, and the candidates who accepted. */
export interface ContestView {
  readonly contestId: number
  readonly post: string
  /** The post's title in the election's charter version (the post id when it is not there). */
  readonly title: string
  readonly seats: number
  readonly candidates: readonly {
    readonly candidateId: number
    readonly memberId: number
    readonly fullName: string
  }[]
}

/** An election as members read it. Who voted is counted openly; what they voted is not here. */
export interface ElectionView {
  readonly id: number
  readonly body: { readonly id: number; readonly name: string; readonly path: string; readonly level: string }
  readonly title: string
  readonly method: string
  readonly state: ElectionState
  readonly nominationsOpenAt: string
  readonly nominationsCloseAt: string
  readonly votingOpenAt: string
  readonly votingCloseAt: string
  /** Nominations are taken at `asOf` (nominating, and within the window). */
  readonly nominationsOpen: boolean
  /** Ballots are taken at `asOf` (voting, and within the window). */
  readonly votingOpen: boolean
  readonly charterVersionId: number
  /** Published with the results, so only once the election is closed. */
  readonly tieBreakSeed: string | null
  /** Members with a vote, once voting has opened. */
  readonly electorateSize: number | null
  /** Members who have voted so far (the roll is not secret; the ballots are). */
  readonly votersCount: number
  readonly contests: readonly ContestView[]
  readonly createdAt: string
  readonly closedAt: string | null
  readonly cancelledAt: string | null
  readonly cancelReason: string | null
  /** The asking member's own standing in the election, when a member was named. */
  readonly me: {
    readonly memberId: number
    /** Their voice in the frozen electorate (null before voting opens, or when not in it). */
    readonly voice: 'vote' | 'consultative' | null
    readonly hasVoted: boolean
    readonly nominations: readonly OwnNomination[]
  } | null
}

async function ownStanding(db: Executor, electionId: number, memberId: number): Promise<ElectionView['me']> {
  const [elector, voter, nominations] = await Promise.all([
    db
      .selectFrom('election_electors')
      .select('voice')
      .where('election_id', '=', electionId)
      .where('member_id', '=', memberId)
      .executeTakeFirst(),
    db
      .selectFrom('election_voters')
      .select('member_id')
      .where('election_id', '=', electionId)
      .where('member_id', '=', memberId)
      .executeTakeFirst(),
    db
      .selectFrom('election_candidates as ca')
      .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
      .select([
        'ca.id',
        'ca.contest_id',
        'c.post',
        'ca.state',
        'ca.nominated_by_member_id',
        'ca.nominated_at',
      ])
      .where('c.election_id', '=', electionId)
      .where('ca.member_id', '=', memberId)
      .orderBy('ca.id')
      .execute(),
  ])
  return {
    memberId,
    voice: elector?.voice ?? null,
    hasVoted: voter !== undefined,
    nominations: nominations.map((n) => ({
      candidateId: n.id,
      contestId: n.contest_id,
      post: n.post,
      state: n.state,
      nominatedByMemberId: n.nominated_by_member_id,
      nominatedAt: isoInstant(n.nominated_at),
    })),
  }
}

/**
 * One election as of `asOf` (which decides whether nominations or voting are open): its state,
 * windows, contests with the candidates who accepted (member id and name), the electorate's size
 * and how many have voted, and, when `memberId` is given, that member's own voice, vote taken or
 * not, and nominations. Results are not here: they stay hidden until the close (see results).
 */
export async function getElection(
  db: Executor,
  electionId: number,
  asOf: Date,
  options: { readonly memberId?: number | null } = {},
): Promise<ElectionView> {
  const election = await loadElection(db, electionId)
  const [body, charter, contests, candidates, voters] = await Promise.all([
    getBody(db, election.body_id),
    findCharterVersion(db, election.charter_version_id),
    db
      .selectFrom('election_contests')
      .select(['id', 'post', 'seats'])
      .where('election_id', '=', election.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('election_candidates as ca')
      .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
      .innerJoin('members as m', 'm.id', 'ca.member_id')
      .select(['ca.id', 'ca.contest_id', 'ca.member_id', 'm.full_name'])
      .where('c.election_id', '=', election.id)
      .where('ca.state', '=', 'accepted')
      .orderBy('ca.id')
      .execute(),
    db
      .selectFrom('election_voters')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('election_id', '=', election.id)
      .executeTakeFirstOrThrow(),
  ])
  const titles = new Map(charter?.document.rules.posts.map((p) => [p.post, p.title]) ?? [])
  const at = asOf.getTime()
  const within = (from: Date | string, to: Date | string) =>
    at >= new Date(from).getTime() && at < new Date(to).getTime()
  const me =
    options.memberId === undefined || options.memberId === null
      ? null
      : await ownStanding(db, election.id, options.memberId)
  return {
    id: election.id,
    body: { id: body.id, name: body.name, path: body.path, level: body.level },
    title: election.title,
    method: election.method,
    state: election.state,
    nominationsOpenAt: isoInstant(election.nominations_open_at),
    nominationsCloseAt: isoInstant(election.nominations_close_at),
    votingOpenAt: isoInstant(election.voting_open_at),
    votingCloseAt: isoInstant(election.voting_close_at),
    nominationsOpen:
      election.state === 'nominating' && within(election.nominations_open_at, election.nominations_close_at),
    votingOpen: election.state === 'voting' && within(election.voting_open_at, election.voting_close_at),
    charterVersionId: election.charter_version_id,
    tieBreakSeed: election.state === 'closed' ? election.tie_break_seed : null,
    electorateSize: election.electorate_size,
    votersCount: election.voters_count ?? Number(voters.n),
    contests: contests.map((contest) => ({
      contestId: contest.id,
      post: contest.post,
      title: titles.get(contest.post) ?? contest.post,
      seats: contest.seats,
      candidates: candidates
        .filter((c) => c.contest_id === contest.id)
        .map((c) => ({ candidateId: c.id, memberId: c.member_id, fullName: c.full_name })),
    })),
    createdAt: isoInstant(election.created_at),
    closedAt: election.closed_at === null ? null : isoInstant(election.closed_at),
    cancelledAt: election.cancelled_at === null ? null : isoInstant(election.cancelled_at),
    cancelReason: election.cancel_reason,
    me,
  }
}
