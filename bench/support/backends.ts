import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { createScratchDatabase } from './scratch-database.ts'

export type BackendKind = 'pglite' | 'postgres'

/** A fresh, migrated, empty database for one benchmark run, and how to get rid of it. */
export interface BenchBackend {
  readonly kind: BackendKind
  readonly database: Database
  /** The server URL (postgres only), for benches that open their own scratch databases. */
  readonly serverUrl: string | null
  /** e.g. "PostgreSQL 17.6 (throwaway server, durable: fsync on, synchronous_commit on)". */
  readonly description: string
  dispose(): Promise<void>
}

const SCRIPT = fileURLToPath(new URL('../../scripts/postgres-server.sh', import.meta.url))
const THROWAWAY_DIR = '/tmp/charter-bench-pg'
const THROWAWAY_PORT = '54331'

/** Where a bench's own throwaway server lives, so two benches on one machine do not share (and stop) one. */
export interface ServerPlace {
  /** Connections in the pool (default 10): a bench of concurrent writers needs one per writer. */
  readonly poolSize?: number
  readonly dir?: string
  readonly port?: string
}

/** Opens the backend: a temp PGlite folder, or a scratch database on a loopback server. */
export async function openBackend(
  kind: BackendKind,
  log: (line: string) => void,
  place: ServerPlace = {},
): Promise<BenchBackend> {
  return kind === 'pglite' ? openPGliteBackend() : openServerBackend(log, place)
}

async function openPGliteBackend(): Promise<BenchBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'charter-bench-pglite-'))
  const database = await openDatabase({ kind: 'pglite', dataDir })
  const version = await serverVersion(database)
  return {
    kind: 'pglite',
    database,
    serverUrl: null,
    description: `PGlite (PostgreSQL ${version} in WASM), data folder on local disk`,
    async dispose() {
      await database.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function openServerBackend(log: (line: string) => void, place: ServerPlace): Promise<BenchBackend> {
  const dir = place.dir ?? THROWAWAY_DIR
  const port = place.port ?? THROWAWAY_PORT
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL
  let serverUrl: string
  let origin: string
  if (given) {
    serverUrl = given
    origin = 'server from BENCH_DATABASE_URL/DATABASE_URL'
  } else {
    log(`starting a throwaway durable PostgreSQL server in ${dir} on port ${port}…`)
    serverUrl = execFileSync('bash', [SCRIPT, 'start', dir, port], {
      env: { ...process.env, PG_DURABLE: '1' },
      encoding: 'utf8',
    }).trim()
    origin = 'throwaway server started by the bench'
  }
  const stopServer = () => {
    if (given) return
    execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  }
  let database: Database & { drop(): Promise<void> }
  try {
    database = await createScratchDatabase(serverUrl, place.poolSize ?? 10)
  } catch (error) {
    stopServer()
    throw error
  }
  const version = await serverVersion(database)
  const settings = await sql<{ name: string; setting: string }>`
    select name, setting from pg_settings
    where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'work_mem')
    order by name`.execute(database.db)
  const flags = settings.rows
    .map(
      (row) =>
        `${row.name}=${row.name === 'shared_buffers' ? `${Number(row.setting) / 128} MB` : row.setting}`,
    )
    .join(', ')
  return {
    kind: 'postgres',
    database,
    serverUrl,
    description: `PostgreSQL ${version}, ${origin} (${flags})`,
    async dispose() {
      // Connections still checked out of the pool (a bulkTransaction that never released its client) get terminated by
      // the forced drop or the server's stop; their clients then emit errors nobody listens to.
      const swallow = (error: Error) => log(`ignored after the run: ${error.message}`)
      process.on('uncaughtException', swallow)
      try {
        await database.drop()
        stopServer()
        await new Promise((resolve) => setTimeout(resolve, 500))
      } finally {
        process.off('uncaughtException', swallow)
      }
    },
  }
}

async function serverVersion(database: Database): Promise<string> {
  const result = await sql<{ server_version: string }>`show server_version`.execute(database.db)
  return result.rows[0]?.server_version ?? 'unknown'
}
