import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from '../../api/app.ts'
import { serveWeb } from '../../api/static.ts'
import { startAuditFollower } from '../../core/audit/start-audit-follower.ts'
import { startSealer } from '../../core/events/start-sealer.ts'
import { organisationClock } from '../../core/orgs/organisation-clock.ts'
import { readOrganisationSettings } from '../../core/orgs/organisation-settings.ts'
import { startScheduler } from '../../core/scheduler/start-scheduler.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { jobHandlers } from '../job-handlers.ts'
import { type DataOptions, describeDatabase, openRuntime } from '../runtime.ts'
import { loadDemo, printDemoLogins } from './demo.ts'

const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url))

/** `charter start`: serve the API and web app; first run on an empty database loads the demo. */
export async function startCommand(options: DataOptions & { demo: boolean }): Promise<void> {
  const runtime = await openRuntime(options)
  const { config, database, logger } = runtime
  let clock = runtime.clock
  const empty = !(await database.db.selectFrom('bodies').select('id').limit(1).executeTakeFirst())
  let demoSummary = null
  if (empty && options.demo) {
    console.log('Empty database: loading the 1923 demo organisation (about half a minute)…')
    demoSummary = await loadDemo(database)
    clock = organisationClock(await readOrganisationSettings(database.db))
  }

  const app = createApp({ database, clock, logger, secureCookies: config.secureCookies })
  if (existsSync(WEB_DIST)) serveWeb(app, WEB_DIST)
  else logger.warn({ dir: WEB_DIST }, 'web app not built; run `npm run build:web` (npm start does)')
  const stopSealer = startSealer(database.db, clock, {
    intervalMs: 1000,
    onError: (error) => logger.error({ err: error }, 'sealer pass failed'),
  })
  // Timed transitions (an election's voting opens, …) run even when no one calls the API.
  const stopScheduler = startScheduler(database.db, clock, jobHandlers, {
    intervalMs: 1000,
    onError: (error, job) =>
      logger.error(
        { err: error, job: job && { id: job.jobId, kind: job.kind, outcome: job.outcome } },
        'scheduled job failed',
      ),
    onDone: (done) => logger.info({ done }, 'scheduled jobs done'),
  })

  // Findings stay current within seconds of a change: the follower applies what the sealer sealed.
  const stopAuditFollower = startAuditFollower(database.db, clock, {
    intervalMs: 1000,
    onError: (error) => logger.error({ err: error }, 'audit follower pass failed'),
    onPass: (result) => logger.info({ audit: result }, 'audit findings updated'),
  })

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host
    console.log(`Charter is serving http://${host}:${info.port}  (${describeDatabase(config)})`)
    console.log(`  organisation date: ${toIsoDate(clock.now())}; API docs at /docs`)
    if (demoSummary) printDemoLogins(demoSummary)
    else if (empty) console.log('  empty organisation: run `npx charter init --help` to set one up')
  })

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close()
    await stopScheduler()
    await stopAuditFollower()
    await stopSealer()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}
