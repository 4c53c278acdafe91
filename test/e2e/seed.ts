import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createAccount } from '../../src/core/accounts/create-account.ts'
import { grantRole } from '../../src/core/accounts/grant-role.ts'
import { adoptCharter } from '../../src/core/charter/adopt-charter.ts'
import { appointToPost } from '../../src/core/mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../../src/core/mandates/record-elected-mandate.ts'
import { changeMemberStatus } from '../../src/core/members/change-member-status.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { configureOrganisation } from '../../src/core/orgs/configure-organisation.ts'
import { createBody } from '../../src/core/orgs/create-body.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import type { Clock } from '../../src/core/shared/clock.ts'
import type { Database } from '../../src/db/client.ts'
import { type JourneyElections, seedElections } from './seed-elections.ts'

export const ADMIN_EMAIL = 'secretary@example.org'
export const ADMIN_PASSWORD = 'pre-october-1917'
/** A secretary of the district: manages its members, not its tree. */
export const SECRETARY_EMAIL = 'zamoskvorechye@example.org'
export const SECRETARY_PASSWORD = 'elected-not-appointed'

/** What the journey clicks through: names a user sees. */
export interface JourneyOrganisation {
  readonly centralId: number
  readonly regionName: string
  readonly unitName: string
  readonly districtId: number
  readonly districtName: string
  readonly unitId: number
  readonly villageId: number
  readonly elections: JourneyElections
}

/** The default charter, adopted by the Twelfth Congress in the seed. */
const DEFAULT_CHARTER = resolve(import.meta.dirname, '../../charter/default.yaml')

/**
 * A small 1923 organisation through the core use cases: central → two regions → a district →
 * two units, four members in the factory unit (one with a status history), an admin account on the
 * central committee and a secretary account on the district. The default charter is in force
 * (Twelfth Congress), and the factory unit has a secretary appointed by the region committee
 * ("no literate candidate") and a bureau member elected by the unit. The Ural region holds a
 * unit with elections, one counted and one open, and a member account that votes there
 * (seed-elections.ts).
 */
export async function seedJourney(database: Database, clock: Clock): Promise<JourneyOrganisation> {
  const { uralId, ...org } = await database.db.transaction().execute(async (trx) => {
    const ctx = { db: trx, clock, actor: cliActor }
    await configureOrganisation(ctx, {
      name: 'Russian Communist Party',
      levels: ['central', 'region', 'district', 'unit'],
    })
    const central = await createBody(ctx, { parentId: null, name: 'Central Committee' })
    const moscow = await createBody(ctx, { parentId: central.id, name: 'Moscow Region' })
    const ural = await createBody(ctx, { parentId: central.id, name: 'Ural Region' })
    const district = await createBody(ctx, { parentId: moscow.id, name: 'Zamoskvorechye District' })
    const works = await createBody(ctx, { parentId: district.id, name: 'Dynamo Works', kind: 'factory' })
    const village = await createBody(ctx, {
      parentId: district.id,
      name: 'Kolomenskoye Village',
      kind: 'village',
    })

    const member = (fullName: string, joinedOn: string, category: 'worker' | 'peasant' | 'employee') =>
      registerMember(ctx, { unitId: works.id, fullName, joinedOn, category, status: 'full' })
    const pyotr = await member('Pyotr Alekseev', '1905-03-01', 'worker')
    const anna = await member('Anna Kuznetsova', '1917-04-15', 'worker')
    await member('Ivan Sidorov', '1922-02-01', 'employee')
    const candidate = await registerMember(ctx, {
      unitId: works.id,
      fullName: 'Maria Volkova',
      joinedOn: '1919-06-01',
      category: 'peasant',
      status: 'candidate',
    })
    await changeMemberStatus(ctx, {
      memberId: candidate.id,
      to: 'full',
      onDate: '1920-01-15',
      reason: 'Probation served',
    })

    await adoptCharter(ctx, {
      source: readFileSync(DEFAULT_CHARTER, 'utf8'),
      fileName: 'charter/default.yaml',
      decision: { kind: 'congress', title: 'Twelfth Congress', decidedOn: '1923-04-25' },
      effectiveFrom: '1923-04-25',
    })
    await appointToPost(ctx, {
      memberId: pyotr.id,
      bodyId: works.id,
      post: 'unit-secretary',
      appointedByBodyId: moscow.id,
      justification: 'no-literate-candidate',
      startsOn: '1923-09-01',
    })
    await recordElectedMandate(ctx, {
      memberId: anna.id,
      bodyId: works.id,
      post: 'unit-bureau-member',
      startsOn: '1923-05-10',
      electionId: null,
    })

    const account = await createAccount(ctx, {
      email: ADMIN_EMAIL,
      displayName: 'Nadezhda Secretary',
      password: ADMIN_PASSWORD,
    })
    await grantRole(ctx, { accountId: account.id, role: 'admin', bodyId: central.id })
    const secretary = await createAccount(ctx, {
      email: SECRETARY_EMAIL,
      displayName: 'Grigory District',
      password: SECRETARY_PASSWORD,
    })
    await grantRole(ctx, { accountId: secretary.id, role: 'secretary', bodyId: district.id })
    return {
      centralId: central.id,
      regionName: moscow.name,
      unitName: works.name,
      districtId: district.id,
      districtName: district.name,
      unitId: works.id,
      villageId: village.id,
      uralId: ural.id,
    }
  })
  return { ...org, elections: await seedElections(database, uralId) }
}
