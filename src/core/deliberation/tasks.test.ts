import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTask } from './close-task.ts'
import { createTask } from './create-task.ts'
import { getTask } from './get-task.ts'
import { listTasks } from './list-tasks.ts'
import { decideForTest, raiseTestQuestion } from './meeting-test-support.ts'
import { reportOnTask } from './report-on-task.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
beforeAll(async () => {
  t = await openDeliberationTest()
})
afterAll(async () => {
  await t.database.drop()
})

/** An adopted (or rejected) decision of a body on a fresh question. */
const decision = (bodyId: number, outcome: 'adopted' | 'rejected' = 'adopted', audience?: number[]) =>
  t.run(async (ctx) =>
    decideForTest(ctx, await raiseTestQuestion(ctx, bodyId, 'Open a reading room', audience), outcome),
  )

const counts = async () => ({
  tasks: (await t.db.selectFrom('decision_tasks').select('id').execute()).length,
  reports: (await t.db.selectFrom('task_reports').select('id').execute()).length,
  events: (await t.db.selectFrom('events').select('id').execute()).length,
})

describe('setting tasks', () => {
  it('gives an adopted decision a task with one owner and a deadline, and logs task.created', async () => {
    const adopted = await decision(t.tree.unitA1.id)
    const task = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: adopted.id,
        title: 'Find a room',
        ownerMemberId: t.nina.id,
        dueOn: '1923-12-20',
      }),
    )
    expect(task).toMatchObject({
      state: 'open',
      progress: 0,
      body_id: t.tree.unitA1.id,
      owner_member_id: t.nina.id,
    })
    const events = await t.eventsOf('task', task.id)
    expect(events.map((e) => e.type)).toEqual(['task.created'])
    expect(events[0]?.payload).toEqual({
      taskId: task.id,
      decisionId: adopted.id,
      ownerMemberId: t.nina.id,
      ownerBodyId: null,
      dueOn: '1923-12-20',
    })
    const job = await t.db
      .selectFrom('scheduled_jobs')
      .select(['kind', 'due_at'])
      .where('subject_id', '=', task.id)
      .where('kind', '=', 'deliberation.task-due')
      .executeTakeFirstOrThrow()
    expect(new Date(job.due_at).toISOString()).toBe('1923-12-21T00:00:00.000Z')
  })

  it('refuses a rejected decision, two owners or none, an owner that does not exist, and an early deadline', async () => {
    const adopted = await decision(t.tree.unitA1.id)
    const rejected = await decision(t.tree.unitA1.id, 'rejected')
    const before = await counts()
    const base = { decisionId: adopted.id, title: 'Paint it', dueOn: '1923-12-20' }
    const onRejected = await t.refusal((ctx) =>
      createTask(ctx, { ...base, decisionId: rejected.id, ownerMemberId: t.nina.id }),
    )
    expect(onRejected.code).toBe('CONFLICT')
    expect(onRejected.message).toMatch(/rejected/)
    const both = await t.refusal((ctx) =>
      createTask(ctx, { ...base, ownerMemberId: t.nina.id, ownerBodyId: t.tree.unitA1.id }),
    )
    expect(both.details).toMatchObject({ issues: [{ path: 'ownerMemberId' }] })
    expect((await t.refusal((ctx) => createTask(ctx, base))).code).toBe('VALIDATION_FAILED')
    expect((await t.refusal((ctx) => createTask(ctx, { ...base, ownerMemberId: 999_999 }))).code).toBe(
      'MEMBER_NOT_FOUND',
    )
    expect((await t.refusal((ctx) => createTask(ctx, { ...base, ownerBodyId: 999_999 }))).code).toBe(
      'BODY_NOT_FOUND',
    )
    expect(
      (await t.refusal((ctx) => createTask(ctx, { ...base, ownerBodyId: t.tree.dissolvedUnit.id }))).code,
    ).toBe('BODY_DISSOLVED')
    const early = await t.refusal((ctx) =>
      createTask(ctx, { ...base, ownerMemberId: t.nina.id, dueOn: '1923-12-01' }),
    )
    expect(early.details).toMatchObject({ issues: [{ path: 'dueOn' }] })
    const untitled = await t.refusal((ctx) =>
      createTask(ctx, { ...base, title: '', ownerMemberId: t.nina.id }),
    )
    expect(untitled.details).toMatchObject({ issues: [{ path: 'title' }] })
    const long = await t.refusal((ctx) =>
      createTask(ctx, { ...base, title: 'x'.repeat(301), ownerMemberId: t.nina.id }),
    )
    expect(long.details).toMatchObject({ issues: [{ path: 'title' }] })
    const nowhere = await t.refusal((ctx) =>
      createTask(ctx, { ...base, decisionId: 999_999, ownerMemberId: t.nina.id }),
    )
    expect(nowhere.code).toBe('DECISION_NOT_FOUND')
    expect(await counts()).toEqual(before)
  })
})

describe('reporting and closing', () => {
  it('saves progress, refuses a close without a report, closes with one, then refuses more reports', async () => {
    const adopted = await decision(t.tree.unitA1.id)
    const task = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: adopted.id,
        title: 'Buy chairs',
        ownerBodyId: t.tree.unitA1.id,
        dueOn: '1923-12-10',
      }),
    )
    const { report } = await t.run((ctx) =>
      reportOnTask(ctx, { taskId: task.id, memberId: t.vera.id, text: 'Half bought.', progress: 50 }),
    )
    expect(report).toMatchObject({ progress: 50, closes: false, author_member_id: t.vera.id })
    expect(await getTask(t.db, { taskId: task.id, viewerMemberId: null, today: t.today() })).toMatchObject({
      progress: 50,
      state: 'open',
      latestReport: { text: 'Half bought.', progress: 50 },
    })

    const before = await counts()
    const bare = await t.refusal((ctx) => closeTask(ctx, { taskId: task.id }))
    expect(bare).toMatchObject({ code: 'REPORT_REQUIRED', details: { taskId: task.id } })
    expect((await t.refusal((ctx) => closeTask(ctx, { taskId: task.id, report: '  ' }))).code).toBe(
      'REPORT_REQUIRED',
    )
    const long = await t.refusal((ctx) => closeTask(ctx, { taskId: task.id, report: 'x'.repeat(10_001) }))
    expect(long.details).toMatchObject({ issues: [{ path: 'report' }] })
    const badProgress = await t.refusal((ctx) =>
      reportOnTask(ctx, { taskId: task.id, text: 'Oops', progress: 101 }),
    )
    expect(badProgress.details).toMatchObject({ issues: [{ path: 'progress' }] })
    expect((await t.refusal((ctx) => closeTask(ctx, { taskId: 999_999, report: 'Done' }))).code).toBe(
      'TASK_NOT_FOUND',
    )
    expect(await counts()).toEqual(before)
    expect((await getTask(t.db, { taskId: task.id, viewerMemberId: null, today: t.today() })).state).toBe(
      'open',
    )

    const closed = await t.run((ctx) =>
      closeTask(ctx, { taskId: task.id, report: 'All forty chairs are in.' }),
    )
    expect(closed.task).toMatchObject({ state: 'done', progress: 100 })
    expect(closed.report).toMatchObject({ closes: true, text: 'All forty chairs are in.' })
    const late = await t.refusal((ctx) =>
      reportOnTask(ctx, { taskId: task.id, text: 'One more.', progress: 100 }),
    )
    expect(late.code).toBe('TASK_CLOSED')
    expect((await t.refusal((ctx) => closeTask(ctx, { taskId: task.id, report: 'Again' }))).code).toBe(
      'TASK_CLOSED',
    )
    expect(
      (await t.eventsOf('task', task.id)).map((e) => [e.type, (e.payload as { closes?: boolean }).closes]),
    ).toEqual([
      ['task.created', undefined],
      ['task.reported', false],
      ['task.reported', true],
    ])
    const full = await getTask(t.db, { taskId: task.id, viewerMemberId: null, today: t.today() })
    expect(full.reports.map((r) => r.text)).toEqual(['Half bought.', 'All forty chairs are in.'])
  })

  it('closes with a report that says it is done', async () => {
    const adopted = await decision(t.tree.unitA2.id)
    const task = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: adopted.id,
        title: 'Post notices',
        ownerMemberId: t.anton.id,
        dueOn: '1923-12-05',
      }),
    )
    const { task: done } = await t.run((ctx) =>
      reportOnTask(ctx, {
        taskId: task.id,
        memberId: t.anton.id,
        text: 'Posted, partly.',
        progress: 80,
        closes: true,
      }),
    )
    expect(done).toMatchObject({ state: 'done', progress: 80 })
  })
})

describe('overdue tasks', () => {
  it('lists a body’s open tasks after their deadline and logs task.overdue once at the deadline', async () => {
    const adopted = await decision(t.tree.districtA.id)
    const ownedBelow = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: adopted.id,
        title: 'Survey the units',
        ownerBodyId: t.tree.unitA2.id,
        dueOn: '1923-12-04',
      }),
    )
    const ownedByMember = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: adopted.id,
        title: 'Write the report',
        ownerMemberId: t.anton.id,
        dueOn: '1923-12-04',
      }),
    )
    const later = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: adopted.id,
        title: 'Hold a conference',
        ownerMemberId: t.anton.id,
        dueOn: '1924-01-15',
      }),
    )
    await t.run((ctx) => closeTask(ctx, { taskId: ownedByMember.id, report: 'Written.' }))

    const overdueOf = async (bodyId: number, extra: { includeSubtree?: boolean } = {}) =>
      (await listTasks(t.db, { bodyId, overdue: true, viewerMemberId: null, today: t.today(), ...extra }))
        .items
    expect(await overdueOf(t.tree.districtA.id)).toEqual([])

    await t.tick('1923-12-04T23:00:00Z')
    expect(await t.eventsOf('task', ownedBelow.id)).toHaveLength(1)
    await t.tick('1923-12-05T00:00:01Z')
    const overdue = await overdueOf(t.tree.districtA.id)
    expect(overdue.map((task) => task.id)).toEqual([ownedBelow.id])
    expect(overdue[0]).toMatchObject({
      title: 'Survey the units',
      owner: { kind: 'body', bodyId: t.tree.unitA2.id, name: 'Unit A2' },
      dueOn: '1923-12-04',
      state: 'open',
      overdue: true,
      latestReport: null,
    })
    // The owning body lists it too; a body that neither decided nor owns it does not.
    expect((await overdueOf(t.tree.unitA2.id)).map((task) => task.id)).toEqual([ownedBelow.id])
    expect(await overdueOf(t.tree.unitA1.id)).toEqual([])
    expect((await overdueOf(t.tree.regionA.id, { includeSubtree: true })).map((task) => task.id)).toContain(
      ownedBelow.id,
    )

    const all = await listTasks(t.db, { bodyId: t.tree.districtA.id, viewerMemberId: null, today: t.today() })
    expect(all.items.map((task) => [task.id, task.overdue])).toEqual([
      [ownedBelow.id, true],
      [ownedByMember.id, false],
      [later.id, false],
    ])

    const logged = (await t.eventsOf('task', ownedBelow.id)).filter((e) => e.type === 'task.overdue')
    expect(logged.map((e) => e.payload)).toEqual([{ taskId: ownedBelow.id, dueOn: '1923-12-04' }])
    expect((await t.eventsOf('task', ownedByMember.id)).map((e) => e.type)).not.toContain('task.overdue')
    await t.tick('1923-12-06T00:00:00Z')
    expect((await t.eventsOf('task', ownedBelow.id)).filter((e) => e.type === 'task.overdue')).toHaveLength(1)
  })

  it('shows no title or report text of a confidential decision’s task to a member outside the audience', async () => {
    const secret = await decision(t.tree.unitA1.id, 'adopted', [t.vera.id])
    const task = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: secret.id,
        title: 'Move the rifles',
        ownerMemberId: t.vera.id,
        dueOn: '1923-12-30',
      }),
    )
    await t.run((ctx) =>
      reportOnTask(ctx, { taskId: task.id, memberId: t.vera.id, text: 'Rifles moved north.', progress: 40 }),
    )
    const outsider = await listTasks(t.db, {
      bodyId: t.tree.unitA1.id,
      viewerMemberId: t.semyon.id,
      today: t.today(),
    })
    const seen = outsider.items.find((item) => item.id === task.id)
    expect(seen).toMatchObject({
      title: null,
      redacted: true,
      progress: 40,
      latestReport: { text: null, progress: 40 },
    })
    expect(seen?.question).toMatchObject({ confidential: true, redacted: true })
    expect(JSON.stringify(outsider).toLowerCase()).not.toContain('rifles')
    const single = await getTask(t.db, { taskId: task.id, viewerMemberId: t.semyon.id, today: t.today() })
    expect(JSON.stringify(single).toLowerCase()).not.toContain('rifles')
    const insider = await getTask(t.db, { taskId: task.id, viewerMemberId: t.vera.id, today: t.today() })
    expect(insider).toMatchObject({ title: 'Move the rifles', reports: [{ text: 'Rifles moved north.' }] })
  })
})
