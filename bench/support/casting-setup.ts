import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { hashPassword } from '../../src/core/accounts/passwords.ts'
import { callElection } from '../../src/core/elections/call-election.ts'
import { electionJobHandlers } from '../../src/core/elections/election-jobs.ts'
import { nominateCandidate } from '../../src/core/elections/nominate-candidate.ts'
import { adoptTestCharter } from '../../src/core/mandates/test-charter.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { configureOrganisation } from '../../src/core/orgs/configure-organisation.ts'
import { createBody } from '../../src/core/orgs/create-body.ts'
import { runDueJobs } from '../../src/core/scheduler/run-due-jobs.ts'
import { systemActor } from '../../src/core/shared/actor.ts'
import { ManualClock } from '../../src/core/shared/clock.ts'
import type { UseCaseContext } from '../../src/core/shared/context.ts'
import type { Database } from '../../src/db/client.ts'

/** The election the casting bench votes in, and how to sign in as each of its voters. */
export interface CastingElection {
  readonly clock: ManualClock
  readonly electionId: number
  readonly contests: readonly { readonly contestId: number; readonly candidates: readonly number[] }[]
  /** Voter n (1-based) holds the session token `${tokenPrefix}${n}`. */
  readonly tokenPrefix: string
  /** Member id of voter n is memberIds[n - 1]. */
  readonly memberIds: readonly number[]
  readonly setupSeconds: number
}

/**
 * One unit with `voters` full members, each with an account, a member grant on the unit and a
 * live session, all written set-based (one argon2 hash shared by every account: nobody signs in,
 * sessions are inserted as sign-in would store them, SHA-256 of the token); five candidates
 * standing for the secretary (1 seat) and the bureau (2 seats); an election brought to `voting`
 * by the lifecycle use cases and the scheduler. Scottish STV, so ballots rank up to 5 candidates.
 */
export async function setUpCastingElection(database: Database, voters: number): Promise<CastingElection> {
  const started = performance.now()
  const clock = new ManualClock('1923-11-20T09:00:00Z')
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  const tokenPrefix = `bench-${randomBytes(12).toString('hex')}-`
  const passwordHash = await hashPassword(randomBytes(16).toString('hex'))
  const setup = await run(async (ctx) => {
    await configureOrganisation(ctx, {
      name: 'Casting bench',
      levels: ['central', 'region', 'district', 'unit'],
    })
    const root = await createBody(ctx, { parentId: null, name: 'Central Committee' })
    const region = await createBody(ctx, { parentId: root.id, name: 'Region' })
    const district = await createBody(ctx, { parentId: region.id, name: 'District' })
    const unit = await createBody(ctx, { parentId: district.id, name: 'Big Works', kind: 'factory' })
    await adoptTestCharter(ctx)
    const candidates = []
    for (const name of ['Vera', 'Semyon', 'Pavel', 'Olga', 'Anton']) {
      candidates.push(
        await registerMember(ctx, {
          unitId: unit.id,
          fullName: name,
          joinedOn: '1917-03-01',
          category: 'worker',
          status: 'full',
        }),
      )
    }
    await sql`
      insert into members (region_id, unit_id, unit_path, full_name, joined_on, category, status,
        status_since, full_member_since, created_at, updated_at)
      select ${unit.region_id}, ${unit.id}, ${unit.path}, 'Voter ' || n, '1920-01-01', 'worker', 'full',
        '1920-01-01', '1920-01-01', now(), now()
      from generate_series(1, ${voters}::int) as n`.execute(ctx.db)
    await sql`
      insert into accounts (email, display_name, password_hash, member_id, created_at)
      select 'voter-' || substring(full_name from 7) || '@bench.invalid', full_name, ${passwordHash}, id, now()
      from members where unit_id = ${unit.id} and full_name like 'Voter %'`.execute(ctx.db)
    await sql`
      insert into role_grants (account_id, role, body_id, created_at)
      select id, 'member', ${unit.id}, now() from accounts where email like '%@bench.invalid'`.execute(ctx.db)
    await sql`
      insert into sessions (id, account_id, created_at, expires_at)
      select encode(sha256(convert_to(${tokenPrefix} || substring(display_name from 7), 'UTF8')), 'hex'), id,
        now(), '2100-01-01T00:00:00Z'
      from accounts where email like '%@bench.invalid'`.execute(ctx.db)
    const election = await callElection(ctx, {
      bodyId: unit.id,
      title: 'Big Works elections',
      method: 'scottish-stv',
      contests: [
        { post: 'unit-secretary', seats: 1 },
        { post: 'unit-bureau-member', seats: 2 },
      ],
      nominationsOpenAt: '1923-11-21T09:00:00Z',
      nominationsCloseAt: '1923-11-25T18:00:00Z',
      votingOpenAt: '1923-12-01T09:00:00Z',
      votingCloseAt: '1923-12-05T18:00:00Z',
    })
    return { electionId: election.id, candidates }
  })
  await sql`analyze`.execute(database.db)
  const tick = async (to: string) => {
    clock.set(to)
    const result = await runDueJobs({ db: database.db, clock }, electionJobHandlers)
    if (result.errors.length > 0)
      throw new Error(`a scheduled job failed: ${String(result.errors[0]?.error)}`)
  }
  await tick('1923-11-22T09:00:00Z')
  const contests = []
  for (const post of ['unit-secretary', 'unit-bureau-member']) {
    const ids = await run(async (ctx) => {
      const stood = []
      for (const member of setup.candidates) {
        stood.push(await nominateCandidate(ctx, { electionId: setup.electionId, post, memberId: member.id }))
      }
      return stood
    })
    contests.push({
      contestId: (ids[0] as { contest_id: number }).contest_id,
      candidates: ids.map((c) => c.id),
    })
  }
  await tick('1923-12-02T09:00:00Z')
  const members = await database.db
    .selectFrom('members')
    .select('id')
    .where('full_name', 'like', 'Voter %')
    .orderBy(sql`substring(full_name from 7)::int`)
    .execute()
  await sql`analyze`.execute(database.db)
  return {
    clock,
    electionId: setup.electionId,
    contests,
    tokenPrefix,
    memberIds: members.map((m) => m.id),
    setupSeconds: (performance.now() - started) / 1000,
  }
}
