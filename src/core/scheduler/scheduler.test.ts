import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { cancelJobs } from './cancel-jobs.ts'
import type { JobHandlers } from './job-handler.ts'
import { runDueJobs } from './run-due-jobs.ts'
import { scheduleJob } from './schedule-job.ts'
import { startScheduler } from './start-scheduler.ts'

let database: Awaited<ReturnType<typeof createTestDatabase>>
const clock = new ManualClock('1923-12-02T09:00:00Z')

beforeAll(async () => {
  database = await createTestDatabase()
  // A scratch table standing in for a subject's state: what the handlers did, and how often.
  await sql`create table job_effects (subject_id bigint not null, note text not null)`.execute(database.db)
})
afterAll(async () => database.drop())
beforeEach(async () => {
  clock.set('1923-12-02T09:00:00Z')
  await database.db.deleteFrom('scheduled_jobs').execute()
  await sql`delete from job_effects`.execute(database.db)
})

function run<T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  return database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
}

function schedule(kind: string, subjectId: number, dueAt: string): Promise<boolean> {
  return run((ctx) => scheduleJob(ctx, { kind, subjectId, dueAt: new Date(dueAt) }))
}

async function effects(): Promise<{ subject_id: number; note: string }[]> {
  const { rows } = await sql<{
    subject_id: number
    note: string
  }>`select subject_id::int as subject_id, note from job_effects order by subject_id, note`.execute(
    database.db,
  )
  return rows
}

async function jobs() {
  return database.db
    .selectFrom('scheduled_jobs')
    .select(['kind', 'subject_id', 'state', 'attempts', 'last_error'])
    .orderBy('id')
    .execute()
}

/** A handler that records its run, idempotently: it checks whether the subject was done already. */
const recordOnce: JobHandlers = {
  'test.touch': async (ctx, subjectId) => {
    const { rows } = await sql`select 1 from job_effects where subject_id = ${subjectId}`.execute(ctx.db)
    if (rows.length > 0) return
    await sql`insert into job_effects values (${subjectId}, 'touched')`.execute(ctx.db)
  },
}

describe('scheduleJob and cancelJobs', () => {
  it('schedules a (kind, subject, time) once; scheduling it again is a no-op', async () => {
    expect(await schedule('test.touch', 1, '1923-12-03T00:00:00Z')).toBe(true)
    expect(await schedule('test.touch', 1, '1923-12-03T00:00:00Z')).toBe(false)
    expect(await jobs()).toEqual([
      { kind: 'test.touch', subject_id: 1, state: 'pending', attempts: 0, last_error: null },
    ])
  })

  it('cancels one subject’s pending jobs by kind or by family, not another capability’s', async () => {
    await schedule('election.open-voting', 7, '1923-12-03T00:00:00Z')
    await schedule('election.close-voting', 7, '1923-12-04T00:00:00Z')
    await schedule('discussion.close', 7, '1923-12-04T00:00:00Z')
    await schedule('election.open-voting', 8, '1923-12-03T00:00:00Z')
    expect(await run((ctx) => cancelJobs(ctx, { subjectId: 7, kind: 'election.open-voting' }))).toBe(1)
    expect(await run((ctx) => cancelJobs(ctx, { subjectId: 7, kindPrefix: 'election.' }))).toBe(1)
    expect((await jobs()).map((j) => [j.kind, j.subject_id, j.state])).toEqual([
      ['election.open-voting', 7, 'cancelled'],
      ['election.close-voting', 7, 'cancelled'],
      ['discussion.close', 7, 'pending'],
      ['election.open-voting', 8, 'pending'],
    ])
  })
})

describe('runDueJobs', () => {
  it('runs a job at its time and not before, oldest first', async () => {
    const order: number[] = []
    const handlers: JobHandlers = {
      'test.touch': async (ctx, subjectId) => {
        order.push(subjectId)
        await recordOnce['test.touch']?.(ctx, subjectId)
      },
    }
    await schedule('test.touch', 2, '1923-12-05T12:00:00Z')
    await schedule('test.touch', 1, '1923-12-05T08:00:00Z')
    clock.set('1923-12-05T07:59:59Z')
    expect(await runDueJobs({ db: database.db, clock }, handlers)).toEqual({ done: 0, errors: [] })
    expect(await effects()).toEqual([])

    clock.set('1923-12-05T08:00:00Z')
    expect((await runDueJobs({ db: database.db, clock }, handlers)).done).toBe(1)
    expect(await effects()).toEqual([{ subject_id: 1, note: 'touched' }])

    clock.set('1923-12-06T00:00:00Z')
    expect((await runDueJobs({ db: database.db, clock }, handlers)).done).toBe(1)
    expect(order).toEqual([1, 2])
    expect((await jobs()).map((j) => [j.subject_id, j.state, j.attempts])).toEqual([
      [2, 'done', 1],
      [1, 'done', 1],
    ])
    // Done jobs stay done: another pass runs nothing.
    expect((await runDueJobs({ db: database.db, clock }, handlers)).done).toBe(0)
  })

  it('runs each job once even when two runners race', async () => {
    let calls = 0
    const slow: JobHandlers = {
      'test.touch': async (ctx, subjectId) => {
        calls++
        await sleep(20)
        await sql`insert into job_effects values (${subjectId}, 'touched')`.execute(ctx.db)
      },
    }
    for (let subject = 1; subject <= 6; subject++)
      await schedule('test.touch', subject, '1923-12-02T08:00:00Z')
    const [a, b] = await Promise.all([
      runDueJobs({ db: database.db, clock }, slow),
      runDueJobs({ db: database.db, clock }, slow),
    ])
    expect((a?.done ?? 0) + (b?.done ?? 0)).toBe(6)
    expect(calls).toBe(6)
    // The handler is deliberately not idempotent here: a double run would show as a duplicate row.
    expect((await effects()).map((e) => e.subject_id)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('survives a restart: a fresh runner on the same database runs what fell due meanwhile', async () => {
    await schedule('test.touch', 3, '1923-12-10T00:00:00Z')
    // The first runner sees nothing due and goes away.
    expect((await runDueJobs({ db: database.db, clock }, recordOnce)).done).toBe(0)
    clock.set('1923-12-11T00:00:00Z')
    const fresh: JobHandlers = { ...recordOnce }
    expect((await runDueJobs({ db: database.db, clock }, fresh)).done).toBe(1)
    expect(await effects()).toEqual([{ subject_id: 3, note: 'touched' }])
  })

  it('rolls back a failing handler’s writes, retries on later passes, then marks the job failed', async () => {
    let attempts = 0
    const failing: JobHandlers = {
      'test.touch': async (ctx, subjectId) => {
        attempts++
        await sql`insert into job_effects values (${subjectId}, 'partial')`.execute(ctx.db)
        throw new Error(`boom ${attempts}`)
      },
    }
    await schedule('test.touch', 4, '1923-12-02T08:00:00Z')
    const first = await runDueJobs({ db: database.db, clock }, failing, { maxAttempts: 3 })
    expect(first.done).toBe(0)
    expect(first.errors).toMatchObject([{ kind: 'test.touch', subjectId: 4, outcome: 'retry' }])
    // One attempt per pass, and nothing of it stayed.
    expect(attempts).toBe(1)
    expect(await effects()).toEqual([])
    expect(await jobs()).toEqual([
      { kind: 'test.touch', subject_id: 4, state: 'pending', attempts: 1, last_error: 'boom 1' },
    ])

    expect(
      (await runDueJobs({ db: database.db, clock }, failing, { maxAttempts: 3 })).errors[0]?.outcome,
    ).toBe('retry')
    expect(
      (await runDueJobs({ db: database.db, clock }, failing, { maxAttempts: 3 })).errors[0]?.outcome,
    ).toBe('failed')
    expect(await jobs()).toEqual([
      { kind: 'test.touch', subject_id: 4, state: 'failed', attempts: 3, last_error: 'boom 3' },
    ])
    expect(await runDueJobs({ db: database.db, clock }, failing, { maxAttempts: 3 })).toEqual({
      done: 0,
      errors: [],
    })
    expect(attempts).toBe(3)
    expect(await effects()).toEqual([])
  })

  it('a retried handler that then succeeds completes the job', async () => {
    let fail = true
    const flaky: JobHandlers = {
      'test.touch': async (ctx, subjectId) => {
        await recordOnce['test.touch']?.(ctx, subjectId)
        if (fail) throw new Error('transient')
      },
    }
    await schedule('test.touch', 5, '1923-12-02T08:00:00Z')
    await runDueJobs({ db: database.db, clock }, flaky)
    fail = false
    expect((await runDueJobs({ db: database.db, clock }, flaky)).done).toBe(1)
    expect(await effects()).toEqual([{ subject_id: 5, note: 'touched' }])
    expect((await jobs())[0]).toMatchObject({ state: 'done', attempts: 2, last_error: 'transient' })
  })

  it('runs after-commit work outside the job’s transaction, after it committed', async () => {
    let seenCommitted = false
    const handlers: JobHandlers = {
      'test.touch': async (ctx, subjectId) => {
        await recordOnce['test.touch']?.(ctx, subjectId)
        return {
          afterCommit: async (db) => {
            // VACUUM refuses to run inside a transaction: this proves the callback runs outside one.
            await sql`vacuum job_effects`.execute(db)
            const job = await db.selectFrom('scheduled_jobs').select('state').executeTakeFirstOrThrow()
            seenCommitted = job.state === 'done'
          },
        }
      },
    }
    await schedule('test.touch', 6, '1923-12-02T08:00:00Z')
    expect(await runDueJobs({ db: database.db, clock }, handlers)).toEqual({ done: 1, errors: [] })
    expect(seenCommitted).toBe(true)
  })

  it('leaves jobs of kinds it has no handler for to a runner that knows them', async () => {
    await schedule('other.kind', 1, '1923-12-02T08:00:00Z')
    expect(await runDueJobs({ db: database.db, clock }, recordOnce)).toEqual({ done: 0, errors: [] })
    expect((await jobs())[0]).toMatchObject({ state: 'pending', attempts: 0 })
  })
})

describe('startScheduler', () => {
  it('runs due jobs in the background until stopped', async () => {
    await schedule('test.touch', 9, '1923-12-02T08:00:00Z')
    const errors: unknown[] = []
    const stop = startScheduler(database.db, clock, recordOnce, {
      intervalMs: 10,
      onError: (error) => errors.push(error),
    })
    for (let i = 0; i < 200 && (await effects()).length === 0; i++) await sleep(10)
    await stop()
    expect(errors).toEqual([])
    expect(await effects()).toEqual([{ subject_id: 9, note: 'touched' }])
  })
})
