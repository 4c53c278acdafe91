import { expect } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { deliberationJobHandlers } from '../../core/deliberation/deliberation-jobs.ts'
import { DELIBERATION_RULES_YAML } from '../../core/deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { runDueJobs } from '../../core/scheduler/run-due-jobs.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

/** Shared set-up of the questions API tests (questions.test.ts, questions-confidential.test.ts). */

export interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}
export interface Permissions {
  canSign: boolean
  canCloseDiscussion: boolean
  canWithdraw: boolean
  canManage: boolean
  canModerate: boolean
  canComment: boolean
}
export interface QuestionBody {
  id: number
  redacted: boolean
  title?: string
  state?: string
  signatures?: { required: number | null; count: number; signedByViewer: boolean }
  discussion?: { open: boolean; closeReason: string | null }
  audience?: { memberId: number; fullName: string }[] | null
  permissions: Permissions
}
export interface PageBody {
  items: { id: number; redacted: boolean; title?: string }[]
  nextCursor: string | null
  counts: Record<string, number>
  permissions: { canRaise: boolean; canStartInitiative: boolean; canExport: boolean }
}

export const NOTHING: Permissions = {
  canSign: false,
  canCloseDiscussion: false,
  canWithdraw: false,
  canManage: false,
  canModerate: false,
  canComment: false,
}

export const WORDS = {
  title: 'Canteen hours',
  text: 'When should it open?',
  proposal: 'At seven.',
  topic: 'canteen',
}

/**
 * The API test organisation with the deliberation charter adopted and accounts for: admin (root),
 * secretary (region A, no member), anna and fyodor (full members of Mill A), olga (an applicant
 * there), boris (Farm B), and vasily (a secretary over district A whose own membership is in
 * region B: he reads Mill A and takes no part there). Five members take part in Mill A, so an
 * initiative there needs two signatures.
 */
export async function openQuestionsApiTest() {
  const t = await openApiTest()
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))
  const fyodorId = await run(async (ctx) => {
    await adoptCharter(ctx, {
      source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
      decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
      effectiveFrom: '1920-01-01',
    })
    const member = (unitId: number, fullName: string, status: 'full' | 'applicant' = 'full') =>
      registerMember(ctx, { unitId, fullName, joinedOn: '1918-01-01', category: 'worker', status })
    const fyodor = await member(t.tree.unitA.id, 'Fyodor F')
    const olga = await member(t.tree.unitA.id, 'Olga Applicant', 'applicant')
    const vasily = await member(t.tree.unitB.id, 'Vasily V')
    for (const name of ['Pyotr P', 'Ivan I', 'Nina N']) await member(t.tree.unitA.id, name)
    const accounts = [
      ['fyodor@example.org', fyodor.id, 'member', t.tree.unitA.id],
      ['olga@example.org', olga.id, 'member', t.tree.unitA.id],
      ['boris@example.org', t.tree.memberB.id, 'member', t.tree.unitB.id],
      ['vasily@example.org', vasily.id, 'secretary', t.tree.districtA.id],
    ] as const
    for (const [email, memberId, role, bodyId] of accounts) {
      const account = await createAccount(ctx, { email, displayName: email, password: PASSWORD, memberId })
      await grantRole(ctx, { accountId: account.id, role, bodyId })
    }
    return fyodor.id
  })

  const cookies: Record<string, string> = {}
  /** Signs everyone in (again after moving the clock by days, which expires sessions). */
  async function signIn() {
    for (const name of ['admin', 'anna', 'fyodor', 'olga', 'boris', 'vasily']) {
      cookies[name] = await t.signInAs(`${name}@example.org`)
    }
    cookies.secretary = await t.signInAs('sec.a@example.org')
  }
  await signIn()

  const as = (name: string) => cookies[name] ?? ''
  const get = async (path: string, who: string) => t.app.request(path, { headers: { cookie: as(who) } })
  const post = async (path: string, who: string, body: unknown = {}) =>
    t.app.request(path, t.json('POST', as(who), body))
  const refusal = async (res: Response, status: number): Promise<ErrorBody> => {
    expect(res.status).toBe(status)
    return (await res.json()) as ErrorBody
  }
  const ok = async <T = QuestionBody>(res: Response, status = 200): Promise<T> => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  const raise = (who: string, body: Record<string, unknown> = {}, bodyId = t.tree.unitA.id) =>
    post(`/api/bodies/${bodyId}/questions`, who, { ...WORDS, ...body })
  const initiative = (who: string, body: Record<string, unknown> = {}, bodyId = t.tree.unitA.id) =>
    post(`/api/bodies/${bodyId}/initiatives`, who, { ...WORDS, ...body })
  const question = async (id: number, who: string) => ok(await get(`/api/questions/${id}`, who))
  const list = async (who: string, query = '') =>
    ok<PageBody>(await get(`/api/bodies/${t.tree.unitA.id}/questions${query}`, who))
  /** Moves the clock and runs the deliberation jobs that fell due, as the server would. */
  const tick = async (to: string) => {
    t.clock.set(to)
    const result = await runDueJobs({ db: t.database.db, clock: t.clock }, deliberationJobHandlers)
    await signIn()
    return result
  }
  /** What a refused request must leave unchanged. */
  async function tally() {
    const count = async (table: 'questions' | 'question_signatures') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return {
      questions: await count('questions'),
      signatures: await count('question_signatures'),
      events: await t.eventCount(),
    }
  }

  return {
    ...t,
    fyodorId,
    as,
    get,
    post,
    refusal,
    ok,
    raise,
    initiative,
    question,
    list,
    tick,
    tally,
  }
}

export type QuestionsApiTest = Awaited<ReturnType<typeof openQuestionsApiTest>>
