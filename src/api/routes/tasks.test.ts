import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTask } from '../../core/deliberation/create-task.ts'
import { deliberationJobHandlers } from '../../core/deliberation/deliberation-jobs.ts'
import { decideForTest, raiseTestQuestion } from '../../core/deliberation/meeting-test-support.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { JSON_LIMIT } from '../app.ts'
import { type MeetingApiTest, openMeetingApiTest } from '../meeting-test-fixture.ts'

interface TaskBody {
  id: number
  title: string | null
  redacted: boolean
  owner: { kind: string; name: string }
  dueOn: string
  state: string
  progress: number
  overdue: boolean
  latestReport: { text: string | null; progress: number } | null
  reports: { text: string | null; progress: number; closes: boolean }[]
  permissions: { canReport: boolean }
}
interface ErrorBody {
  code: string
  details: Record<string, unknown>
}

let t: MeetingApiTest
let adoptedId = 0
let rejectedId = 0
let secretId = 0

beforeAll(async () => {
  t = await openMeetingApiTest()
  await t.run(async (ctx) => {
    adoptedId = (await decideForTest(ctx, await raiseTestQuestion(ctx, t.tree.unitA.id, 'Reading room'))).id
    rejectedId = (
      await decideForTest(ctx, await raiseTestQuestion(ctx, t.tree.unitA.id, 'Closing'), 'rejected')
    ).id
    const secret = await raiseTestQuestion(ctx, t.tree.unitA.id, 'Rifles for the Volga', [t.tree.memberA.id])
    secretId = (await decideForTest(ctx, secret)).id
  })
})
afterAll(async () => {
  await t.database.drop()
})

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
const send = (method: string, path: string, cookie: string, body: unknown) =>
  t.app.request(path, t.json(method, cookie, body))
const newTask = (extra: Record<string, unknown> = {}) => ({
  title: 'Find a room',
  ownerMemberId: t.tree.memberA.id,
  dueOn: '1923-12-20',
  ...extra,
})
const taskCount = async () => (await t.database.db.selectFrom('decision_tasks').select('id').execute()).length

describe('tasks over HTTP', () => {
  let taskId = 0

  it('lets an officer set a task on an adopted decision; refuses bad input, changing nothing', async () => {
    const [tasks, events] = [await taskCount(), await t.eventCount()]
    const path = `/api/decisions/${adoptedId}/tasks`
    expect((await send('POST', path, t.cookies.anna, newTask())).status).toBe(403)
    const rejected = await send('POST', `/api/decisions/${rejectedId}/tasks`, t.cookies.secretary, newTask())
    expect(rejected.status).toBe(409)
    expect(((await rejected.json()) as ErrorBody).code).toBe('CONFLICT')
    expect((await send('POST', '/api/decisions/999999/tasks', t.cookies.admin, newTask())).status).toBe(404)
    const ghost = await send('POST', path, t.cookies.secretary, newTask({ ownerMemberId: 999_999 }))
    expect(ghost.status).toBe(404)
    expect(((await ghost.json()) as ErrorBody).code).toBe('MEMBER_NOT_FOUND')
    const ghostBody = await send(
      'POST',
      path,
      t.cookies.secretary,
      newTask({ ownerMemberId: undefined, ownerBodyId: 999_999 }),
    )
    expect(((await ghostBody.json()) as ErrorBody).code).toBe('BODY_NOT_FOUND')
    const both = await send('POST', path, t.cookies.secretary, newTask({ ownerBodyId: t.tree.unitA.id }))
    expect(both.status).toBe(400)
    expect((await send('POST', path, t.cookies.secretary, newTask({ title: ' ' }))).status).toBe(400)
    expect((await send('POST', path, t.cookies.secretary, newTask({ dueOn: '1923-11-30' }))).status).toBe(400)
    expect(
      (await send('POST', path, t.cookies.secretary, newTask({ title: 'x'.repeat(JSON_LIMIT) }))).status,
    ).toBe(413)
    const secret = await send('POST', `/api/decisions/${secretId}/tasks`, t.cookies.secretary, newTask())
    expect(secret.status).toBe(403)
    expect(((await secret.json()) as ErrorBody).code).toBe('CONFIDENTIAL')
    expect([await taskCount(), await t.eventCount()]).toEqual([tasks, events])

    const res = await send('POST', path, t.cookies.secretary, newTask())
    expect(res.status).toBe(201)
    const task = (await res.json()) as TaskBody
    taskId = task.id
    expect(task).toMatchObject({
      title: 'Find a room',
      owner: { kind: 'member', name: 'Anna A' },
      state: 'open',
      progress: 0,
      overdue: false,
      reports: [],
      permissions: { canReport: true },
    })
  })

  it('takes reports from the owner, not from another member; closing needs a report', async () => {
    expect(
      (await send('POST', `/api/tasks/${taskId}/reports`, t.cookies.fyodor, { text: 'Me too', progress: 5 }))
        .status,
    ).toBe(403)
    const reported = await send('POST', `/api/tasks/${taskId}/reports`, t.cookies.anna, {
      text: 'Room found.',
      progress: 40,
    })
    expect(reported.status).toBe(201)
    expect(await reported.json()).toMatchObject({
      progress: 40,
      latestReport: { text: 'Room found.', progress: 40 },
    })

    const events = await t.eventCount()
    const bare = await send('POST', `/api/tasks/${taskId}/close`, t.cookies.anna, {})
    expect(bare.status).toBe(422)
    expect(((await bare.json()) as ErrorBody).code).toBe('REPORT_REQUIRED')
    const badProgress = await send('POST', `/api/tasks/${taskId}/reports`, t.cookies.anna, {
      text: 'x',
      progress: 140,
    })
    expect(badProgress.status).toBe(400)
    expect((await send('POST', '/api/tasks/999999/close', t.cookies.admin, { report: 'Done' })).status).toBe(
      404,
    )
    expect(await t.eventCount()).toBe(events)
    expect(((await (await get(`/api/tasks/${taskId}`, t.cookies.anna)).json()) as TaskBody).state).toBe(
      'open',
    )

    const closed = await send('POST', `/api/tasks/${taskId}/close`, t.cookies.secretary, {
      report: 'Room open since Monday.',
    })
    expect(closed.status).toBe(200)
    const done = (await closed.json()) as TaskBody
    expect(done).toMatchObject({ state: 'done', progress: 100, permissions: { canReport: false } })
    expect(done.reports.map((r) => [r.text, r.closes])).toEqual([
      ['Room found.', false],
      ['Room open since Monday.', true],
    ])
    const late = await send('POST', `/api/tasks/${taskId}/reports`, t.cookies.anna, {
      text: 'More',
      progress: 100,
    })
    expect(late.status).toBe(409)
    expect(((await late.json()) as ErrorBody).code).toBe('TASK_CLOSED')
    expect((await get('/api/tasks/999999', t.cookies.admin)).status).toBe(404)
    expect((await get(`/api/tasks/${taskId}`, t.cookies.boris)).status).toBe(403)
  })

  it('lists overdue tasks per body after the deadline and logs task.overdue', async () => {
    const set = async (extra: Record<string, unknown>) => {
      const res = await send('POST', `/api/decisions/${adoptedId}/tasks`, t.cookies.secretary, newTask(extra))
      return (await res.json()) as TaskBody
    }
    const due = await set({
      title: 'Buy shelves',
      ownerMemberId: undefined,
      ownerBodyId: t.tree.unitA.id,
      dueOn: '1923-12-02',
    })
    const later = await set({ title: 'Buy books', dueOn: '1923-12-30' })
    const overdue = async (cookie: string, query = 'overdue=true') =>
      (await (await get(`/api/bodies/${t.tree.unitA.id}/tasks?${query}`, cookie)).json()) as {
        items: TaskBody[]
      }
    expect((await overdue(t.cookies.anna)).items).toEqual([])

    t.clock.set('1923-12-03T00:00:01Z')
    await runDueJobs({ db: t.database.db, clock: t.clock }, deliberationJobHandlers)
    t.cookies.anna = await t.signInAs('anna@example.org')
    t.cookies.fyodor = await t.signInAs('fyodor@example.org')
    t.cookies.secretary = await t.signInAs('sec.a@example.org')
    t.cookies.admin = await t.signInAs('admin@example.org')

    const listed = await overdue(t.cookies.fyodor)
    expect(listed.items.map((task) => [task.id, task.title, task.overdue, task.owner.name])).toEqual([
      [due.id, 'Buy shelves', true, 'Mill A'],
    ])
    const all = await overdue(t.cookies.fyodor, 'overdue=false')
    expect(all.items.map((task) => task.id)).toEqual(expect.arrayContaining([due.id, later.id, taskId]))
    const logged = await t.database.db
      .selectFrom('events')
      .select(['type', 'subject_id'])
      .where('type', '=', 'task.overdue')
      .execute()
    expect(logged).toEqual([{ type: 'task.overdue', subject_id: due.id }])

    const subtree = await get(
      `/api/bodies/${t.tree.regionA.id}/tasks?overdue=true&includeSubtree=true`,
      t.cookies.secretary,
    )
    expect(subtree.status).toBe(200)
    expect(((await subtree.json()) as { items: TaskBody[] }).items.map((task) => task.id)).toEqual([due.id])
    expect(
      (await get(`/api/bodies/${t.tree.regionA.id}/tasks?includeSubtree=true`, t.cookies.anna)).status,
    ).toBe(403)
    expect((await get('/api/bodies/999999/tasks', t.cookies.admin)).status).toBe(404)
  })

  it('shows no title or report of a confidential decision’s task outside its audience', async () => {
    const res = await send(
      'POST',
      `/api/decisions/${secretId}/tasks`,
      t.cookies.anna,
      newTask({ title: 'Move the rifles' }),
    )
    // Anna is in the audience but no officer: she may not set tasks.
    expect(res.status).toBe(403)
    const task = await t.run((ctx) =>
      createTask(ctx, {
        decisionId: secretId,
        title: 'Move the rifles',
        ownerMemberId: t.tree.memberA.id,
        dueOn: '1923-12-20',
      }),
    )
    const report = await send('POST', `/api/tasks/${task.id}/reports`, t.cookies.anna, {
      text: 'Rifles moved.',
      progress: 30,
    })
    expect(report.status).toBe(201)
    const outsiderReport = await send('POST', `/api/tasks/${task.id}/reports`, t.cookies.secretary, {
      text: 'Checked.',
      progress: 30,
    })
    expect(outsiderReport.status).toBe(403)
    expect(((await outsiderReport.json()) as ErrorBody).code).toBe('CONFIDENTIAL')
    for (const path of [`/api/tasks/${task.id}`, `/api/bodies/${t.tree.unitA.id}/tasks`]) {
      const text = await (await get(path, t.cookies.fyodor)).text()
      expect(text).toContain(`"id":${task.id}`)
      expect(text.toLowerCase()).not.toContain('rifles')
    }
    const insider = (await (await get(`/api/tasks/${task.id}`, t.cookies.anna)).json()) as TaskBody
    expect(insider).toMatchObject({ title: 'Move the rifles', reports: [{ text: 'Rifles moved.' }] })
  })
})
