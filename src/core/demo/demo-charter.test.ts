import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { findCharterInForce } from '../charter/charter-in-force.ts'
import { castBallot } from '../elections/cast-ballot.ts'
import { ELECTION_JOB_PREFIX } from '../elections/election-lookups.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import { createDemoOrganisation, type DemoSummary } from './create-demo.ts'

const REPORT_DAY = '1923-12-02'

// The whole demo (50,000 members, about 1,100 mandates and 51 elections through the use cases) is
// built once for the file: the figures the tests check are the ones a newcomer sees, not a miniature's.
describe('the demo charter history and mandates', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let summary: DemoSummary

  beforeAll(async () => {
    database = await createTestDatabase()
    summary = await createDemoOrganisation(database, new ManualClock('2026-01-01T00:00:00Z'))
  }, 600_000)
  afterAll(async () => database?.drop())

  /** Unit secretaries' mandates of one region, with their holder's unit and how they came. */
  const unitSecretaries = (regionName: string) =>
    database.db
      .selectFrom('mandates')
      .innerJoin('bodies as unit', 'unit.id', 'mandates.body_id')
      .innerJoin('bodies as region', 'region.id', 'mandates.region_id')
      .innerJoin('events', 'events.id', 'mandates.event_id')
      .select([
        'mandates.id',
        'mandates.how',
        'mandates.justification',
        'mandates.appointed_by_body_id',
        'mandates.starts_on',
        'mandates.ends_on',
        'unit.id as unit_id',
        'region.id as region_id',
        'events.type as event_type',
      ])
      .where('region.name', '=', regionName)
      .where('mandates.post', '=', 'unit-secretary')
      .execute()

  it('adopts the Tenth, Eleventh and Twelfth Congress versions on their dates', async () => {
    const central = await database.db
      .selectFrom('bodies')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow()
    const versions = await database.db
      .selectFrom('charter_versions')
      .select(['name', 'effective_from', 'decision_kind', 'decision_title', 'decision_body_id'])
      .orderBy('effective_from')
      .execute()
    expect(versions).toEqual([
      expect.objectContaining({ name: 'Rules of the Party (Tenth Congress)', effective_from: '1921-03-16' }),
      expect.objectContaining({
        name: 'Rules of the Party (Eleventh Congress)',
        effective_from: '1922-04-02',
      }),
      expect.objectContaining({
        name: 'Rules of the Party (Twelfth Congress)',
        effective_from: '1923-04-25',
      }),
    ])
    for (const version of versions) {
      expect(version.decision_kind).toBe('congress')
      expect(version.decision_body_id).toBe(central.id)
    }
    expect((await findCharterInForce(database.db, REPORT_DAY))?.name).toBe(
      'Rules of the Party (Twelfth Congress)',
    )
    expect((await findCharterInForce(database.db, '1923-04-24'))?.name).toBe(
      'Rules of the Party (Eleventh Congress)',
    )
  })

  it('differs between versions where the history says it did', async () => {
    const on = async (date: string) => (await findCharterInForce(database.db, date))?.document
    const [tenth, eleventh, twelfth] = await Promise.all([on('1921-06-01'), on('1922-06-01'), on(REPORT_DAY)])
    const maximum = (document: typeof tenth) =>
      document?.rules.deliberation.find((rule) => rule.kind === 'limits')?.maximumDays
    // A discussion the Eleventh Congress rules allowed can run past the Twelfth's maximum.
    expect([maximum(tenth), maximum(eleventh), maximum(twelfth)]).toEqual([60, 45, 30])
    expect(tenth?.rules.standing).toEqual([])
    const standing = (document: typeof tenth) =>
      document?.rules.standing.map((rule) => [rule.posts, rule.minimum])
    expect(standing(eleventh)).toEqual(standing(twelfth))
    expect(standing(twelfth)).toContainEqual([['region-secretary'], { joinedBefore: '1917-11-07' }])
    const posts = (document: typeof tenth) => document?.rules.posts.map((post) => post.post)
    expect(posts(tenth)).toEqual(posts(twelfth))
    expect(posts(eleventh)).toEqual(posts(twelfth))
  })

  it('gives Yekaterinoslav 80 unit secretaries appointed by its committee and 50 elected', async () => {
    const mandates = await unitSecretaries('Yekaterinoslav Gubernia Committee')
    expect(new Set(mandates.map((m) => m.unit_id)).size).toBe(130)
    const appointed = mandates.filter((m) => m.how === 'appointed')
    expect(appointed).toHaveLength(80)
    expect(mandates.filter((m) => m.how === 'elected')).toHaveLength(50)
    for (const mandate of appointed) {
      expect(mandate.justification).toBe('no-literate-candidate')
      expect(mandate.appointed_by_body_id).toBe(mandate.region_id)
      expect(mandate.event_type).toBe('mandate.appointed')
    }
    // On the report's day some appointments are past their expiry (an election is overdue) and
    // some still run.
    const pastExpiry = appointed.filter((m) => m.ends_on < REPORT_DAY)
    expect(pastExpiry.length).toBeGreaterThan(0)
    expect(pastExpiry.length).toBeLessThan(80)
  })

  it('elects nine in ten unit secretaries or more in every other region', async () => {
    const regions = await database.db
      .selectFrom('bodies')
      .select('name')
      .where('level', '=', 'region')
      .where('name', '!=', 'Yekaterinoslav Gubernia Committee')
      .execute()
    expect(regions).toHaveLength(7)
    let borderAppointments = 0
    for (const region of regions) {
      const mandates = await unitSecretaries(region.name)
      const elected = mandates.filter((m) => m.how === 'elected')
      expect(elected.length / mandates.length, region.name).toBeGreaterThanOrEqual(0.9)
      for (const mandate of mandates.filter((m) => m.how === 'appointed')) {
        expect(mandate.justification).toBe('no-eligible-candidate')
        borderAppointments++
      }
    }
    expect(borderAppointments).toBeGreaterThan(0)
  })

  it('fills every secretary post with a holder of the standing then required', async () => {
    const holders = await database.db
      .selectFrom('mandates')
      .innerJoin('members', 'members.id', 'mandates.member_id')
      .innerJoin('events', 'events.id', 'mandates.event_id')
      .select(['mandates.post', 'mandates.how', 'mandates.starts_on', 'members.joined_on', 'events.type'])
      .execute()
    const ofPost = (post: string) => holders.filter((h) => h.post === post)
    expect(ofPost('central-secretary')).toHaveLength(3)
    expect(ofPost('region-secretary')).toHaveLength(8)
    expect(ofPost('district-secretary')).toHaveLength(34)
    expect(ofPost('unit-secretary')).toHaveLength(summary.units)
    for (const holder of [...ofPost('region-secretary'), ...ofPost('central-secretary')]) {
      expect(holder.joined_on < '1917-11-07').toBe(true)
      expect(holder.how).toBe('elected')
    }
    for (const holder of ofPost('district-secretary')) {
      const threeYearsEarlier = `${Number(holder.starts_on.slice(0, 4)) - 3}${holder.starts_on.slice(4)}`
      expect(holder.joined_on <= threeYearsEarlier).toBe(true)
    }
    for (const holder of holders) expect(holder.type).toBe(`mandate.${holder.how}`)
    expect(summary.mandates.vacant).toBe(0)
    expect(summary.mandates.elected + summary.mandates.appointed).toBe(holders.length)
  })

  describe('the demo elections', () => {
    const yekaterinoslavElections = () =>
      database.db
        .selectFrom('elections')
        .innerJoin('bodies as unit', 'unit.id', 'elections.body_id')
        .innerJoin('bodies as region', 'region.id', 'elections.region_id')
        .selectAll('elections')
        .where('region.name', '=', 'Yekaterinoslav Gubernia Committee')
        .where('unit.level', '=', 'unit')
        .orderBy('elections.id')
        .execute()

    it('held the 50 elected Yekaterinoslav secretaries in finished elections, each with its count and mandate', async () => {
      const elections = await yekaterinoslavElections()
      expect(elections).toHaveLength(50)
      expect(summary.elections.closed).toBe(50)
      const elected = (await unitSecretaries('Yekaterinoslav Gubernia Committee')).filter(
        (m) => m.how === 'elected',
      )
      const mandates = await database.db
        .selectFrom('mandates')
        .select(['id', 'election_id', 'member_id', 'body_id', 'post', 'starts_on'])
        .where(
          'id',
          'in',
          elected.map((m) => m.id),
        )
        .execute()
      // None recorded as "elected outside Charter" any more: each names its election.
      expect(mandates.every((m) => m.election_id !== null)).toBe(true)
      for (const election of elections) {
        expect(election.state).toBe('closed')
        expect(election.method).toBe('scottish-stv')
        const results = await database.db
          .selectFrom('election_results')
          .select(['elected_member_ids', 'report'])
          .where('election_id', '=', election.id)
          .execute()
        expect(results).toHaveLength(1)
        const winner = results[0]?.elected_member_ids
        expect(winner).toHaveLength(1)
        const mandate = mandates.find((m) => m.election_id === election.id)
        expect(mandate).toMatchObject({
          member_id: winner?.[0],
          body_id: election.body_id,
          post: 'unit-secretary',
          starts_on: new Date(election.voting_close_at).toISOString().slice(0, 10),
        })
        const accepted = await database.db
          .selectFrom('election_candidates as ca')
          .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
          .select('ca.member_id')
          .where('c.election_id', '=', election.id)
          .where('ca.state', '=', 'accepted')
          .execute()
        expect(accepted.length).toBeGreaterThanOrEqual(2)
        expect(accepted.length).toBeLessThanOrEqual(3)
        // Ballots in the box = voters on the roll = the count's input, and a turnout short of all.
        const [box, roll] = await Promise.all([
          database.db
            .selectFrom('ballot_box')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('election_id', '=', election.id)
            .executeTakeFirstOrThrow(),
          database.db
            .selectFrom('election_voters')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('election_id', '=', election.id)
            .executeTakeFirstOrThrow(),
        ])
        expect(Number(box.n)).toBe(Number(roll.n))
        expect(Number(roll.n)).toBe(election.voters_count)
        expect(election.voters_count).toBeLessThanOrEqual(election.electorate_size ?? 0)
        expect(election.voters_count ?? 0).toBeGreaterThanOrEqual((election.electorate_size ?? 0) / 2)
        const report = results[0]?.report as { ballots: number; blank: number }
        expect(report.ballots + report.blank).toBe(election.voters_count)
      }
      const leftOver = await database.db
        .selectFrom('ballot_queue')
        .select('election_id')
        .where(
          'election_id',
          'in',
          elections.map((e) => e.id),
        )
        .execute()
      expect(leftOver).toEqual([])
      const pendingJobs = await database.db
        .selectFrom('scheduled_jobs')
        .select('id')
        .where(
          'subject_id',
          'in',
          elections.map((e) => e.id),
        )
        // Subject ids are per kind: a question or a task may share an election's number.
        .where('kind', 'like', `${ELECTION_JOB_PREFIX}%`)
        .where('state', '!=', 'done')
        .execute()
      expect(pendingJobs).toEqual([])
    })

    it('leaves one election open in which the demo member has a vote and has not voted', async () => {
      const open = summary.elections.open
      expect(open).not.toBeNull()
      const election = await database.db
        .selectFrom('elections')
        .selectAll()
        .where('id', '=', open?.id ?? 0)
        .executeTakeFirstOrThrow()
      expect(election.state).toBe('voting')
      expect(new Date(election.voting_open_at) < new Date(`${REPORT_DAY}T09:00:00Z`)).toBe(true)
      expect(new Date(election.voting_close_at).toISOString().slice(0, 10)).toBe('1924-01-02')
      const member = await database.db
        .selectFrom('accounts')
        .innerJoin('members', 'members.id', 'accounts.member_id')
        .select(['members.id', 'members.unit_id', 'members.status'])
        .where('accounts.email', '=', 'member@charter.demo')
        .executeTakeFirstOrThrow()
      expect(election.body_id).toBe(member.unit_id)
      expect(member.status).toBe('full')
      const elector = await database.db
        .selectFrom('election_electors')
        .select('voice')
        .where('election_id', '=', election.id)
        .where('member_id', '=', member.id)
        .executeTakeFirst()
      expect(elector?.voice).toBe('vote')
      const voted = await database.db
        .selectFrom('election_voters')
        .select('member_id')
        .where('election_id', '=', election.id)
        .execute()
      expect(voted.length).toBeGreaterThan(0)
      expect(voted.map((v) => v.member_id)).not.toContain(member.id)
      const candidates = await database.db
        .selectFrom('election_candidates as ca')
        .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
        .select(['ca.id', 'c.id as contest_id'])
        .where('c.election_id', '=', election.id)
        .where('ca.state', '=', 'accepted')
        .orderBy('ca.id')
        .execute()
      expect(candidates.length).toBeGreaterThanOrEqual(2)
      // The server's scheduler closes it at its time.
      const close = await database.db
        .selectFrom('scheduled_jobs')
        .select(['state', 'due_at'])
        .where('subject_id', '=', election.id)
        .where('kind', '=', 'election.close-voting')
        .executeTakeFirstOrThrow()
      expect(close.state).toBe('pending')
      // The member can vote on the demo's first morning (tried, then rolled back).
      const rollback = new Error('rollback')
      const tried = database.db.transaction().execute(async (trx) => {
        const ctx = { db: trx, clock: new ManualClock(`${REPORT_DAY}T10:00:00Z`), actor: systemActor }
        const receipt = await castBallot(ctx, {
          electionId: election.id,
          memberId: member.id,
          contests: [
            { contestId: candidates[0]?.contest_id ?? 0, preferences: candidates.map((c) => c.id).reverse() },
          ],
        })
        expect(receipt.tracker).toMatch(/^[0-9a-f]{32}$/)
        throw rollback
      })
      await expect(tried).rejects.toBe(rollback)
    })
  })
})
