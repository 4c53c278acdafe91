import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely } from 'kysely'
import { createPGlite, migrate } from '../../src/db/client.ts'
import { ConnectionMutex, PGliteDialect } from '../../src/db/pglite-dialect.ts'
import type { DB } from '../../src/db/schema.ts'

/**
 * Runs once before the suite. Creating a PGlite database runs initdb in WebAssembly, several
 * seconds on a busy 2-core machine; so one migrated database is dumped here and every test file
 * starts from a copy of it (see database.ts). On a PostgreSQL server each file creates its own.
 */
export default async function setup(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {}
  const dir = mkdtempSync(join(tmpdir(), 'charter-test-template-'))
  const file = join(dir, 'template.tar.gz')
  const pglite = await createPGlite(null)
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, new ConnectionMutex()) })
  await migrate(db)
  const dump = await pglite.dumpDataDir('gzip')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await db.destroy()
  await pglite.close()
  process.env.CHARTER_TEST_TEMPLATE = file
  return () => rmSync(dir, { recursive: true, force: true })
}
