import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../test/support/database.ts'

describe('bulk transactions', () => {
  it('give their connection back: more bulk loads than pool connections, then a clean close', async () => {
    const database = await createTestDatabase()
    try {
      // The test pool holds 8 connections on a server; 12 loads would hang if one leaked.
      for (let load = 0; load < 12; load++) {
        await database.bulkTransaction(async (trx, copyIn) => {
          await sql`create temp table scratch (n int) on commit drop`.execute(trx)
          await copyIn('scratch', ['n'], [`${load}\n`])
        })
      }
      const row = await database.db.selectNoFrom(sql<number>`1`.as('one')).executeTakeFirstOrThrow()
      expect(row.one).toBe(1)
    } finally {
      await database.drop()
    }
  })

  it('commit all or nothing: a failure inside rolls back what was written before it', async () => {
    const database = await createTestDatabase()
    try {
      await expect(
        database.bulkTransaction(async (trx) => {
          await sql`insert into settings (key, value) values ('probe', '{}')`.execute(trx)
          throw new Error('stop')
        }),
      ).rejects.toThrow('stop')
      const rows = await database.db.selectFrom('settings').select('key').where('key', '=', 'probe').execute()
      expect(rows).toEqual([])
    } finally {
      await database.drop()
    }
  })
})
