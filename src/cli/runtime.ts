import { existsSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'
import { type Config, ConfigError, loadConfig } from '../config.ts'
import { organisationClock } from '../core/orgs/organisation-clock.ts'
import { readOrganisationSettings } from '../core/orgs/organisation-settings.ts'
import type { Clock } from '../core/shared/clock.ts'
import { AppError } from '../core/shared/errors.ts'
import { type Database, openDatabase } from '../db/client.ts'

/** Options every database-using command accepts. */
export interface DataOptions {
  data?: string
  port?: number
}

/** The parts a command works with, opened from the one parsed config. */
export interface Runtime {
  readonly config: Config
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
}

/** How a command opens the database. */
export interface OpenOptions {
  /**
   * The embedded database must already exist (a read-only command): opening a data folder that
   * holds none would create an empty database there, so a mistyped --data would answer "no
   * findings" from a fresh folder instead of an error. A PostgreSQL URL names a database that
   * exists or the connection fails, so it needs no check.
   */
  readonly mustExist?: boolean
}

/** Parses config, opens (and migrates) the database, and picks the organisation's clock. */
export async function openRuntime(options: DataOptions, open: OpenOptions = {}): Promise<Runtime> {
  const config = loadConfig(process.env, {
    ...(options.data ? { dataDir: options.data } : {}),
    ...(options.port ? { port: options.port } : {}),
  })
  // PostgreSQL (and so PGlite) writes PG_VERSION first into every data folder it initialises.
  if (
    open.mustExist &&
    config.database.kind === 'pglite' &&
    !existsSync(join(config.database.dataDir, 'PG_VERSION'))
  ) {
    throw new AppError('NOT_FOUND', `no Charter database in ${config.database.dataDir}`)
  }
  const logger = pino({ level: config.logLevel })
  const database = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  )
  const clock = organisationClock(await readOrganisationSettings(database.db))
  return { config, database, clock, logger }
}

/** Where the data lives, for messages: the data folder, or the server without its password. */
export function describeDatabase(config: Config): string {
  if (config.database.kind === 'pglite') return `embedded PostgreSQL (PGlite) in ${config.database.dataDir}`
  const url = new URL(config.database.url)
  url.password = ''
  return `PostgreSQL at ${url.host}${url.pathname}`
}

/** Runs a command body, turning expected failures into a readable message and exit code 1. */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
    } else if (error instanceof AppError) {
      console.error(`error ${error.code}: ${error.message}`)
      const details = error.details
      if (details && typeof details === 'object' && Object.keys(details).length > 0) {
        console.error(JSON.stringify(details, null, 2))
      }
    } else {
      console.error(error)
    }
    process.exitCode = 1
  }
}
