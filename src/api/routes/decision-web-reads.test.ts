import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTask } from '../../core/deliberation/close-task.ts'
import { createTask } from '../../core/deliberation/create-task.ts'
import { decideForTest, raiseTestQuestion } from '../../core/deliberation/meeting-test-support.ts'
import { openDecisionVote } from '../../core/deliberation/open-decision-vote.ts'
import { type MeetingApiTest, openMeetingApiTest } from '../meeting-test-fixture.ts'

/**
 * What the web's decision panel and decision page read beside the core routes: the quorum an open
 * vote will need (before anyone tries to close it), and one decision's tasks.
 */

interface VoteQuorum {
  votesCast: number | null
  quorum: { decidingMembers: number; required: number; present: number; ruleId: string | null } | null
}
interface TaskList {
  items: { id: number; decisionId: number; title: string | null }[]
}

let t: MeetingApiTest
const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })

beforeAll(async () => {
  t = await openMeetingApiTest()
})
afterAll(async () => {
  await t.database.drop()
})

describe('reads for the web', () => {
  it('shows the quorum an open vote needs, and how many count toward it so far', async () => {
    // A minor question whose discussion ran its minimum: the vote opens (and closes the discussion).
    const question = await t.run((ctx) => raiseTestQuestion(ctx, t.tree.unitA.id, 'Canteen hours'))
    t.clock.set('1923-12-10T09:00:00Z')
    await t.run((ctx) => openDecisionVote(ctx, { questionId: question.id, method: 'yes-no' }))
    const anna = await t.signInAs('anna@example.org')
    const path = `/api/questions/${question.id}/vote`

    const before = (await (await get(path, anna)).json()) as VoteQuorum
    // Anna, Fyodor, Galina and Ivan decide (Kolya is a candidate); half of four is two.
    expect(before.quorum).toEqual({
      decidingMembers: 4,
      required: 2,
      present: 0,
      ruleId: 'deliberation.quorum',
    })

    const cast = await t.app.request(
      `/api/questions/${question.id}/votes`,
      t.json('POST', anna, { choice: 'yes' }),
    )
    expect(cast.status).toBe(201)
    const after = (await cast.json()) as VoteQuorum
    expect(after).toMatchObject({ votesCast: 1, quorum: { required: 2, present: 1 } })
  })

  it('lists one decision’s tasks, or the open ones, when asked, and all the body’s otherwise', async () => {
    const [first, second] = await t.run(async (ctx) => {
      const a = await decideForTest(ctx, await raiseTestQuestion(ctx, t.tree.unitA.id, 'Reading room'))
      const b = await decideForTest(ctx, await raiseTestQuestion(ctx, t.tree.unitA.id, 'Night school'))
      for (const [decision, title] of [
        [a, 'Find a room'],
        [a, 'Buy shelves'],
        [b, 'Hire a teacher'],
      ] as const) {
        await createTask(ctx, {
          decisionId: decision.id,
          title,
          ownerMemberId: t.tree.memberA.id,
          dueOn: '1923-12-20',
        })
      }
      const done = await createTask(ctx, {
        decisionId: b.id,
        title: 'Print the notice',
        ownerMemberId: t.tree.memberA.id,
        dueOn: '1923-12-20',
      })
      await closeTask(ctx, { taskId: done.id, report: 'Printed and posted.', memberId: null })
      return [a, b]
    })
    const admin = await t.signInAs('admin@example.org')
    const body = `/api/bodies/${t.tree.unitA.id}/tasks`
    const one = (await (await get(`${body}?decisionId=${first.id}`, admin)).json()) as TaskList
    expect(one.items.map((task) => task.title).sort()).toEqual(['Buy shelves', 'Find a room'])
    const all = (await (await get(body, admin)).json()) as TaskList
    expect(new Set(all.items.map((task) => task.decisionId))).toEqual(new Set([first.id, second.id]))
    expect(all.items.map((task) => task.title)).toContain('Print the notice')
    const open = (await (await get(`${body}?open=true`, admin)).json()) as TaskList
    expect(open.items.map((task) => task.title).sort()).toEqual([
      'Buy shelves',
      'Find a room',
      'Hire a teacher',
    ])
    expect((await get(`${body}?decisionId=0`, admin)).status).toBe(400)
  })
})
