import type { Selectable } from 'kysely'
import type { Executor } from '../../db/client.ts'
import type { ElectionCandidatesTable, ElectionRow, ElectionState } from '../../db/schema.ts'
import type { EventPlacement } from '../events/append-event.ts'
import { AppError } from '../shared/errors.ts'

/**
 * Shared reads and guards of the election use cases: loading (and locking) an election, its
 * contests, the phase checks that refuse with one vocabulary, and the scheduler's job kinds.
 */

/** The scheduled transitions of an election, in the order they fall due. */
export const ELECTION_JOB_KINDS = {
  openNominations: 'election.open-nominations',
  closeNominations: 'election.close-nominations',
  openVoting: 'election.open-voting',
  closeVoting: 'election.close-voting',
} as const

/** The family prefix of every election job (what a cancellation cancels). */
export const ELECTION_JOB_PREFIX = 'election.'

/**
 * Loads an election, or ELECTION_NOT_FOUND. `lock: 'update'` locks the row until commit: every
 * transition takes it, so two transitions of one election (a job and a cancellation, say) run
 * one after the other and each sees the other's state. Acts that only need the state to hold
 * until they commit (a nomination, an answer) take `share`, so they do not queue behind each other.
 */
export async function loadElection(
  db: Executor,
  electionId: number,
  lock: 'update' | 'share' | null = null,
): Promise<ElectionRow> {
  let query = db.selectFrom('elections').selectAll().where('id', '=', electionId)
  if (lock === 'update') query = query.forUpdate()
  if (lock === 'share') query = query.forShare()
  const election = await query.executeTakeFirst()
  if (!election) {
    throw new AppError('ELECTION_NOT_FOUND', `No election with id ${electionId}`, { electionId })
  }
  return election
}

/** An election's contests (one per post), in the order they were called. */
export async function loadContests(
  db: Executor,
  electionId: number,
): Promise<{ id: number; post: string; seats: number }[]> {
  return db
    .selectFrom('election_contests')
    .select(['id', 'post', 'seats'])
    .where('election_id', '=', electionId)
    .orderBy('id')
    .execute()
}

/** Where an election's events sit: its body and region, with the election as the subject. */
export function electionPlacement(
  election: Pick<ElectionRow, 'id' | 'body_id' | 'region_id'>,
): EventPlacement {
  return {
    bodyId: election.body_id,
    regionId: election.region_id,
    subject: { kind: 'election', id: election.id },
  }
}

/** Whether nothing more can happen to the election. */
export function isFinished(state: ElectionState): boolean {
  return state === 'closed' || state === 'cancelled'
}

/** ELECTION_CLOSED for a closed or cancelled election (nothing more can be changed). */
export function refuseIfFinished(election: Pick<ElectionRow, 'id' | 'state'>): void {
  if (isFinished(election.state)) {
    throw new AppError('ELECTION_CLOSED', `Election ${election.id} is ${election.state}`, {
      electionId: election.id,
      state: election.state,
    })
  }
}

/** ELECTION_WRONG_PHASE: the act needs another phase (details: the state, and the one expected). */
export function wrongPhase(
  election: Pick<ElectionRow, 'id' | 'state'>,
  expected: ElectionState,
  message: string,
  details: object = {},
): AppError {
  return new AppError('ELECTION_WRONG_PHASE', message, {
    electionId: election.id,
    state: election.state,
    expected,
    ...details,
  })
}

/** A nomination (a candidate of one contest) as stored. */
export type CandidateRow = Selectable<ElectionCandidatesTable>

/** Loads a nomination with its contest and election ids, or NOMINATION_NOT_FOUND. */
export async function loadCandidate(
  db: Executor,
  candidateId: number,
): Promise<CandidateRow & { electionId: number; post: string }> {
  const row = await db
    .selectFrom('election_candidates as ca')
    .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
    .selectAll('ca')
    .select(['c.election_id as electionId', 'c.post'])
    .where('ca.id', '=', candidateId)
    .executeTakeFirst()
  if (!row) {
    throw new AppError('NOMINATION_NOT_FOUND', `No nomination with id ${candidateId}`, { candidateId })
  }
  return row
}
