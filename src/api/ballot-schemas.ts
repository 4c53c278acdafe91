import { z } from '@hono/zod-openapi'
import { MAX_CONTESTS_PER_BALLOT, MAX_MARKS_PER_CONTEST } from '../core/elections/cast-ballot.ts'
import { idSchema } from './schemas.ts'

const int = z.number().int()
const candidateNumber = int.openapi({ description: 'An index into the contest’s `candidates`' })

/** What a voter sends: candidate ids per contest, most preferred first; a contest left out is blank. */
export const BallotSchema = z
  .object({
    contests: z
      .array(
        z.object({
          contestId: idSchema,
          preferences: z.array(idSchema).max(MAX_MARKS_PER_CONTEST).openapi({
            description:
              'Candidate ids, most preferred first; for approval and block, the order does not matter',
          }),
        }),
      )
      .max(MAX_CONTESTS_PER_BALLOT),
  })
  .openapi('Ballot')

export const ReceiptSchema = z
  .object({
    tracker: z.string().openapi({
      example: '3f1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f',
      description:
        'Shown once: after the close, look your ballot up with it. Charter keeps no copy tied to you.',
    }),
  })
  .openapi('BallotReceipt')

const RoundSchema = z.object({
  round: int,
  quota: z.number().nullable(),
  votes: z
    .array(z.number())
    .openapi({ description: 'Each candidate’s votes at the end of the round, by number' }),
  exhausted: z.number(),
  elected: z.array(candidateNumber),
  excluded: z.array(candidateNumber),
  transfers: z.array(
    z.object({
      from: candidateNumber,
      kind: z.enum(['surplus', 'exclusion']),
      value: z.number(),
      to: z.array(z.object({ candidate: candidateNumber, votes: z.number() })),
      exhausted: z.number(),
    }),
  ),
  note: z.string(),
  keepValues: z.array(z.number()).optional(),
})

const TieBreakSchema = z.object({
  round: int,
  between: z.array(candidateNumber),
  chosen: candidateNumber,
  by: z.enum(['earlier-rounds', 'lot']),
  purpose: z.enum(['exclude', 'elect']),
  detail: z.string().optional(),
})

const CandidateSchema = z.object({ candidateId: int, memberId: int, name: z.string() })

const ContestResultSchema = z.object({
  contestId: int,
  post: z.string(),
  method: z.string(),
  seats: int,
  candidates: z.array(CandidateSchema).openapi({ description: 'Candidate number i is candidates[i]' }),
  withdrawn: z.array(candidateNumber),
  ballots: int.openapi({ description: 'Ballots marking at least one candidate (counted)' }),
  blank: int.openapi({ description: 'Ballots marking no one in this contest' }),
  elected: z.array(candidateNumber).openapi({ description: 'In order of election' }),
  electedCandidates: z.array(CandidateSchema),
  rounds: z.array(RoundSchema),
  tieBreaks: z.array(TieBreakSchema),
  ranking: z.array(z.array(candidateNumber)).nullable().openapi({ description: 'Schulze: best first' }),
  tieBreakSeed: z.string(),
  noCount: z.string().nullable().openapi({ description: 'Why nothing was counted, if nothing was' }),
  mandates: z.array(
    z.object({
      memberId: int,
      mandateId: int.nullable(),
      replacedMandateIds: z.array(int),
      refused: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
})

export const ElectionResultsSchema = z
  .object({
    electionId: int,
    title: z.string(),
    method: z.string(),
    bodyId: int,
    votingCloseAt: z.string(),
    closedAt: z.string(),
    tieBreakSeed: z
      .string()
      .openapi({ description: 'The seed of the recorded lot for ties the rules left open' }),
    electorateSize: int.nullable(),
    votersCount: int,
    turnout: z.number().nullable(),
    contests: z.array(ContestResultSchema),
  })
  .openapi('ElectionResults')

export const PublishedBallotSchema = z
  .object({
    tracker: z.string(),
    contests: z.array(z.object({ contestId: int, preferences: z.array(int) })),
  })
  .openapi('PublishedBallot')

export const PublishedBallotsSchema = z.object({
  items: z.array(PublishedBallotSchema),
  nextCursor: z.string().nullable(),
})
