import {
  createDemoOrganisation,
  DEMO_CONFIDENTIAL_EMAIL,
  DEMO_MEMBER_EMAIL,
  type DemoSummary,
} from '../../core/demo/create-demo.ts'
import { systemClock } from '../../core/shared/clock.ts'
import type { Database } from '../../db/client.ts'
import { progressBar } from '../progress.ts'
import { type DataOptions, describeDatabase, openRuntime } from '../runtime.ts'

/** Loads the demo with a progress bar and returns what it made. */
export async function loadDemo(database: Database): Promise<DemoSummary> {
  const bar = progressBar('demo members', 1)
  try {
    return await createDemoOrganisation(database, systemClock, {
      onProgress: (done, total) => bar.update(done, total),
    })
  } finally {
    bar.stop()
  }
}

/** Prints where to sign in to the demo. */
export function printDemoLogins(summary: DemoSummary): void {
  console.log(
    `  sign in as ${summary.accounts.map((account) => `${account.email} (${account.role})`).join(', ')}`,
  )
  console.log(`  password for all of them: ${summary.password}`)
  const open = summary.elections.open
  if (open) console.log(`  open election: ${open.title} — sign in as ${DEMO_MEMBER_EMAIL} to vote`)
  const { discussion, urgent } = summary.deliberation
  console.log(
    `  discussion in progress: question ${discussion.questionId} “${discussion.title}”, ${discussion.closesAt ? `open until ${discussion.closesAt.slice(0, 10)}` : 'open'}`,
  )
  console.log(
    `  awaiting ratification: decision ${urgent.decisionId} “${urgent.title}”, due by ${urgent.ratifyBy}`,
  )
  const { confidential } = summary.deliberation
  console.log(
    `  confidential: question ${confidential.questionId}, readable only by its audience (${DEMO_CONFIDENTIAL_EMAIL}) until ${confidential.declassifyOn}`,
  )
  console.log(`  ${summary.audit.headline}`)
}

/** `charter demo`: the 1923 organisation in an empty database. */
export async function demoCommand(options: DataOptions): Promise<void> {
  const { database, config } = await openRuntime(options)
  try {
    const summary = await loadDemo(database)
    console.log(
      `demo organisation created in ${describeDatabase(config)}: ${summary.bodies} bodies, ` +
        `${summary.units} units, ${summary.members} members`,
    )
    printDemoLogins(summary)
  } finally {
    await database.close()
  }
}
