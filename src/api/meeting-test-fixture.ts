import { createAccount } from '../core/accounts/create-account.ts'
import { grantRole } from '../core/accounts/grant-role.ts'
import { adoptCharter } from '../core/charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../core/deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../core/mandates/test-charter.ts'
import { registerMember } from '../core/members/register-member.ts'
import { systemActor } from '../core/shared/actor.ts'
import type { UseCaseContext } from '../core/shared/context.ts'
import { openApiTest, PASSWORD } from './test-fixture.ts'

/**
 * The API fixture with the deliberation charter adopted and unit Mill A holding four full members
 * (Anna from the base fixture, Fyodor, Galina, Ivan) and a candidate (Kolya); Fyodor and Boris
 * (Farm B) get member accounts. Signed-in cookies for admin, secretary (region A), anna, fyodor, boris.
 */
export async function openMeetingApiTest() {
  const t = await openApiTest()
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))
  const people = await run(async (ctx) => {
    await adoptCharter(ctx, {
      source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
      fileName: 'charter.yaml',
      decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
      effectiveFrom: '1920-01-01',
    })
    const member = (fullName: string, status: 'full' | 'candidate' = 'full') =>
      registerMember(ctx, {
        unitId: t.tree.unitA.id,
        fullName,
        joinedOn: '1918-01-01',
        category: 'worker',
        status,
      })
    const fyodor = await member('Fyodor F')
    const galina = await member('Galina G')
    const ivan = await member('Ivan I')
    const kolya = await member('Kolya Candidate', 'candidate')
    for (const [email, memberId, unitId] of [
      ['fyodor@example.org', fyodor.id, t.tree.unitA.id],
      ['boris@example.org', t.tree.memberB.id, t.tree.unitB.id],
    ] as const) {
      const account = await createAccount(ctx, { email, displayName: email, password: PASSWORD, memberId })
      await grantRole(ctx, { accountId: account.id, role: 'member', bodyId: unitId })
    }
    return { fyodor, galina, ivan, kolya }
  })
  const cookies = {
    admin: await t.signInAs('admin@example.org'),
    secretary: await t.signInAs('sec.a@example.org'),
    anna: await t.signInAs('anna@example.org'),
    fyodor: await t.signInAs('fyodor@example.org'),
    boris: await t.signInAs('boris@example.org'),
  }
  return { ...t, run, ...people, cookies }
}

export type MeetingApiTest = Awaited<ReturnType<typeof openMeetingApiTest>>
