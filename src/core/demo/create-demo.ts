import type { Database } from '../../db/client.ts'
import { createAccount } from '../accounts/create-account.ts'
import { grantRole } from '../accounts/grant-role.ts'
import { vacuumBallotQueue } from '../elections/ballot-queue.ts'
import { loadMembers } from '../members/bulk-load-members.ts'
import { configureOrganisation } from '../orgs/configure-organisation.ts'
import { DEFAULT_LEVELS } from '../orgs/organisation-settings.ts'
import { type Actor, systemActor } from '../shared/actor.ts'
import { type Clock, offsetClock } from '../shared/clock.ts'
import { AppError } from '../shared/errors.ts'
import { auditDemo, type DemoAuditSummary } from './create-demo-audit.ts'
import { createDemoCharter } from './create-demo-charter.ts'
import { createDemoDeliberation, type DemoDeliberationSummary } from './create-demo-deliberation.ts'
import { createDemoElections, type DemoOpenElection } from './create-demo-elections.ts'
import { createDemoMandates, type DemoMandateSummary } from './create-demo-mandates.ts'
import { createDemoMeetings, type DemoMeetingsSummary } from './create-demo-meetings.ts'
import { createDemoMember } from './create-demo-member.ts'
import { createTree } from './create-tree.ts'
import { DEMO_REGIONS, demoTree } from './demo-tree.ts'
import { distributeMembers, type SeedPlace } from './member-seeds.ts'
import { SeededRandom } from './random.ts'

/** The demo's present: the morning of the report, 2 December 1923. */
export const DEMO_START = '1923-12-02T09:00:00.000Z'
export const DEMO_MEMBER_COUNT = 50_000
/** Printed at first run; the demo is for trying Charter on one's own machine, never for real data. */
export const DEMO_PASSWORD = 'party-tasks-1923'
export const DEMO_ACCOUNTS = [
  { email: 'admin@charter.demo', displayName: 'Central Committee secretariat', role: 'admin', region: null },
  {
    email: 'moscow@charter.demo',
    displayName: 'Moscow Gubernia secretary',
    role: 'secretary',
    region: 'moscow',
  },
  {
    email: 'yekaterinoslav@charter.demo',
    displayName: 'Yekaterinoslav Gubernia secretary',
    role: 'secretary',
    region: 'yekaterinoslav',
  },
] as const
/** The Turkestan region secretary, in the audience of the demo's confidential military question. */
export const DEMO_CONFIDENTIAL_EMAIL = 'turkestan@charter.demo'
/** A rank-and-file member's account (a worker in a Moscow factory unit), to try "My data". */
export const DEMO_MEMBER_EMAIL = 'member@charter.demo'

export interface DemoSummary {
  readonly bodies: number
  readonly units: number
  readonly members: number
  /** The secretaries' mandates: elected, appointed, and posts left vacant. */
  readonly mandates: DemoMandateSummary
  /** Finished elections (the report region's electing units) and the one open to the demo member. */
  readonly elections: { readonly closed: number; readonly open: DemoOpenElection | null }
  /** The deliberation stories: the discussion in progress, the unratified decision, and the rest. */
  readonly deliberation: DemoDeliberationSummary
  /** The meeting books: how many meetings were held, and how many bodies met within their window. */
  readonly meetings: DemoMeetingsSummary
  /** The audit of the finished demo: today's findings, the snapshots, and the headline printed at first start. */
  readonly audit: DemoAuditSummary
  readonly accounts: readonly { email: string; role: string; bodyId: number }[]
  readonly password: string
}

export interface DemoOptions {
  readonly seed?: number
  readonly members?: number
  readonly onProgress?: (membersLoaded: number, total: number) => void
}

/**
 * Creates the 1923 demo organisation in an empty database, all in one transaction: the party
 * that the report describes (a central committee, eight regions, one of 130 units) living on an
 * offset clock that starts on the day of the report. Later capabilities add their part of the story.
 */
export async function createDemoOrganisation(
  database: Database,
  realClock: Clock,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const clock = offsetClock(new Date(DEMO_START), realClock.now(), realClock)
  const actor: Actor = systemActor
  const random = new SeededRandom(options.seed ?? 1923)
  const total = options.members ?? DEMO_MEMBER_COUNT
  const summary = await database.bulkTransaction(async (trx, copyIn): Promise<DemoSummary> => {
    const ctx = { db: trx, clock, actor }
    const existing = await trx.selectFrom('bodies').select('id').limit(1).executeTakeFirst()
    if (existing)
      throw new AppError(
        'CONFLICT',
        'The database already holds an organisation; the demo needs an empty one',
      )
    await configureOrganisation(ctx, {
      name: 'Russian Communist Party (Bolsheviks)',
      levels: DEFAULT_LEVELS,
      clock: { organisationStart: DEMO_START, realStart: realClock.now().toISOString() },
    })
    const nodes = demoTree(random)
    const ids = await createTree(ctx, nodes, 'demo')
    // The rules from the Tenth Congress to the Twelfth, adopted by the congresses in the name of the
    // central committee, so the mandates below are checked against the version of their date.
    const versions = await createDemoCharter(ctx, ids.get('central') as number)
    const rural = new Set(DEMO_REGIONS.filter((region) => region.border).map((region) => region.key))
    const places: SeedPlace[] = nodes
      .filter((node) => node.level === 'unit')
      .map((node) => ({
        unitId: ids.get(node.key) as number,
        unitKind: node.kind ?? 'custom',
        rural: rural.has(node.key.split('/')[0] ?? '') || node.kind === 'village',
      }))
    const loaded = await loadMembers(trx, copyIn, clock, actor, distributeMembers(random, places, total), {
      source: 'demo',
      onProgress: (progress) => options.onProgress?.(progress.rows, total),
    })
    const { mandates, unitElections } = await createDemoMandates(ctx, random, nodes, ids, versions)
    const accounts: { email: string; role: string; bodyId: number }[] = []
    const accountIds = new Map<string, number>()
    for (const account of DEMO_ACCOUNTS) {
      const bodyId = ids.get(account.region ?? 'central') as number
      const created = await createAccount(ctx, {
        email: account.email,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
      })
      await grantRole(ctx, { accountId: created.id, role: account.role, bodyId })
      accounts.push({ email: account.email, role: account.role, bodyId })
      accountIds.set(account.email, created.id)
    }
    const member = await createDemoMember(ctx, {
      email: DEMO_MEMBER_EMAIL,
      password: DEMO_PASSWORD,
      unitIds: nodes
        .filter((node) => node.level === 'unit' && node.kind === 'factory' && node.key.startsWith('moscow/'))
        .map((node) => ids.get(node.key) as number),
      readerAccountId: accountIds.get('moscow@charter.demo') ?? null,
    })
    if (member) accounts.push(member)
    const voter = member
      ? await trx
          .selectFrom('accounts')
          .innerJoin('members', 'members.id', 'accounts.member_id')
          .select(['members.id as memberId', 'members.unit_id as unitId'])
          .where('accounts.email', '=', member.email)
          .executeTakeFirstOrThrow()
      : null
    const elections = await createDemoElections(ctx, random, { unitElections, voter })
    const deliberation = await createDemoDeliberation(ctx, random, {
      nodes,
      ids,
      accounts: {
        admin: accountIds.get('admin@charter.demo') as number,
        moscow: accountIds.get('moscow@charter.demo') as number,
        yekaterinoslav: accountIds.get('yekaterinoslav@charter.demo') as number,
      },
      member: voter,
    })
    // The confidential question is readable only by its audience: an account for the region
    // secretary, who is in it, lets a visitor see it from inside as well as redacted from outside.
    const insider = deliberation.confidential.voterIds[0]
    if (insider !== undefined) {
      const created = await createAccount(ctx, {
        email: DEMO_CONFIDENTIAL_EMAIL,
        displayName: 'Turkestan Regional Committee secretary',
        password: DEMO_PASSWORD,
        memberId: insider,
      })
      const bodyId = deliberation.confidential.bodyId
      await grantRole(ctx, { accountId: created.id, role: 'secretary', bodyId })
      accounts.push({ email: DEMO_CONFIDENTIAL_EMAIL, role: 'secretary', bodyId })
    }
    const regionKeys = new Map(DEMO_REGIONS.map((region) => [ids.get(region.key) as number, region.key]))
    const meetings = await createDemoMeetings(ctx, random, regionKeys)
    // Last, once every story is in: the audit must find them all.
    const audit = await auditDemo(ctx)
    return {
      bodies: nodes.length,
      units: places.length,
      members: loaded.count,
      mandates: { ...mandates, elected: mandates.elected + elections.closed },
      elections,
      deliberation,
      meetings,
      audit,
      accounts,
      password: DEMO_PASSWORD,
    }
  })
  // The elections' closes moved their queued ballots to the box; the queue's dead rows still
  // carry the order of voting until a VACUUM, which cannot run inside the demo's transaction.
  await vacuumBallotQueue(database.db)
  return summary
}
