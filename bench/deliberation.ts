import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Command, Option } from 'commander'
import { sql } from 'kysely'
import { adoptCharter } from '../src/core/charter/adopt-charter.ts'
import { generateOrganisation } from '../src/core/demo/generate-organisation.ts'
import { SeededRandom } from '../src/core/demo/random.ts'
import { cliActor } from '../src/core/shared/actor.ts'
import { systemClock } from '../src/core/shared/clock.ts'
import { type BackendKind, openBackend } from './support/backends.ts'
import { benchCharterSource } from './support/bench-charter.ts'
import { buildDiscussion, raiseManyQuestions } from './support/deliberation-discussion.ts'
import {
  measureRaising,
  measureReads,
  pickMembers,
  type SectionOptions,
} from './support/deliberation-reads.ts'
import { loadLine, renderReport } from './support/deliberation-report.ts'
import { initiatorsNeeded, measureSigning } from './support/deliberation-signing.ts'
import { positive } from './support/options.ts'

/**
 * Deliberation at reference scale (issue 5), figures only: raising an initiative (which counts the
 * members in scope to set its signature threshold) in the root and in a region; signing one
 * initiative with 50 signers in flight (and 10, the app's default pool), against the same
 * signatures spread over 50 initiatives (the per-question counter row is the queue); reading a
 * big discussion (20,000 comments, 100,000 supports) and a root body of 1,000 questions of which
 * 100 confidential, for a member outside their audience. `npx node bench/deliberation.ts --backend postgres [--quick]`.
 */

const program = new Command('bench-deliberation')
  .description('Deliberation benchmark on a synthetic organisation')
  .option('--members <n>', 'members to generate', positive, 2_000_000)
  .option('--units <n>', 'units to generate', positive, 100_000)
  .addOption(
    new Option('--backend <kind>', 'which backend').choices(['pglite', 'postgres']).default('postgres'),
  )
  .option('--samples <n>', 'calls per latency row', positive, 100)
  .option('--seconds-per-row <n>', 'time budget of each row (sampling or signing stops there)', positive, 60)
  .option('--signatures <n>', 'signatures in each signing run', positive, 20_000)
  .option('--concurrency <n>', 'signatures in flight', positive, 50)
  .option(
    '--also-concurrency <n>',
    'a second pair of signing runs at this level (the app pool is 10)',
    positive,
    10,
  )
  .option('--comments <n>', 'comments of the big discussion', positive, 20_000)
  .option(
    '--supports <n>',
    'supports in the big discussion (half the proposal, half comments)',
    positive,
    100_000,
  )
  .option('--questions <n>', "questions in the root body's list", positive, 1_000)
  .option('--confidential <n>', 'of which confidential', positive, 100)
  .option('--quick', '100,000 members in 5,000 units, 2,000 signatures and comments, 10,000 supports', false)
  .option('--no-explain', 'skip the query plans')
  .parse()
const given = program.opts<{
  members: number
  units: number
  backend: BackendKind
  samples: number
  secondsPerRow: number
  signatures: number
  concurrency: number
  alsoConcurrency: number
  comments: number
  supports: number
  questions: number
  confidential: number
  quick: boolean
  explain: boolean
}>()
const explicit = (name: string) => program.getOptionValueSource(name) === 'cli'
const quickValue = (name: string, value: number, quick: number) =>
  given.quick && !explicit(name) ? quick : value
const options = {
  ...given,
  members: quickValue('members', given.members, 100_000),
  units: quickValue('units', given.units, 5_000),
  signatures: quickValue('signatures', given.signatures, 2_000),
  comments: quickValue('comments', given.comments, 2_000),
  supports: quickValue('supports', given.supports, 10_000),
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)
const command = `npx node bench/deliberation.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`
const loads: string[] = [loadLine('before the load')]
// One connection per signer in flight, and a few for the rest.
const backend = await openBackend(options.backend, log, {
  poolSize: Math.max(options.concurrency, options.alsoConcurrency) + 5,
  dir: '/tmp/charter-bench-deliberation-pg',
  port: '54333',
})
try {
  const { db } = backend.database
  log(`${backend.description}: generating ${options.members} members in ${options.units} units…`)
  const loadStart = performance.now()
  const organisation = await generateOrganisation(backend.database, systemClock, cliActor, {
    members: options.members,
    units: options.units,
    seed: 1923,
  })
  await sql`analyze`.execute(db)
  log(`loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`)
  loads.push(loadLine('after the load'))
  await db.transaction().execute((trx) =>
    adoptCharter(
      { db: trx, clock: systemClock, actor: cliActor },
      {
        source: benchCharterSource(),
        fileName: 'bench charter',
        decision: { kind: 'congress', title: 'Bench congress', decidedOn: '1998-01-01' },
        effectiveFrom: '1998-01-01',
      },
    ),
  )
  const random = new SeededRandom(1905)
  const rootId = organisation.rootId
  const initiatives = 50
  const levels = [...new Set([options.concurrency, options.alsoConcurrency])]
  const people = await pickMembers(db, {
    signers: options.signatures,
    initiators: initiatorsNeeded(levels.length, initiatives),
    authors: options.comments,
    supporters: options.supports,
    audience: 20,
    viewers: 200,
  })
  const section: SectionOptions = {
    samples: options.samples,
    seconds: options.secondsPerRow,
    explain: options.explain,
    log,
  }

  log('1. raising initiatives…')
  const raising = await measureRaising(db, random, rootId, people, section)
  loads.push(loadLine('after raising'))

  log('2. signing…')
  const signing = await measureSigning(db, {
    rootId,
    signers: people.signers,
    initiators: people.initiators,
    signatures: options.signatures,
    levels,
    initiatives,
    seconds: options.secondsPerRow,
    log,
  })
  loads.push(loadLine('after signing'))

  log(`3. a discussion of ${options.comments} comments and ${options.supports} supports…`)
  const discussion = await buildDiscussion(db, random, {
    bodyId: rootId,
    comments: options.comments,
    supports: options.supports,
    authors: people.authors,
    supporters: people.supporters,
    concurrency: 10,
    seconds: options.secondsPerRow,
  })
  log(
    `posted ${discussion.posted} through postComment in ${discussion.postSeconds.toFixed(1)} s, ` +
      `${discussion.bulk} as rows`,
  )
  const existing = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('body_id', '=', rootId)
    .executeTakeFirstOrThrow()
  const filler = Math.max(0, options.questions - Number(existing.n))
  log(`raising ${filler} more questions in the root (${options.confidential} confidential)…`)
  const fillStart = performance.now()
  await raiseManyQuestions(db, random, {
    bodyId: rootId,
    count: filler,
    confidential: Math.min(options.confidential, filler),
    audience: people.audience,
  })
  const fillSeconds = (performance.now() - fillStart) / 1000
  await sql`analyze questions`.execute(db)
  await sql`analyze question_audience`.execute(db)
  const reads = await measureReads(db, random, { rootId, discussion, viewers: people.viewers }, section)
  loads.push(loadLine('at the end'))

  const markdown = renderReport({
    backend: backend.kind,
    description: backend.description,
    command,
    members: options.members,
    units: options.units,
    machine: { cores: cpus().length, model: cpus()[0]?.model ?? '?', memoryGiB: totalmem() / 2 ** 30 },
    loads,
    raising,
    signing,
    discussion,
    questions: {
      total: Number(existing.n) + filler,
      filler,
      fillSeconds,
      confidential: options.confidential,
    },
    reads,
  })
  const file = fileURLToPath(
    new URL(`./results/deliberation-${options.backend}${given.quick ? '-quick' : ''}.md`, import.meta.url),
  )
  writeFileSync(file, markdown)
  console.log(markdown)
  log(
    `written to ${file}; load average now ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  )
} finally {
  await backend.dispose()
}
