import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { electionJobHandlers } from '../../core/elections/election-jobs.ts'
import { adoptTestCharter } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}
interface ElectionBody {
  id: number
  state: string
  cancelReason: string | null
  contests: { contestId: number; post: string; candidates: { memberId: number; fullName: string }[] }[]
  me: { memberId: number; voice: string | null; nominations: { candidateId: number; state: string }[] } | null
  permissions: { canManage: boolean; canNominate: boolean; canStand: boolean; canVote: boolean }
}

const windows = {
  nominationsOpenAt: '1923-12-03T09:00:00Z',
  nominationsCloseAt: '1923-12-06T18:00:00Z',
  votingOpenAt: '1923-12-08T09:00:00Z',
  votingCloseAt: '1923-12-10T18:00:00Z',
}

describe('elections API', () => {
  let t: Awaited<ReturnType<typeof openApiTest>>
  let admin = ''
  let secretary = ''
  let anna = ''
  let fyodor = ''
  let boris = ''
  let fyodorId = 0
  let ninaId = 0
  let electionId = 0

  beforeAll(async () => {
    t = await openApiTest()
    const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
      t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))
    await run(async (ctx) => {
      await adoptTestCharter(ctx)
      const member = { unitId: t.tree.unitA.id, category: 'worker', status: 'full' } as const
      fyodorId = (await registerMember(ctx, { ...member, fullName: 'Fyodor F', joinedOn: '1918-01-01' })).id
      ninaId = (await registerMember(ctx, { ...member, fullName: 'Nina New', joinedOn: '1923-06-02' })).id
      // Accounts linked to Fyodor (unit A) and to Boris (unit B), each a member of their unit.
      for (const [email, memberId, unitId] of [
        ['fyodor@example.org', fyodorId, t.tree.unitA.id],
        ['boris@example.org', t.tree.memberB.id, t.tree.unitB.id],
      ] as const) {
        const account = await createAccount(ctx, { email, displayName: email, password: PASSWORD, memberId })
        await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: unitId })
      }
    })
    await signIn()
  })
  afterAll(async () => t.database.drop())

  /** Signs everyone in (again: moving the clock by days expires the sessions). */
  async function signIn() {
    admin = await t.signInAs('admin@example.org')
    secretary = await t.signInAs('sec.a@example.org')
    anna = await t.signInAs('anna@example.org')
    fyodor = await t.signInAs('fyodor@example.org')
    boris = await t.signInAs('boris@example.org')
  }

  const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } })
  const post = (path: string, cookie: string, body: unknown) =>
    t.app.request(path, t.json('POST', cookie, body))
  const call = (cookie: string, body: Record<string, unknown> = {}, bodyId = t.tree.unitA.id) =>
    post(`/api/bodies/${bodyId}/elections`, cookie, {
      title: 'Mill A elections',
      method: 'scottish-stv',
      contests: [
        { post: 'unit-secretary', seats: 1 },
        { post: 'unit-bureau-member', seats: 2 },
      ],
      ...windows,
      ...body,
    })
  const refusal = async (res: Response, status: number): Promise<ErrorBody> => {
    expect(res.status).toBe(status)
    return (await res.json()) as ErrorBody
  }
  const election = async (cookie: string, id = electionId): Promise<ElectionBody> => {
    const res = await get(`/api/elections/${id}`, cookie)
    expect(res.status).toBe(200)
    return (await res.json()) as ElectionBody
  }
  const tick = async (to: string) => {
    t.clock.set(to)
    const result = await runDueJobs({ db: t.database.db, clock: t.clock }, electionJobHandlers)
    await signIn()
    return result
  }

  it('lets an officer over the body call an election, and no one else', async () => {
    expect((await call('')).status).toBe(401)
    expect((await refusal(await call(anna), 403)).code).toBe('FORBIDDEN')
    expect((await refusal(await call(secretary, {}, t.tree.unitB.id), 403)).code).toBe('FORBIDDEN')
    const res = await call(secretary)
    expect(res.status).toBe(201)
    const body = (await res.json()) as ElectionBody
    expect(body).toMatchObject({ state: 'called', permissions: { canManage: true, canNominate: false } })
    electionId = body.id
  })

  it('refuses a bad call with the field named, and an unknown post with its code', async () => {
    const windowsWrong = await refusal(await call(admin, { votingCloseAt: windows.votingOpenAt }), 400)
    expect(windowsWrong.details.issues).toMatchObject([{ path: 'votingCloseAt' }])
    const plurality = await refusal(await call(admin, { method: 'plurality' }), 400)
    expect(plurality.details.issues).toMatchObject([{ path: 'contests.1.seats' }])
    const unknown = await refusal(await call(admin, { contests: [{ post: 'tsar', seats: 1 }] }), 422)
    expect(unknown.code).toBe('UNKNOWN_POST')
  })

  it('shows an election to members of the body and officers over it, with their permissions', async () => {
    expect((await election(anna)).permissions).toEqual({
      canManage: false,
      canNominate: false,
      canStand: false,
      canVote: false,
    })
    expect((await election(anna)).me).toMatchObject({ memberId: t.tree.memberA.id, nominations: [] })
    expect((await election(admin)).permissions.canManage).toBe(true)
    expect((await refusal(await get(`/api/elections/${electionId}`, boris), 403)).code).toBe('FORBIDDEN')
    expect((await refusal(await get('/api/elections/999999', anna), 404)).code).toBe('ELECTION_NOT_FOUND')

    const list = await get(`/api/bodies/${t.tree.unitA.id}/elections`, anna)
    expect(list.status).toBe(200)
    expect(((await list.json()) as { items: { id: number }[] }).items.map((e) => e.id)).toEqual([electionId])
    expect((await get(`/api/bodies/${t.tree.unitA.id}/elections`, boris)).status).toBe(403)
    // The subtree listing is an officer's view.
    expect((await get(`/api/bodies/${t.tree.districtA.id}/elections?includeSubtree=true`, anna)).status).toBe(
      403,
    )
    const subtree = await get(`/api/bodies/${t.tree.regionA.id}/elections?includeSubtree=true`, secretary)
    expect(((await subtree.json()) as { items: unknown[] }).items).toHaveLength(1)
  })

  it('takes nominations while they are open: stand, nominate, answer', async () => {
    const early = await refusal(
      await post(`/api/elections/${electionId}/nominations`, anna, { post: 'unit-secretary' }),
      409,
    )
    expect(early.code).toBe('ELECTION_WRONG_PHASE')

    await tick('1923-12-04T12:00:00Z')
    expect((await election(anna)).permissions).toMatchObject({ canNominate: true, canStand: true })
    const stood = await post(`/api/elections/${electionId}/nominations`, anna, { post: 'unit-secretary' })
    expect(stood.status).toBe(201)
    expect(await stood.json()).toMatchObject({
      memberId: t.tree.memberA.id,
      state: 'accepted',
      nominatedByMemberId: null,
    })

    const nominated = await post(`/api/elections/${electionId}/nominations`, anna, {
      post: 'unit-secretary',
      memberId: fyodorId,
    })
    expect(nominated.status).toBe(201)
    const nomination = (await nominated.json()) as { id: number; state: string; nominatedByMemberId: number }
    expect(nomination).toMatchObject({ state: 'nominated', nominatedByMemberId: t.tree.memberA.id })
    expect(
      (
        await refusal(
          await post(`/api/nominations/${nomination.id}/answer`, anna, { answer: 'accepted' }),
          403,
        )
      ).code,
    ).toBe('FORBIDDEN')
    const answered = await post(`/api/nominations/${nomination.id}/answer`, fyodor, { answer: 'accepted' })
    expect(answered.status).toBe(200)
    expect(await answered.json()).toMatchObject({ state: 'accepted' })
    expect((await election(anna)).contests[0]?.candidates.map((c) => c.fullName)).toEqual([
      'Anna A',
      'Fyodor F',
    ])
  })

  it('refuses nominations by outsiders, in another’s name, and of ineligible members', async () => {
    const outsider = await refusal(
      await post(`/api/elections/${electionId}/nominations`, boris, { post: 'unit-bureau-member' }),
      403,
    )
    expect(outsider.code).toBe('FORBIDDEN')
    const impersonating = await refusal(
      await post(`/api/elections/${electionId}/nominations`, anna, {
        post: 'unit-bureau-member',
        memberId: ninaId,
        nominatedByMemberId: fyodorId,
      }),
      403,
    )
    expect(impersonating.code).toBe('FORBIDDEN')
    const ineligible = await refusal(
      await post(`/api/elections/${electionId}/nominations`, anna, {
        post: 'unit-bureau-member',
        memberId: ninaId,
      }),
      422,
    )
    expect(ineligible).toMatchObject({
      code: 'NOT_ELIGIBLE',
      details: { ruleIds: ['standing.unit-secretary'] },
    })
  })

  it('lets an officer record any nomination', async () => {
    const recorded = await post(`/api/elections/${electionId}/nominations`, secretary, {
      post: 'unit-bureau-member',
      memberId: t.tree.memberA.id,
      nominatedByMemberId: fyodorId,
    })
    expect(recorded.status).toBe(201)
    expect(await recorded.json()).toMatchObject({ state: 'nominated', nominatedByMemberId: fyodorId })
    const mine = await election(anna)
    expect(mine.me?.nominations.map((n) => n.state)).toEqual(['accepted', 'nominated'])
    const pending = mine.me?.nominations[1]?.candidateId
    expect((await post(`/api/nominations/${pending}/answer`, anna, { answer: 'accepted' })).status).toBe(200)
  })

  it('shows a member with a vote that they may vote once voting opens', async () => {
    await tick('1923-12-09T12:00:00Z')
    const view = await election(fyodor)
    expect(view).toMatchObject({ state: 'voting', me: { voice: 'vote' } })
    expect(view.permissions).toMatchObject({ canVote: true, canNominate: false, canStand: false })
  })

  it('cancels with a reason, for officers only', async () => {
    const refused = await refusal(
      await post(`/api/elections/${electionId}/cancel`, anna, { reason: 'No' }),
      403,
    )
    expect(refused.code).toBe('FORBIDDEN')
    expect((await post(`/api/elections/${electionId}/cancel`, secretary, { reason: '' })).status).toBe(400)
    const res = await post(`/api/elections/${electionId}/cancel`, secretary, { reason: 'The mill closed' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      state: 'cancelled',
      cancelReason: 'The mill closed',
      permissions: { canManage: false, canVote: false },
    })
    const jobs = await t.database.db
      .selectFrom('scheduled_jobs')
      .select('state')
      .where('subject_id', '=', electionId)
      .where('kind', '=', 'election.close-voting')
      .executeTakeFirstOrThrow()
    expect(jobs.state).toBe('cancelled')
  })
})
