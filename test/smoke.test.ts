import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from './support/database.ts'

describe('database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => database.drop())

  it('migrates and refuses to edit events', async () => {
    const tables = await database.db.introspection.getTables()
    expect(tables.map((t) => t.name)).toContain('events')
  })
})
