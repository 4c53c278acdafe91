import { expect } from 'vitest'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { raiseQuestion } from '../../core/deliberation/raise-question.ts'
import { DELIBERATION_RULES_YAML } from '../../core/deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../core/mandates/test-charter.ts'
import { registerMember } from '../../core/members/register-member.ts'
import { systemActor } from '../../core/shared/actor.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import { openApiTest, PASSWORD } from '../test-fixture.ts'

export interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}
export interface VoteBody {
  method: string | null
  options: { index: number; commentId: number | null; text: string | null }[] | null
  votesCast: number | null
  me: { hasVoted: boolean; mayVote: boolean }
  redacted: boolean
  permissions: { canVote: boolean; canClose: boolean }
}
export interface DecisionBody {
  id: number
  question: { id: number; title?: string; raisedOn: string; redacted: boolean }
  kind: string
  outcome: string
  exception: string | null
  discussionCompleted: boolean
  discussionRuleId: string | null
  counts: { yes: number; no: number; abstain: number } | null
  quorum: { decidingMembers: number; required: number; present: number; ruleId: string | null } | null
  ratification: { state: string; ratifyBy: string; late: boolean } | null
  justification: string | null
  recordedSource: string | null
  redacted: boolean
  permissions: { canRatify: boolean }
}

export const SECRET = 'Guarding the northern depot'
export const JUSTIFICATION = 'The trust stops the mill on Friday unless the unit answers at once.'

export let t: Awaited<ReturnType<typeof openApiTest>>
export const cookies: Record<string, string> = {}
export const ids = { fyodor: 0, galina: 0, major: 0, minor: 0, secret: 0 }

export const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
  t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))

export const raise = (topic: string, extra: object = {}) =>
  run((ctx) =>
    raiseQuestion(ctx, {
      bodyId: t.tree.unitA.id,
      title: `On ${topic}`,
      text: 'The unit is asked.',
      proposal: 'Do it.',
      topic,
      origin: 'body',
      ...extra,
    }),
  )

/** Builds the decisions tests' organisation: the charter, Fyodor, Galina, Olga and three questions. */
export async function openDecisionsApiTest(): Promise<void> {
  t = await openApiTest()
  await run(async (ctx) => {
    // Military questions are major here too, so the confidential exception has something to except.
    const rules = DELIBERATION_RULES_YAML.replace(
      'topics: [party-policy, economic-policy]',
      'topics: [party-policy, economic-policy, military]',
    )
    await adoptCharter(ctx, {
      source: TEST_CHARTER_YAML + rules,
      fileName: 'charter.yaml',
      decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
      effectiveFrom: '1920-01-01',
    })
    const unitA = t.tree.unitA.id
    const member = (fullName: string, status: 'full' | 'applicant') =>
      registerMember(ctx, { unitId: unitA, fullName, joinedOn: '1918-01-01', category: 'worker', status })
    ids.fyodor = (await member('Fyodor F', 'full')).id
    ids.galina = (await member('Galina G', 'full')).id
    const olga = (await member('Olga Applicant', 'applicant')).id
    for (const [email, memberId, unitId] of [
      ['fyodor@example.org', ids.fyodor, unitA],
      ['galina@example.org', ids.galina, unitA],
      ['olga@example.org', olga, unitA],
      ['boris@example.org', t.tree.memberB.id, t.tree.unitB.id],
    ] as const) {
      const account = await createAccount(ctx, { email, displayName: email, password: PASSWORD, memberId })
      await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: unitId })
      // Fyodor is also the unit's secretary: an officer in the confidential question's audience.
      if (memberId === ids.fyodor)
        await grantRole(ctx, { accountId: account.id, role: 'secretary', bodyId: unitA })
    }
  })
  ids.major = (await raise('economic-policy')).id
  ids.minor = (await raise('canteen')).id
  ids.secret = (
    await raise('military', {
      title: SECRET,
      confidential: { audienceMemberIds: [ids.fyodor, ids.galina] },
    })
  ).id
  await signIn()
}

/** Signs everyone in again (sessions expire with the organisation's clock). */
export async function signIn() {
  for (const name of ['admin', 'anna', 'fyodor', 'galina', 'olga', 'boris']) {
    cookies[name] = await t.signInAs(`${name}@example.org`)
  }
  cookies.secretary = await t.signInAs('sec.a@example.org')
}

/** Moves the organisation's clock; sessions expire with it, so everyone signs in again. */
export async function moveClock(to: string) {
  t.clock.set(to)
  await signIn()
}

export const get = (path: string, who: string) =>
  t.app.request(path, { headers: { cookie: cookies[who] ?? '' } })
export const send = (path: string, who: string, body: unknown = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies[who] ?? '' },
    body: JSON.stringify(body),
  })
export async function refused(res: Response, status: number, code: string): Promise<ErrorBody> {
  const body = (await res.json()) as ErrorBody
  expect({ status: res.status, code: body.code }).toEqual({ status, code })
  return body
}
export async function ok<T>(res: Response, status: number): Promise<T> {
  const body = await res.json()
  expect({ status: res.status, body }).toMatchObject({ status })
  return body as T
}
