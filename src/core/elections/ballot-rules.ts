import { COUNTING_METHOD_IDS, type CountingMethodId } from '../counting/counting-method.ts'
import { AppError } from '../shared/errors.ts'

/** The rules a ballot must follow, by counting method; castBallot applies them before writing. */

/** Whether a stored method id is one Charter counts with. */
export function isMethod(method: string): method is CountingMethodId {
  return (COUNTING_METHOD_IDS as readonly string[]).includes(method)
}

/** How many candidates a ballot may mark in one contest under the election's method. */
function maxMarks(method: CountingMethodId, seats: number, candidates: number): number {
  if (method === 'plurality') return 1
  if (method === 'block') return seats
  // Approval marks any subset; ranked methods (STV, Schulze) take any prefix of a full ranking.
  return candidates
}

function invalid(message: string, details: object): AppError {
  return new AppError('INVALID_BALLOT', message, details)
}

/** What a ballot is checked against in one contest: its seats and the candidates standing. */
export interface ContestRules {
  readonly id: number
  readonly seats: number
  readonly candidates: readonly number[]
}

/**
 * Checks a ballot against its election: INVALID_BALLOT for a contest not in the election or marked
 * twice, a candidate not standing in the contest or marked twice, or more marks than the method
 * allows (plurality 1, block the seats, approval and ranked methods every candidate). Returns the
 * preferences to store for every contest of the election, a contest left out being blank.
 */
export function checkBallot(
  method: CountingMethodId,
  contests: readonly ContestRules[],
  cast: readonly { readonly contestId: number; readonly preferences: readonly number[] }[],
): Map<number, number[]> {
  const byId = new Map(contests.map((contest) => [contest.id, contest]))
  const ballot = new Map<number, number[]>(contests.map((contest) => [contest.id, []]))
  const seen = new Set<number>()
  for (const [index, entry] of cast.entries()) {
    const contest = byId.get(entry.contestId)
    if (!contest) {
      throw invalid(`Contest ${entry.contestId} is not part of this election`, { contestId: entry.contestId })
    }
    if (seen.has(contest.id)) {
      throw invalid(`Contest ${contest.id} is marked twice`, { contestId: contest.id, index })
    }
    seen.add(contest.id)
    const allowed = new Set(contest.candidates)
    const marked = new Set<number>()
    for (const candidateId of entry.preferences) {
      if (!allowed.has(candidateId)) {
        throw invalid(`Candidate ${candidateId} does not stand in contest ${contest.id}`, {
          contestId: contest.id,
          candidateId,
        })
      }
      if (marked.has(candidateId)) {
        throw invalid(`Candidate ${candidateId} is marked twice`, { contestId: contest.id, candidateId })
      }
      marked.add(candidateId)
    }
    const limit = maxMarks(method, contest.seats, contest.candidates.length)
    if (entry.preferences.length > limit) {
      throw invalid(`A ${method} ballot marks at most ${limit} candidate(s) in contest ${contest.id}`, {
        contestId: contest.id,
        method,
        maxMarks: limit,
        marked: entry.preferences.length,
      })
    }
    ballot.set(contest.id, [...entry.preferences])
  }
  return ballot
}
