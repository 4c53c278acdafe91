import type { CountingMethodId } from '../../core/counting/counting-method.ts'
import { vacuumBallotQueue } from '../../core/elections/ballot-queue.ts'
import { callElection } from '../../core/elections/call-election.ts'
import { cancelElection } from '../../core/elections/cancel-election.ts'
import { type ElectionView, getElection } from '../../core/elections/get-election.ts'
import { type ElectionSummary, listElections } from '../../core/elections/list-elections.ts'
import { getBody } from '../../core/orgs/get-body.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { jobHandlers } from '../job-handlers.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

/** Formats an instant for people: `1923-12-08 09:00 UTC`. */
function when(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`
}

/** The election as text: one header, the windows, each contest with its candidates. */
export function formatElection(view: ElectionView): string {
  const lines = [
    `election ${view.id}: ${view.title} — ${view.state.toUpperCase()}`,
    `  body: ${view.body.name} (body ${view.body.id}); method: ${view.method}; charter version ${view.charterVersionId}`,
    `  nominations: ${when(view.nominationsOpenAt)} → ${when(view.nominationsCloseAt)}${view.nominationsOpen ? '  (open now)' : ''}`,
    `  voting:      ${when(view.votingOpenAt)} → ${when(view.votingCloseAt)}${view.votingOpen ? '  (open now)' : ''}`,
  ]
  if (view.electorateSize !== null) {
    lines.push(`  electorate: ${view.electorateSize} with a vote; ${view.votersCount} have voted`)
  }
  if (view.cancelReason !== null) lines.push(`  cancelled: ${view.cancelReason}`)
  if (view.tieBreakSeed !== null) lines.push(`  tie-break seed: ${view.tieBreakSeed}`)
  for (const contest of view.contests) {
    lines.push(
      `  ${contest.post} (${contest.title}), ${contest.seats} seat(s) [contest ${contest.contestId}]`,
    )
    if (contest.candidates.length === 0) lines.push('    no accepted candidate yet')
    for (const c of contest.candidates) lines.push(`    - ${c.fullName} (member ${c.memberId})`)
  }
  return lines.join('\n')
}

function summaryLine(e: ElectionSummary): string {
  return `${e.id}\t${e.state}\t${e.title}\t${e.bodyName} (body ${e.bodyId})\t${e.posts.join(', ')}\tvoting ${when(e.votingOpenAt)} → ${when(e.votingCloseAt)}`
}

/** `charter election call`: calls an election as the operator. */
export async function callElectionCommand(
  options: DataOptions & {
    body: number
    post: { post: string; seats: number }[]
    method: CountingMethodId
    nominationsOpen: string
    nominationsClose: string
    votingOpen: string
    votingClose: string
    title?: string
  },
): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const election = await database.db.transaction().execute(async (trx) => {
      const ctx = { db: trx, clock, actor: cliActor }
      const body = await getBody(trx, options.body)
      return callElection(ctx, {
        bodyId: options.body,
        title: options.title ?? `Elections in ${body.name}`,
        method: options.method,
        contests: options.post,
        nominationsOpenAt: options.nominationsOpen,
        nominationsCloseAt: options.nominationsClose,
        votingOpenAt: options.votingOpen,
        votingCloseAt: options.votingClose,
      })
    })
    console.log(formatElection(await getElection(database.db, election.id, clock.now())))
  } finally {
    await database.close()
  }
}

/** `charter election show ID`. */
export async function showElectionCommand(
  id: number,
  options: DataOptions & { json?: boolean },
): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const view = await getElection(database.db, id, clock.now())
    console.log(options.json ? JSON.stringify(view, null, 2) : formatElection(view))
  } finally {
    await database.close()
  }
}

/** `charter election list --body ID`: every page, one line per election. */
export async function listElectionsCommand(
  options: DataOptions & {
    body: number
    subtree?: boolean
    state?: ElectionSummary['state']
    json?: boolean
  },
): Promise<void> {
  const { database } = await openRuntime(options)
  try {
    const items: ElectionSummary[] = []
    let after: string | null = null
    do {
      const page: { items: ElectionSummary[]; nextCursor: string | null } = await listElections(database.db, {
        bodyId: options.body,
        includeSubtree: options.subtree ?? false,
        limit: 500,
        ...(options.state ? { state: options.state } : {}),
        ...(after ? { after } : {}),
      })
      items.push(...page.items)
      after = page.nextCursor
    } while (after)
    if (options.json) console.log(JSON.stringify(items, null, 2))
    else if (items.length === 0) console.log('no elections')
    else for (const item of items) console.log(summaryLine(item))
  } finally {
    await database.close()
  }
}

/** `charter election cancel ID --reason R`. */
export async function cancelElectionCommand(
  id: number,
  options: DataOptions & { reason: string },
): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const result = await database.db
      .transaction()
      .execute((trx) =>
        cancelElection({ db: trx, clock, actor: cliActor }, { electionId: id, reason: options.reason }),
      )
    if (result.discardedBallots > 0) await vacuumBallotQueue(database.db)
    if (!result.cancelled) console.log(`election ${id} was cancelled already`)
    else {
      const discarded =
        result.discardedBallots > 0 ? `; ${result.discardedBallots} queued ballot row(s) discarded` : ''
      console.log(`election ${id} cancelled (it was ${result.fromState})${discarded}`)
    }
  } finally {
    await database.close()
  }
}

/** `charter scheduler run`: runs what is due once; exits 1 when a job failed. */
export async function runSchedulerCommand(options: DataOptions & { limit: number }): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const result = await runDueJobs({ db: database.db, clock }, jobHandlers, { limit: options.limit })
    console.log(`${result.done} job(s) done`)
    for (const job of result.errors) {
      const message = job.error instanceof Error ? job.error.message : String(job.error)
      console.error(`job ${job.jobId} (${job.kind} of ${job.subjectId}) ${job.outcome}: ${message}`)
    }
    if (result.errors.length > 0) process.exitCode = 1
  } finally {
    await database.close()
  }
}
