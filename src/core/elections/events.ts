import { z } from 'zod'

const id = z.number().int()
const instant = z.string()

/**
 * Events of elections. The subject of each is the election. Nothing here ever says what anyone
 * voted: `election.ballot_cast` records that a member voted (the roll is not secret), and its
 * payload is empty on purpose.
 */
export const electionEvents = [
  z.object({
    type: z.literal('election.called'),
    payload: z.object({
      title: z.string(),
      method: z.string(),
      contests: z.array(z.object({ contestId: id, post: z.string(), seats: id })),
      nominationsOpenAt: instant,
      nominationsCloseAt: instant,
      votingOpenAt: instant,
      votingCloseAt: instant,
      charterVersionId: id,
    }),
  }),
  z.object({ type: z.literal('election.nominations_opened'), payload: z.object({}) }),
  z.object({ type: z.literal('election.nominations_closed'), payload: z.object({ candidates: id }) }),
  z.object({
    type: z.literal('election.nominated'),
    payload: z.object({
      candidateId: id,
      contestId: id,
      post: z.string(),
      memberId: id,
      /** Null when the member stood themselves. */
      nominatedByMemberId: id.nullable(),
      /** The rules the eligibility check applied, all satisfied. */
      ruleIds: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('election.nomination_answered'),
    payload: z.object({
      candidateId: id,
      memberId: id,
      answer: z.enum(['accepted', 'declined', 'withdrawn']),
    }),
  }),
  z.object({
    type: z.literal('election.voting_opened'),
    payload: z.object({ electorateSize: id, consultative: id }),
  }),
  z.object({ type: z.literal('election.ballot_cast'), payload: z.object({}) }),
  z.object({
    type: z.literal('election.closed'),
    payload: z.object({
      votersCount: id,
      electorateSize: id,
      contests: z.array(z.object({ contestId: id, post: z.string(), electedMemberIds: z.array(id) })),
    }),
  }),
  z.object({
    type: z.literal('election.cancelled'),
    // The reason is kept in the elections table (it may name people); the log says one was given.
    payload: z.object({ fromState: z.string(), reasonGiven: z.boolean() }),
  }),
] as const
