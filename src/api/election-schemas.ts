import { z } from '@hono/zod-openapi'
import { COUNTING_METHOD_IDS } from '../core/counting/counting-method.ts'
import { NOMINATION_ANSWERS } from '../core/elections/answer-nomination.ts'
import type { CandidateRow } from '../core/elections/election-lookups.ts'
import { ELECTION_STATES } from '../core/elections/list-elections.ts'

const id = z.number().int()
const instant = z.string().openapi({ example: '1923-12-08T09:00:00.000Z' })
const state = z.enum(ELECTION_STATES)
const candidateState = z.enum(['nominated', 'accepted', 'declined', 'withdrawn'])

/** An instant in a request: ISO 8601 with a time and an offset. */
const instantInput = z.iso
  .datetime({ offset: true })
  .openapi({ example: '1923-12-08T09:00:00Z', description: 'On the organisation’s clock' })

export const NewElectionSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    method: z.enum(COUNTING_METHOD_IDS).openapi({ description: 'plurality needs one seat per contest' }),
    contests: z
      .array(
        z.object({
          post: z.string().min(1).max(60).openapi({ example: 'unit-secretary' }),
          seats: z.number().int().positive().max(1000),
        }),
      )
      .min(1)
      .max(50),
    nominationsOpenAt: instantInput,
    nominationsCloseAt: instantInput,
    votingOpenAt: instantInput,
    votingCloseAt: instantInput,
  })
  .openapi('NewElection')

/** What the caller may do with an election (the policy's answer, so clients never guess). */
export const ElectionPermissionsSchema = z
  .object({
    canManage: z.boolean().openapi({ description: 'Cancel it, and record any nomination' }),
    canNominate: z.boolean().openapi({ description: 'Nominations are open and the caller may nominate' }),
    canStand: z
      .boolean()
      .openapi({ description: 'Nominations are open and the caller is eligible for a post' }),
    canVote: z.boolean().openapi({ description: 'Voting is open, the caller has a vote and has not voted' }),
  })
  .openapi('ElectionPermissions')

export const ElectionSchema = z
  .object({
    id,
    body: z.object({ id, name: z.string(), path: z.string(), level: z.string() }),
    title: z.string(),
    method: z.string(),
    state,
    nominationsOpenAt: instant,
    nominationsCloseAt: instant,
    votingOpenAt: instant,
    votingCloseAt: instant,
    nominationsOpen: z.boolean(),
    votingOpen: z.boolean(),
    charterVersionId: id,
    tieBreakSeed: z.string().nullable().openapi({ description: 'Published once the election is closed' }),
    electorateSize: id.nullable(),
    votersCount: id.openapi({ description: 'Who voted is counted openly; what they voted is secret' }),
    contests: z.array(
      z.object({
        contestId: id,
        post: z.string(),
        title: z.string(),
        seats: id,
        candidates: z.array(z.object({ candidateId: id, memberId: id, fullName: z.string() })),
      }),
    ),
    createdAt: instant,
    closedAt: instant.nullable(),
    cancelledAt: instant.nullable(),
    cancelReason: z.string().nullable(),
    me: z
      .object({
        memberId: id,
        voice: z.enum(['vote', 'consultative']).nullable(),
        hasVoted: z.boolean(),
        nominations: z.array(
          z.object({
            candidateId: id,
            contestId: id,
            post: z.string(),
            state: candidateState,
            nominatedByMemberId: id.nullable(),
            nominatedAt: instant,
          }),
        ),
      })
      .nullable()
      .openapi({
        description: 'The caller’s own voice, vote taken or not, and nominations (linked accounts)',
      }),
    permissions: ElectionPermissionsSchema,
  })
  .openapi('Election')

export const ElectionSummarySchema = z
  .object({
    id,
    bodyId: id,
    bodyName: z.string(),
    title: z.string(),
    method: z.string(),
    state,
    posts: z.array(z.string()),
    nominationsOpenAt: instant,
    nominationsCloseAt: instant,
    votingOpenAt: instant,
    votingCloseAt: instant,
    electorateSize: id.nullable(),
  })
  .openapi('ElectionSummary')

export const NewNominationSchema = z
  .object({
    contestId: z.number().int().positive().optional(),
    post: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .openapi({ description: 'The contest by its post, instead of contestId' }),
    memberId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'The nominee; default: the caller’s own member (standing oneself)' }),
    nominatedByMemberId: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .openapi({ description: 'Officers only, recording a nomination made by another member' }),
  })
  .openapi('NewNomination')

export const NominationSchema = z
  .object({
    id,
    contestId: id,
    memberId: id,
    nominatedByMemberId: id.nullable(),
    state: candidateState,
    nominatedAt: instant,
    answeredAt: instant.nullable(),
  })
  .openapi('Nomination')

export const AnswerSchema = z.object({ answer: z.enum(NOMINATION_ANSWERS) }).openapi('NominationAnswer')

/** A nomination row as the API shows it. */
export function presentNomination(row: CandidateRow): z.infer<typeof NominationSchema> {
  return {
    id: row.id,
    contestId: row.contest_id,
    memberId: row.member_id,
    nominatedByMemberId: row.nominated_by_member_id,
    state: row.state,
    nominatedAt: new Date(row.nominated_at).toISOString(),
    answeredAt: row.answered_at === null ? null : new Date(row.answered_at).toISOString(),
  }
}
