import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { type Database, openDatabase } from '../../src/db/client.ts'

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when DATABASE_URL is
 * set (as .ci/run does), a new database on that PostgreSQL server, dropped afterwards.
 */
export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const template = process.env.CHARTER_TEST_TEMPLATE
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      // A copy of the migrated database made once by global-setup.ts: far faster than initdb.
      ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
    })
    return Object.assign(database, { drop: () => database.close() })
  }
  const name = `charter_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 8 })
  return Object.assign(database, {
    async drop() {
      await database.close()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  })
}
