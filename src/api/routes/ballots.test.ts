import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { parseBlt } from '../../core/counting/blt.ts'
import { callElection } from '../../core/elections/call-election.ts'
import { electionJobHandlers } from '../../core/elections/election-jobs.ts'
import { nominateCandidate } from '../../core/elections/nominate-candidate.ts'
import { adoptTestCharter } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { createApp } from '../app.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

let t: Awaited<ReturnType<typeof openApiTest>>
let app: ReturnType<typeof createApp>
const logLines: string[] = []
let electionId: number
let contestId: number
let candidates: { vera: number; semyon: number }
let anna: string
let admin: string
let boris: string

function run<T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  return t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))
}

/** Moves the clock, runs the jobs that fell due, and signs everyone in again (sessions expire). */
async function tick(to: string) {
  t.clock.set(to)
  const result = await runDueJobs({ db: t.database.db, clock: t.clock }, electionJobHandlers)
  expect(result.errors).toEqual([])
  anna = await signIn('anna@example.org')
  admin = await signIn('admin@example.org')
  boris = await signIn('boris@example.org')
}

async function signIn(email: string): Promise<string> {
  const res = await app.request('/api/session', t.json('POST', '', { email, password: PASSWORD }))
  expect(res.status).toBe(200)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } })
const vote = (cookie: string, preferences: number[]) =>
  app.request(
    `/api/elections/${electionId}/ballots`,
    t.json('POST', cookie, { contests: [{ contestId, preferences }] }),
  )

beforeAll(async () => {
  t = await openApiTest()
  // The app under test logs to memory, so the test can read what the request log keeps.
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) })
  app = createApp({ database: t.database, clock: t.clock, logger, secureCookies: true })
  const setup = await run(async (ctx) => {
    await adoptTestCharter(ctx)
    const member = (fullName: string) =>
      registerMember(ctx, {
        unitId: t.tree.unitA.id,
        fullName,
        joinedOn: '1917-03-01',
        category: 'worker',
        status: 'full',
      })
    const vera = await member('Vera Veteran')
    const semyon = await member('Semyon Second')
    const account = await createAccount(ctx, {
      email: 'boris@example.org',
      displayName: 'Boris',
      password: PASSWORD,
      memberId: t.tree.memberB.id,
    })
    await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: t.tree.unitB.id })
    const election = await callElection(ctx, {
      bodyId: t.tree.unitA.id,
      title: 'Mill A secretary',
      method: 'plurality',
      contests: [{ post: 'unit-secretary', seats: 1 }],
      nominationsOpenAt: '1923-12-03T09:00:00Z',
      nominationsCloseAt: '1923-12-06T18:00:00Z',
      votingOpenAt: '1923-12-08T09:00:00Z',
      votingCloseAt: '1923-12-10T18:00:00Z',
    })
    return { vera, semyon, electionId: election.id }
  })
  electionId = setup.electionId
  await tick('1923-12-04T09:00:00Z')
  const [vera, semyon] = await run(async (ctx) => [
    await nominateCandidate(ctx, { electionId, post: 'unit-secretary', memberId: setup.vera.id }),
    await nominateCandidate(ctx, { electionId, post: 'unit-secretary', memberId: setup.semyon.id }),
  ])
  candidates = { vera: (vera as { id: number }).id, semyon: (semyon as { id: number }).id }
  contestId = (vera as { contest_id: number }).contest_id
})
afterAll(async () => {
  await t.database.drop()
})

describe('casting over HTTP', () => {
  it('refuses before voting opens', async () => {
    const res = await vote(anna, [candidates.vera])
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'ELECTION_WRONG_PHASE' })
  })

  it('casts once, returning the tracker once and uncacheable', async () => {
    await tick('1923-12-09T09:00:00Z')
    const bad = await vote(anna, [candidates.vera, candidates.semyon])
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ code: 'INVALID_BALLOT' })
    const res = await vote(anna, [candidates.semyon])
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { tracker } = (await res.json()) as { tracker: string }
    expect(tracker).toMatch(/^[0-9a-f]{32}$/)
    const again = await vote(anna, [candidates.vera])
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'ALREADY_VOTED' })
    // The request log kept method, path, status and time: no body, no cookie, no tracker.
    const requests = logLines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const casts = requests.filter((entry) => entry.path === `/api/elections/${electionId}/ballots`)
    expect(casts.map((entry) => entry.status)).toEqual([409, 422, 201, 409])
    for (const entry of casts) {
      expect(Object.keys(entry).sort()).toEqual([
        'hostname',
        'level',
        'method',
        'ms',
        'msg',
        'path',
        'pid',
        'status',
        'time',
      ])
    }
    const everything = logLines.join('\n')
    expect(everything).not.toContain(tracker)
    expect(everything).not.toContain('preferences')
    expect(everything).not.toContain(anna.split('=')[1])
  })

  it('refuses outsiders and accounts with no member, and the signed-out', async () => {
    const outsider = await vote(boris, [candidates.vera])
    expect(outsider.status).toBe(403)
    expect(await outsider.json()).toMatchObject({ code: 'NOT_IN_ELECTORATE' })
    const unlinked = await vote(admin, [candidates.vera])
    expect(unlinked.status).toBe(403)
    expect(await unlinked.json()).toMatchObject({ code: 'NOT_IN_ELECTORATE', details: { memberId: null } })
    expect((await vote('', [candidates.vera])).status).toBe(401)
  })

  it('hides results, ballots, trackers and the BLT until the close, from admins too', async () => {
    for (const path of [
      'results',
      'ballots',
      `trackers/${'a'.repeat(32)}`,
      `contests/${contestId}/ballots.blt`,
    ]) {
      const res = await get(`/api/elections/${electionId}/${path}`, admin)
      expect(res.status).toBe(409)
      expect(await res.json()).toMatchObject({ code: 'RESULTS_HIDDEN' })
    }
  })
})

describe('after the close', () => {
  let tracker: string
  beforeAll(async () => {
    const page = await t.database.db.selectFrom('ballot_queue').select('tracker').executeTakeFirstOrThrow()
    tracker = page.tracker
    await tick('1923-12-10T18:00:00Z')
  })

  it('publishes the results to members of the body', async () => {
    const res = await get(`/api/elections/${electionId}/results`, anna)
    expect(res.status).toBe(200)
    const results = (await res.json()) as {
      votersCount: number
      contests: { electedCandidates: { name: string }[] }[]
    }
    expect(results.votersCount).toBe(1)
    expect(results.contests[0]?.electedCandidates.map((c) => c.name)).toEqual(['Semyon Second'])
  })

  it('lets a voter find their ballot by tracker; an unknown tracker is 404', async () => {
    const res = await get(`/api/elections/${electionId}/trackers/${tracker}`, anna)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ tracker, contests: [{ contestId, preferences: [candidates.semyon] }] })
    const unknown = await get(`/api/elections/${electionId}/trackers/${'0'.repeat(32)}`, anna)
    expect(unknown.status).toBe(404)
    // Looking a tracker up must not write it down beside the request.
    expect(logLines.join('\n')).not.toContain(tracker)
    expect(logLines.some((line) => line.includes(`/api/elections/${electionId}/trackers/:tracker`))).toBe(
      true,
    )
    const page = await get(`/api/elections/${electionId}/ballots?limit=10`, anna)
    expect(await page.json()).toEqual({
      items: [{ tracker, contests: [{ contestId, preferences: [candidates.semyon] }] }],
      nextCursor: null,
    })
  })

  it('exports the contest as BLT text', async () => {
    const res = await get(`/api/elections/${electionId}/contests/${contestId}/ballots.blt`, anna)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const blt = parseBlt(await res.text())
    expect(blt).toMatchObject({
      seats: 1,
      candidates: ['Vera Veteran', 'Semyon Second'],
      title: 'Mill A secretary: unit-secretary',
    })
    expect(blt.ballots).toEqual([{ weight: 1, preferences: [1] }])
  })

  it('refuses readers outside the body (403) and unknown elections (404)', async () => {
    expect((await get(`/api/elections/${electionId}/results`, boris)).status).toBe(403)
    const missing = await get('/api/elections/987654/results', admin)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 'ELECTION_NOT_FOUND' })
  })
})
