import type { Executor } from '../../db/client.ts'
import { loadPublishedElection } from './published-election.ts'

/** A published ballot: what one tracker marked in each contest (candidate ids, in order). */
export interface PublishedBallot {
  readonly tracker: string
  readonly contests: readonly { readonly contestId: number; readonly preferences: readonly number[] }[]
}

const TRACKER = /^[0-9a-f]{32}$/

/** A tracker as typed by a person: trimmed, lower case; null when it cannot be one. */
function normaliseTracker(text: string): string | null {
  const tracker = text.trim().toLowerCase()
  return TRACKER.test(tracker) ? tracker : null
}

/**
 * The ballot counted under a tracker, so a voter can check theirs was counted as cast; null when
 * no ballot of the election carries it. RESULTS_HIDDEN before the close. Anyone holding a tracker
 * can look it up: it proves nothing about who cast it (see docs/SECURITY.md on coercion).
 */
export async function verifyTracker(
  db: Executor,
  input: { electionId: number; tracker: string },
): Promise<PublishedBallot | null> {
  await loadPublishedElection(db, input.electionId)
  const tracker = normaliseTracker(input.tracker)
  if (!tracker) return null
  const rows = await db
    .selectFrom('ballot_box')
    .select(['contest_id', 'preferences'])
    .where('election_id', '=', input.electionId)
    .where('tracker', '=', tracker)
    .orderBy('contest_id')
    .execute()
  if (rows.length === 0) return null
  return {
    tracker,
    contests: rows.map((row) => ({ contestId: row.contest_id, preferences: row.preferences })),
  }
}
