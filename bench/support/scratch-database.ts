import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, openDatabase } from '../../src/db/client.ts'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

/**
 * A fresh, migrated database on the PostgreSQL server at `serverUrl`, dropped by `drop()`.
 * Benchmarks only ever target the local machine, so any other host is refused.
 */
export async function createScratchDatabase(
  serverUrl: string,
  poolSize: number,
): Promise<Database & { drop(): Promise<void> }> {
  const url = new URL(serverUrl)
  if (!LOOPBACK.has(url.hostname))
    throw new Error(`benchmarks run against loopback only, not ${url.hostname}`)
  const name = `charter_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize })
  return Object.assign(database, {
    async drop() {
      // Bounded: a connection never returned to the pool would make close() wait forever, and a
      // benchmark must stop by itself; the forced drop below ends such connections server-side.
      const closed = await Promise.race([
        database.close().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000).unref()),
      ])
      if (!closed) console.error('[bench] pool did not close within 5 s: connections still checked out')
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  })
}
