import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import { decodeCursor, encodeCursor } from '../members/schemas.ts'
import { loadPublishedElection } from './published-election.ts'
import type { PublishedBallot } from './verify-tracker.ts'

/** The page size when none is asked for, and the largest allowed. */
export const BALLOTS_PAGE_DEFAULT = 100
export const BALLOTS_PAGE_MAX = 1000

/** One page of published ballots and the cursor of the next (null at the end). */
export interface PublishedBallotsPage {
  readonly items: readonly PublishedBallot[]
  readonly nextCursor: string | null
}

/**
 * The published ballots of a closed election, one item per tracker with its marks in every
 * contest, keyset-paged in tracker order. Tracker order is random and says nothing of who voted
 * when; the box's physical order is never exposed (it is a shuffle anyway). RESULTS_HIDDEN
 * before the close.
 */
export async function listPublishedBallots(
  db: Executor,
  input: { electionId: number; after?: string; limit?: number },
): Promise<PublishedBallotsPage> {
  await loadPublishedElection(db, input.electionId)
  const limit = Math.min(Math.max(input.limit ?? BALLOTS_PAGE_DEFAULT, 1), BALLOTS_PAGE_MAX)
  const after = input.after ? decodeCursor(input.after, z.tuple([z.string().max(64)]))[0] : null
  // The page's trackers first (an index range on (election_id, tracker)), then their rows.
  let trackers = db
    .selectFrom('ballot_box')
    .select('tracker')
    .distinct()
    .where('election_id', '=', input.electionId)
    .orderBy('tracker')
    .limit(limit + 1)
  if (after !== null) trackers = trackers.where('tracker', '>', after)
  const page = (await trackers.execute()).map((row) => row.tracker)
  const more = page.length > limit
  const shown = more ? page.slice(0, limit) : page
  if (shown.length === 0) return { items: [], nextCursor: null }
  const rows = await db
    .selectFrom('ballot_box')
    .select(['tracker', 'contest_id', 'preferences'])
    .where('election_id', '=', input.electionId)
    .where('tracker', 'in', shown)
    .orderBy('tracker')
    .orderBy('contest_id')
    .execute()
  const items: { tracker: string; contests: { contestId: number; preferences: number[] }[] }[] = []
  for (const row of rows) {
    const last = items.at(-1)
    const entry = { contestId: row.contest_id, preferences: row.preferences }
    if (last?.tracker === row.tracker) last.contests.push(entry)
    else items.push({ tracker: row.tracker, contests: [entry] })
  }
  const lastTracker = shown.at(-1) as string
  return { items, nextCursor: more ? encodeCursor([lastTracker]) : null }
}
