import { mkdirSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, Migrator, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { migrations } from './migrations/index.ts'
import { ConnectionMutex, PGliteDialect } from './pglite-dialect.ts'
import type { DB } from './schema.ts'

/** Anything a use case can run queries on: the database or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>

/** Streams CSV text (no header) into a table inside the current bulk transaction. */
export type CopyIn = (table: string, columns: readonly string[], csvChunks: Iterable<string>) => Promise<void>

export interface Database {
  readonly kind: 'pglite' | 'postgres'
  readonly db: Kysely<DB>
  /**
   * One transaction on one dedicated connection that also offers COPY, for loads of millions of
   * rows. Everything in it commits or nothing does.
   */
  bulkTransaction<T>(work: (trx: Kysely<DB>, copyIn: CopyIn) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }

const INT8 = 20
const DATE = 1082
const NUMERIC = 1700

// Ids are bigint in SQL but stay far below 2^53, so numbers are safe and pleasant to use.
pg.types.setTypeParser(INT8, (value) => Number(value))
pg.types.setTypeParser(DATE, (value) => value)

/** Opens the database named by the options and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database =
    options.kind === 'postgres'
      ? openPostgres(options.url, options.poolSize)
      : await openPGlite(options.dataDir, options.loadDataDir)
  try {
    await migrate(database.db)
  } catch (error) {
    await database.close()
    throw error
  }
  return database
}

export async function migrate(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
}

function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // An idle pooled connection can die (server restart, a dropped database); pg then emits
  // 'error' on the pool, which would crash the process without a listener. The next checkout
  // simply opens a fresh connection.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'postgres',
    db,
    async bulkTransaction(work) {
      const client = await pool.connect()
      const single = new Kysely<DB>({
        dialect: new PostgresDialect({
          // A pool of exactly this client, so Kysely's queries share the COPY's transaction. Kysely
          // gets a wrapper whose release does nothing; the real release happens once, below.
          pool: {
            connect: async () => ({ query: client.query.bind(client), release: () => {} }),
            end: async () => {},
          },
        }),
      })
      const copyIn: CopyIn = async (table, columns, chunks) => {
        const stream = client.query(
          copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`),
        )
        await pipeline(Readable.from(chunks), stream)
      }
      try {
        await client.query('begin')
        const result = await work(single, copyIn)
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      await db.destroy()
    },
  }
}

/** Opens PGlite with Charter's type parsers; `loadDataDir` starts from a dumped data folder. */
export async function createPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // Extensions the migrations create must be bundled into PGlite's WebAssembly build here.
    extensions: { pg_trgm },
    parsers: {
      [INT8]: (value: string) => Number(value),
      [DATE]: (value: string) => value,
      [NUMERIC]: (value: string) => value,
    },
  })
}

async function openPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  const pglite = await createPGlite(dataDir, loadDataDir)
  const mutex = new ConnectionMutex()
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) })
  return {
    kind: 'pglite',
    db,
    async bulkTransaction(work) {
      const release = await mutex.lock()
      const held = new Kysely<DB>({ dialect: new PGliteDialect(pglite, null) })
      const copyIn: CopyIn = async (table, columns, chunks) => {
        // PGlite reads COPY input from a virtual /dev/blob; batches keep each blob modest.
        let batch: string[] = []
        let size = 0
        const flush = async () => {
          if (batch.length === 0) return
          const blob = new Blob(batch)
          batch = []
          size = 0
          await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
            blob,
          })
        }
        for (const chunk of chunks) {
          batch.push(chunk)
          size += chunk.length
          if (size > 8_000_000) await flush()
        }
        await flush()
      }
      try {
        await pglite.exec('begin')
        const result = await work(held, copyIn)
        await pglite.exec('commit')
        return result
      } catch (error) {
        await pglite.exec('rollback').catch(() => {})
        throw error
      } finally {
        release()
      }
    },
    async close() {
      await db.destroy()
      await pglite.close()
    },
  }
}
