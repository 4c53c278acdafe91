import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'

/**
 * Serialises use of PGlite's single connection. PGlite runs one backend in-process, so a
 * transaction must hold it exclusively until COMMIT; without this two concurrent requests
 * would interleave statements inside each other's transactions.
 */
export class ConnectionMutex {
  private tail: Promise<void> = Promise.resolve()

  async lock(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => {
      release = resolve
    })
    const previous = this.tail
    this.tail = previous.then(() => next)
    await previous
    return release
  }
}

class PGliteConnection implements DatabaseConnection {
  private readonly pg: PGlite
  constructor(pg: PGlite) {
    this.pg = pg
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pg.query<R>(query.sql, [...query.parameters])
    const affected = result.affectedRows
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    }
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; streaming is not offered.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite')
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection
  private readonly releases = new WeakMap<DatabaseConnection, () => void>()
  private readonly mutex: ConnectionMutex | null

  constructor(pg: PGlite, mutex: ConnectionMutex | null) {
    this.connection = new PGliteConnection(pg)
    this.mutex = mutex
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.mutex) {
      const release = await this.mutex.lock()
      // Each acquisition gets its own wrapper so releases cannot cross.
      const connection = Object.create(this.connection) as PGliteConnection
      this.releases.set(connection, release)
      return connection
    }
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.releases.get(connection)?.()
    this.releases.delete(connection)
  }

  async destroy(): Promise<void> {}
}

/**
 * Kysely dialect for PGlite. With a mutex it is the shared, serialised entry point; without one
 * it is used inside a section that already holds the mutex (bulk loads), to avoid self-deadlock.
 */
export class PGliteDialect implements Dialect {
  private readonly pg: PGlite
  private readonly mutex: ConnectionMutex | null
  constructor(pg: PGlite, mutex: ConnectionMutex | null) {
    this.pg = pg
    this.mutex = mutex
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter()
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.mutex)
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler()
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature takes Kysely<any>.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db)
  }
}
