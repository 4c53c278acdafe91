import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { ElectionRow } from '../../db/schema.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { postRuleAtLevel, votingRights } from '../charter/charter-rules.ts'
import { COUNTING_METHOD_IDS } from '../counting/counting-method.ts'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import { getActiveBody } from '../orgs/get-body.ts'
import { bodyRegion } from '../orgs/tree.ts'
import { scheduleJob } from '../scheduler/schedule-job.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, type InputIssue, invalidInput } from '../shared/errors.ts'
import { ELECTION_JOB_KINDS, electionPlacement } from './election-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
/** An instant: a Date, or ISO 8601 text with a time and an offset. */
const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value))

export const callElectionInputSchema = z.object({
  bodyId: id,
  title: z.string().trim().min(1).max(200),
  method: z.enum(COUNTING_METHOD_IDS),
  contests: z
    .array(z.object({ post: z.string().trim().min(1).max(60), seats: z.number().int().positive().max(1000) }))
    .min(1)
    .max(50),
  nominationsOpenAt: instant,
  nominationsCloseAt: instant,
  votingOpenAt: instant,
  votingCloseAt: instant,
})

export type CallElectionInput = z.input<typeof callElectionInputSchema>
type CallElectionData = z.output<typeof callElectionInputSchema>

/** The checks that need no database: windows in order and not past, posts once, plurality seats. */
function shapeIssues(data: CallElectionData, now: Date): InputIssue[] {
  const issues: InputIssue[] = []
  if (data.nominationsOpenAt < now) {
    issues.push({ path: 'nominationsOpenAt', message: `must not be before now (${now.toISOString()})` })
  }
  if (data.nominationsCloseAt <= data.nominationsOpenAt) {
    issues.push({ path: 'nominationsCloseAt', message: 'must be after nominationsOpenAt' })
  }
  if (data.votingOpenAt < data.nominationsCloseAt) {
    issues.push({ path: 'votingOpenAt', message: 'must not be before nominationsCloseAt' })
  }
  if (data.votingCloseAt <= data.votingOpenAt) {
    issues.push({ path: 'votingCloseAt', message: 'must be after votingOpenAt' })
  }
  const seen = new Set<string>()
  for (const [index, contest] of data.contests.entries()) {
    if (seen.has(contest.post)) {
      issues.push({ path: `contests.${index}.post`, message: `the post ${contest.post} is named twice` })
    }
    seen.add(contest.post)
    // Plurality elects the one candidate with most votes; several seats are a block vote.
    if (data.method === 'plurality' && contest.seats !== 1) {
      issues.push({
        path: `contests.${index}.seats`,
        message: 'plurality fills one seat per contest; use block for several',
      })
    }
  }
  return issues
}

/**
 * Calls an election in a body: one contest per post (each post defined at the body's level by
 * the charter in force on the voting-open date, with no more seats than the post has), a counting
 * method, and the nomination and voting windows, ordered and not in the past on the
 * organisation's clock. Plurality needs one seat per contest. A fresh 32-byte tie-break seed is
 * recorded now (published with the results), so no one can pick it after seeing the ballots.
 * Writes `election.called` and schedules the four transitions (open and close nominations, open
 * and close voting) on the shared scheduler.
 */
export async function callElection(ctx: UseCaseContext, input: CallElectionInput): Promise<ElectionRow> {
  const data = parseInput(callElectionInputSchema, input, 'election call')
  const now = ctx.clock.now()
  const issues = shapeIssues(data, now)
  if (issues.length > 0) throw invalidInput('The election call is not valid', issues)

  const body = await getActiveBody(ctx.db, data.bodyId)
  const votingDate = toIsoDate(data.votingOpenAt)
  const charter = await charterInForce(ctx.db, votingDate)
  if (!votingRights(charter.document)) {
    throw new AppError(
      'CONFLICT',
      `The charter in force on ${votingDate} says nothing on voting rights, so no electorate can be drawn`,
      { date: votingDate, charterVersionId: charter.versionId },
    )
  }
  const seatIssues: InputIssue[] = []
  for (const [index, contest] of data.contests.entries()) {
    const post = postRuleAtLevel(charter.document, contest.post, body.level)
    if (contest.seats > post.seats) {
      seatIssues.push({
        path: `contests.${index}.seats`,
        message: `the post ${post.post} has ${post.seats} seat(s) (${post.id})`,
      })
    }
  }
  if (seatIssues.length > 0) throw invalidInput('The election call is not valid', seatIssues)

  const election = await ctx.db
    .insertInto('elections')
    .values({
      region_id: bodyRegion(body),
      body_id: body.id,
      title: data.title,
      method: data.method,
      state: 'called',
      nominations_open_at: data.nominationsOpenAt,
      nominations_close_at: data.nominationsCloseAt,
      voting_open_at: data.votingOpenAt,
      voting_close_at: data.votingCloseAt,
      charter_version_id: charter.versionId,
      tie_break_seed: randomBytes(32).toString('hex'),
      electorate_size: null,
      voters_count: null,
      closed_at: null,
      cancelled_at: null,
      cancel_reason: null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const contests = await ctx.db
    .insertInto('election_contests')
    .values(data.contests.map((c) => ({ election_id: election.id, post: c.post, seats: c.seats })))
    .returning(['id', 'post', 'seats'])
    .execute()
  await appendEvent(
    ctx,
    {
      type: 'election.called',
      payload: {
        title: data.title,
        method: data.method,
        contests: contests.map((c) => ({ contestId: c.id, post: c.post, seats: c.seats })),
        nominationsOpenAt: data.nominationsOpenAt.toISOString(),
        nominationsCloseAt: data.nominationsCloseAt.toISOString(),
        votingOpenAt: data.votingOpenAt.toISOString(),
        votingCloseAt: data.votingCloseAt.toISOString(),
        charterVersionId: charter.versionId,
      },
    },
    electionPlacement(election),
  )
  // Scheduled in due order, so jobs falling due together (a runner that was down) run in order.
  const jobs = [
    [ELECTION_JOB_KINDS.openNominations, data.nominationsOpenAt],
    [ELECTION_JOB_KINDS.closeNominations, data.nominationsCloseAt],
    [ELECTION_JOB_KINDS.openVoting, data.votingOpenAt],
    [ELECTION_JOB_KINDS.closeVoting, data.votingCloseAt],
  ] as const
  for (const [kind, dueAt] of jobs) await scheduleJob(ctx, { kind, subjectId: election.id, dueAt })
  return election
}
