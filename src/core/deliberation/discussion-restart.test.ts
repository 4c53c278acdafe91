import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree } from '../../../test/support/tree.ts'
// The handlers the server registers (its composition root), so the test also proves they are wired.
import { jobHandlers } from '../../cli/job-handlers.ts'
import { type Database, openDatabase } from '../../db/client.ts'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { TEST_CHARTER_YAML } from '../mandates/test-charter.ts'
import { registerMember } from '../members/register-member.ts'
import { startScheduler } from '../scheduler/start-scheduler.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { raiseQuestion } from './raise-question.ts'
import { DELIBERATION_RULES_YAML, NOW } from './test-fixture.ts'

/**
 * A database that outlives the handle on it, as a server's data outlives the process: a PGlite
 * data folder in a temporary directory, or (with DATABASE_URL) a database on the server that a
 * second handle opens by its URL. `reopen` is the restarted server's handle.
 */
async function restartableDatabase(): Promise<{
  first: Database
  reopen: () => Promise<Database>
  cleanup: () => Promise<void>
}> {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const first = await createTestDatabase()
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(first.db)
    const name = rows[0]?.name ?? ''
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return {
      first,
      reopen: () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 }),
      async cleanup() {
        const admin = new pg.Client({ connectionString: serverUrl })
        await admin.connect()
        await admin.query(`drop database if exists ${name} with (force)`)
        await admin.end()
      },
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'charter-restart-'))
  const dataDir = join(dir, 'data')
  const template = process.env.CHARTER_TEST_TEMPLATE
  const first = await openDatabase({
    kind: 'pglite',
    dataDir,
    ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
  })
  return {
    first,
    reopen: () => openDatabase({ kind: 'pglite', dataDir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

describe('the scheduler across a restart', () => {
  it('closes a discussion at its maximum when the server comes back after it', async () => {
    const { first, reopen, cleanup } = await restartableDatabase()
    try {
      const clock = new ManualClock(NOW)
      const question = await first.db.transaction().execute(async (trx) => {
        const ctx: UseCaseContext = { db: trx, clock, actor: systemActor }
        const tree = await createTestTree(trx)
        await adoptCharter(ctx, {
          source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
          decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
          effectiveFrom: '1920-01-01',
        })
        await registerMember(ctx, {
          unitId: tree.unitA1.id,
          fullName: 'Vera Veteran',
          joinedOn: '1918-01-01',
          category: 'worker',
          status: 'full',
        })
        return raiseQuestion(ctx, {
          bodyId: tree.unitA1.id,
          title: 'Canteen hours',
          text: 'When should it open?',
          proposal: 'At seven.',
          topic: 'canteen',
          origin: 'body',
        })
      })
      expect(new Date(question.discussion_latest_close_at ?? 0).toISOString()).toBe(
        '1924-01-01T09:00:00.000Z',
      )
      // The server stops before the maximum...
      await first.close()

      // ...and starts again two days after it.
      clock.set('1924-01-03T09:00:00Z')
      const second = await reopen()
      const failures: unknown[] = []
      const stop = startScheduler(second.db, clock, jobHandlers, {
        intervalMs: 20,
        onError: (error) => failures.push(error),
      })
      const readState = () =>
        second.db
          .selectFrom('questions')
          .select(['state', 'discussion_close_reason', 'discussion_closed_at'])
          .where('id', '=', question.id)
          .executeTakeFirstOrThrow()
      let row = await readState()
      for (let waited = 0; row.state === 'discussion' && waited < 30_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        row = await readState()
      }
      await stop()
      expect(failures).toEqual([])
      expect(row.state).toBe('discussed')
      expect(row.discussion_close_reason).toBe('maximum')
      expect(new Date(row.discussion_closed_at ?? 0).toISOString()).toBe('1924-01-01T09:00:00.000Z')
      const events = await second.db
        .selectFrom('events')
        .select(['type', 'payload'])
        .where('subject_kind', '=', 'question')
        .where('subject_id', '=', question.id)
        .orderBy('id')
        .execute()
      expect(events.map((e) => e.type)).toEqual(['question.raised', 'discussion.opened', 'discussion.closed'])
      expect(events.at(-1)?.payload).toEqual({ questionId: question.id, reason: 'maximum' })
      await second.close()
    } finally {
      await cleanup()
    }
  })
})
