import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree, type TestTree } from '../../../test/support/tree.ts'
import { createAccount } from '../accounts/create-account.ts'
import { grantRole } from '../accounts/grant-role.ts'
import { signIn } from '../accounts/sign-in.ts'
import { sealEvents } from '../events/seal-events.ts'
import { verifyLog } from '../events/verify-log.ts'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { recordMemberAccess } from '../members/record-member-access.ts'
import { registerMember } from '../members/register-member.ts'
import { transferMember } from '../members/transfer-member.ts'
import { updateMember } from '../members/update-member.ts'
import type { Actor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { collectPersonalData } from './collect-personal-data.ts'
import { eraseMember } from './erase-member.ts'
import { exportPersonalData } from './export-personal-data.ts'
import { findErasure } from './find-erasure.ts'

const PASSWORD = 'correct horse battery'

describe('personal data rights', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let tree: TestTree
  const clock = new ManualClock('1923-12-02T09:00:00Z')
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>, actor: Actor = { kind: 'cli' }): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor }))
  let anna: { id: number }
  let boris: { id: number }
  let annaAccount: { id: number }
  let secretary: { id: number }

  beforeAll(async () => {
    database = await createTestDatabase()
    tree = await createTestTree(database.db)
    await run(async (ctx) => {
      anna = await registerMember(ctx, {
        unitId: tree.unitA1.id,
        fullName: 'Anna Kuznetsova',
        email: 'anna.k@example.org',
        phone: '+7 495 111',
        card: 'RKP-0042',
        joinedOn: '1917-04-15',
        category: 'worker',
        status: 'candidate',
      })
      boris = await registerMember(ctx, {
        unitId: tree.unitA1.id,
        fullName: 'Boris Volkov',
        email: 'boris.v@example.org',
        joinedOn: '1918-01-01',
        category: 'peasant',
        status: 'full',
      })
      await changeMemberStatus(ctx, {
        memberId: anna.id,
        to: 'full',
        onDate: '1918-01-10',
        reason: 'Anna K. served her probation',
      })
      await transferMember(ctx, { memberId: anna.id, toUnitId: tree.unitA2.id, onDate: '1920-05-01' })
      annaAccount = await createAccount(ctx, {
        email: 'anna.k@example.org',
        displayName: 'Anna K.',
        password: PASSWORD,
        memberId: anna.id,
      })
      await grantRole(ctx, { accountId: annaAccount.id, role: 'member', bodyId: tree.unitA2.id })
      secretary = await createAccount(ctx, {
        email: 'sec@example.org',
        displayName: 'Grigory Secretary',
        password: PASSWORD,
      })
    })
    clock.advanceDays(1)
    const asSecretary = { kind: 'account', accountId: secretary.id } as const
    await run(
      (ctx) =>
        recordMemberAccess(ctx, {
          view: 'list',
          scopeBodyId: tree.districtA.id,
          regionId: tree.regionA.id,
          memberIds: [boris.id, anna.id],
        }),
      asSecretary,
    )
    await run(
      (ctx) =>
        recordMemberAccess(ctx, {
          view: 'detail',
          scopeBodyId: tree.unitA1.id,
          regionId: tree.regionA.id,
          memberIds: [boris.id],
        }),
      asSecretary,
    )
  })
  afterAll(async () => database.drop())

  it('collects the record, history, accounts, reads and events of one member only', async () => {
    const doc = await collectPersonalData(database.db, { memberId: anna.id })
    expect(doc).toMatchObject({
      format: 'charter.personal-data',
      version: 1,
      generatedAt: null,
      member: {
        id: anna.id,
        fullName: 'Anna Kuznetsova',
        email: 'anna.k@example.org',
        card: 'RKP-0042',
        unitId: tree.unitA2.id,
        unitName: 'Unit A2',
        status: 'full',
      },
      statusHistory: [{ from: 'candidate', to: 'full', onDate: '1918-01-10' }],
      transfers: [{ fromUnitName: 'Unit A1', toUnitName: 'Unit A2', onDate: '1920-05-01' }],
      accounts: [
        {
          id: annaAccount.id,
          email: 'anna.k@example.org',
          displayName: 'Anna K.',
          disabled: false,
          grants: [{ role: 'member', bodyId: tree.unitA2.id, bodyName: 'Unit A2' }],
        },
      ],
    })
    // The list page that showed Anna is hers to see; the detail view of Boris is not.
    expect(doc.recordReads).toEqual([
      {
        eventId: expect.any(Number),
        at: '1923-12-03T09:00:00.000Z',
        view: 'list',
        scopeBodyId: tree.districtA.id,
        scopeBodyName: 'District A',
        reader: { kind: 'account', accountId: secretary.id, displayName: 'Grigory Secretary' },
      },
    ])
    expect(doc.events.map((e) => e.type)).toEqual([
      'member.registered',
      'member.status_changed',
      'member.transferred',
      'account.created',
      'role.granted',
    ])
    const text = JSON.stringify(doc)
    expect(text).not.toContain('Boris')
    expect(text).not.toContain('password')
    expect(text).not.toContain('$argon2')
    // Stable: the same data gives the same document.
    expect(JSON.stringify(await collectPersonalData(database.db, { memberId: anna.id }))).toBe(text)
  })

  it('records an export as an event naming the member by id only', async () => {
    const asAnna = { kind: 'account', accountId: annaAccount.id } as const
    const doc = await run((ctx) => exportPersonalData(ctx, { memberId: anna.id }), asAnna)
    expect(doc.generatedAt).toBe(clock.now().toISOString())
    const event = await database.db
      .selectFrom('events')
      .select(['payload', 'subject_kind', 'subject_id', 'actor_account_id'])
      .where('type', '=', 'personal_data.exported')
      .executeTakeFirstOrThrow()
    expect(event).toEqual({
      payload: { memberId: anna.id },
      subject_kind: 'member',
      subject_id: anna.id,
      actor_account_id: annaAccount.id,
    })
    const again = await collectPersonalData(database.db, { memberId: anna.id })
    expect(again.events.at(-1)?.type).toBe('personal_data.exported')
  })

  it('erases personal fields and linked accounts, keeps standing, and leaves the log intact', async () => {
    const session = await run((ctx) => signIn(ctx, { email: 'anna.k@example.org', password: PASSWORD }))
    await sealEvents(database.db, clock, { waitMs: 200 })
    clock.advanceDays(1)
    const result = await run((ctx) => eraseMember(ctx, { memberId: anna.id, reason: 'member_request' }))
    expect(result).toMatchObject({ memberId: anna.id, accountsErased: 1 })
    await sealEvents(database.db, clock, { waitMs: 200 })

    const verified = await verifyLog(database.db)
    expect(verified).toMatchObject({ ok: true, unsealedEvents: 0 })

    const member = await database.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', anna.id)
      .executeTakeFirstOrThrow()
    expect(member).toMatchObject({
      full_name: 'Erased member',
      email: null,
      phone: null,
      card: null,
      unit_id: tree.unitA2.id,
      joined_on: '1917-04-15',
      status: 'full',
      status_since: '1918-01-10',
      category: 'worker',
    })
    const account = await database.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', annaAccount.id)
      .executeTakeFirstOrThrow()
    expect(account).toMatchObject({
      email: `erased-${annaAccount.id}@invalid`,
      display_name: 'Erased member',
      disabled: true,
      member_id: anna.id,
    })
    const sessions = await database.db
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', annaAccount.id)
      .execute()
    expect(sessions).toEqual([])
    expect(session.accountId).toBe(annaAccount.id)
    await expect(
      run((ctx) => signIn(ctx, { email: 'anna.k@example.org', password: PASSWORD })),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })

    // No payload anywhere, nor any other column of the log, holds what was erased.
    const { rows } = await sql<{
      text: string
    }>`select string_agg(events::text, E'\n') as text from events`.execute(database.db)
    const log = rows[0]?.text ?? ''
    expect(log).toContain('member.erased')
    for (const erased of ['Anna Kuznetsova', 'anna.k@example.org', 'RKP-0042', '+7 495 111', 'Anna K.']) {
      expect(log).not.toContain(erased)
    }
    const erasedEvent = await database.db
      .selectFrom('events')
      .select('payload')
      .where('id', '=', result.eventId)
      .executeTakeFirstOrThrow()
    expect(erasedEvent.payload).toEqual({ memberId: anna.id, reason: 'member_request' })
    const reasons = await database.db
      .selectFrom('member_status_changes')
      .select(['to_status', 'reason'])
      .where('member_id', '=', anna.id)
      .execute()
    expect(reasons).toEqual([{ to_status: 'full', reason: null }])
    expect(await findErasure(database.db, anna.id)).toMatchObject({
      eventId: result.eventId,
      erasedAt: '1923-12-04T09:00:00.000Z',
      reason: 'member_request',
    })

    const boriss = await database.db
      .selectFrom('members')
      .select('full_name')
      .where('id', '=', boris.id)
      .executeTakeFirstOrThrow()
    expect(boriss.full_name).toBe('Boris Volkov')
  })

  it('refuses a second erasure, an unknown reason and an unknown member', async () => {
    await expect(
      run((ctx) => eraseMember(ctx, { memberId: anna.id, reason: 'no_longer_needed' })),
    ).rejects.toMatchObject({ code: 'ALREADY_ERASED', details: { memberId: anna.id } })
    // Nor can an officer type the personal data back in.
    await expect(
      run((ctx) => updateMember(ctx, { memberId: anna.id, patch: { fullName: 'Anna Again' } })),
    ).rejects.toMatchObject({ code: 'ALREADY_ERASED' })
    await expect(
      run((ctx) => eraseMember(ctx, { memberId: boris.id, reason: 'because' as 'member_request' })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'reason' }] } })
    await expect(
      run((ctx) => eraseMember(ctx, { memberId: 999_999, reason: 'member_request' })),
    ).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' })
    expect(await findErasure(database.db, boris.id)).toBeNull()
  })
})
