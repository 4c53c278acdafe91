import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ElectionRow } from '../../db/schema.ts'
import { checkEligibility } from '../eligibility/check-eligibility.ts'
import { changeMemberStatus } from '../members/change-member-status.ts'
import { registerMember } from '../members/register-member.ts'
import { answerNomination } from './answer-nomination.ts'
import { cancelElection } from './cancel-election.ts'
import { getElection } from './get-election.ts'
import { DURING, NOW, openLifecycleTest } from './lifecycle-test-fixture.ts'
import { type NominateCandidateInput, nominateCandidate } from './nominate-candidate.ts'

let t: Awaited<ReturnType<typeof openLifecycleTest>>
let election: ElectionRow

beforeAll(async () => {
  t = await openLifecycleTest()
  election = await t.call()
  await t.tick(DURING.nominations)
})
afterAll(async () => t.database.drop())

function nominate(input: Omit<NominateCandidateInput, 'electionId'>, electionId = election.id) {
  return t.run((ctx) => nominateCandidate(ctx, { electionId, ...input }))
}
function refuseNomination(input: Omit<NominateCandidateInput, 'electionId'>, electionId = election.id) {
  return t.refusal((ctx) => nominateCandidate(ctx, { electionId, ...input }))
}

describe('nominateCandidate', () => {
  it('accepts a member standing themselves at once, with the rules checked in the event', async () => {
    expect(await t.state(election.id)).toBe('nominating')
    const candidate = await nominate({ post: 'unit-secretary', memberId: t.vera.id })
    expect(candidate).toMatchObject({ member_id: t.vera.id, state: 'accepted', nominated_by_member_id: null })
    const event = (await t.eventsOf(election.id)).find((e) => e.type === 'election.nominated')
    expect(event?.payload).toMatchObject({
      candidateId: candidate.id,
      post: 'unit-secretary',
      memberId: t.vera.id,
      nominatedByMemberId: null,
      ruleIds: ['posts.unit-secretary', 'voting-rights', 'standing.unit-secretary'],
    })
  })

  it('refuses an ineligible nominee with NOT_ELIGIBLE and the rule ids', async () => {
    const newcomer = await refuseNomination({ post: 'unit-secretary', memberId: t.nina.id })
    expect(newcomer.code).toBe('NOT_ELIGIBLE')
    expect(newcomer.details).toMatchObject({ ruleIds: ['standing.unit-secretary'] })
    expect(newcomer.message).toContain('standing.unit-secretary')
    const candidateMember = await refuseNomination({ post: 'unit-secretary', memberId: t.kolya.id })
    expect(candidateMember.details).toMatchObject({ ruleIds: ['voting-rights'] })
    const outsider = await refuseNomination({ post: 'unit-secretary', memberId: t.boris.id })
    expect(outsider.details).toMatchObject({ ruleIds: ['posts.unit-secretary'] })
  })

  it('judges eligibility on the voting-open date, not today', async () => {
    // Pyotr is a full member today (4 December) but suspended from the 7th, before voting opens.
    const pyotr = await t.run(async (ctx) => {
      const member = await registerMember(ctx, {
        unitId: t.tree.unitA1.id,
        fullName: 'Pyotr Suspended',
        joinedOn: '1917-03-01',
        category: 'worker',
        status: 'full',
      })
      return changeMemberStatus(ctx, { memberId: member.id, to: 'suspended', onDate: '1923-12-07' })
    })
    const today = await checkEligibility(t.db, {
      memberId: pyotr.id,
      post: 'unit-secretary',
      bodyId: t.tree.unitA1.id,
      date: '1923-12-04',
    })
    expect(today.eligible).toBe(true)
    const refused = await refuseNomination({ post: 'unit-secretary', memberId: pyotr.id })
    expect(refused).toMatchObject({ code: 'NOT_ELIGIBLE', details: { ruleIds: ['voting-rights'] } })
  })

  it('starts another’s nomination as pending; only the nominee answers', async () => {
    const pending = await nominate({
      post: 'unit-secretary',
      memberId: t.semyon.id,
      nominatedByMemberId: t.vera.id,
    })
    expect(pending).toMatchObject({
      state: 'nominated',
      nominated_by_member_id: t.vera.id,
      answered_at: null,
    })
    const view = await getElection(t.db, election.id, t.clock.now(), { memberId: t.semyon.id })
    expect(view.contests[0]?.candidates.map((c) => c.fullName)).toEqual(['Vera Veteran'])
    expect(view.me?.nominations).toMatchObject([{ candidateId: pending.id, state: 'nominated' }])
    const other = await t.refusal((ctx) =>
      answerNomination(ctx, { candidateId: pending.id, memberId: t.vera.id, answer: 'accepted' }),
    )
    expect(other.code).toBe('FORBIDDEN')

    const accepted = await t.run((ctx) =>
      answerNomination(ctx, { candidateId: pending.id, memberId: t.semyon.id, answer: 'accepted' }),
    )
    expect(accepted.state).toBe('accepted')
    // The same answer again changes nothing and writes nothing.
    const before = (await t.eventsOf(election.id)).length
    await t.run((ctx) =>
      answerNomination(ctx, { candidateId: pending.id, memberId: t.semyon.id, answer: 'accepted' }),
    )
    expect((await t.eventsOf(election.id)).length).toBe(before)
    const after = await getElection(t.db, election.id, t.clock.now())
    expect(after.contests[0]?.candidates.map((c) => c.fullName)).toEqual(['Vera Veteran', 'Semyon Second'])
  })

  it('lets a nominee decline, and makes declining final', async () => {
    const pending = await nominate({
      post: 'unit-bureau-member',
      memberId: t.semyon.id,
      nominatedByMemberId: t.vera.id,
    })
    await t.run((ctx) =>
      answerNomination(ctx, { candidateId: pending.id, memberId: t.semyon.id, answer: 'declined' }),
    )
    await nominate({ post: 'unit-bureau-member', memberId: t.vera.id })
    const again = await t.refusal((ctx) =>
      answerNomination(ctx, { candidateId: pending.id, memberId: t.semyon.id, answer: 'accepted' }),
    )
    expect(again).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      details: { from: 'declined', to: 'accepted' },
    })
    const events = (await t.eventsOf(election.id)).filter((e) => e.type === 'election.nomination_answered')
    expect(events.at(-1)?.payload).toEqual({
      candidateId: pending.id,
      memberId: t.semyon.id,
      answer: 'declined',
    })
  })

  it('refuses a second nomination of the same member in a contest', async () => {
    const error = await refuseNomination({ post: 'unit-secretary', memberId: t.vera.id })
    expect(error.code).toBe('DUPLICATE')
  })

  it('refuses a nominator without a vote, or outside the body', async () => {
    const candidateMember = await refuseNomination({
      post: 'unit-bureau-member',
      memberId: t.vera.id,
      nominatedByMemberId: t.kolya.id,
    })
    expect(candidateMember).toMatchObject({ code: 'NOT_IN_ELECTORATE', details: { ruleId: 'voting-rights' } })
    const outsider = await refuseNomination({
      post: 'unit-bureau-member',
      memberId: t.vera.id,
      nominatedByMemberId: t.boris.id,
    })
    expect(outsider).toMatchObject({ code: 'NOT_IN_ELECTORATE', details: { inScope: false } })
  })

  it('refuses an unknown contest with the field named', async () => {
    const error = await refuseNomination({ post: 'district-secretary', memberId: t.vera.id })
    expect(error.details).toMatchObject({ issues: [{ path: 'post' }] })
  })

  it('refuses nominations before the window opens and after it closes', async () => {
    t.clock.set(NOW)
    const early = await t.call({ title: 'Not yet open' })
    const before = await refuseNomination({ post: 'unit-secretary', memberId: t.vera.id }, early.id)
    expect(before).toMatchObject({
      code: 'ELECTION_WRONG_PHASE',
      details: { state: 'called', expected: 'nominating' },
    })

    await t.tick(DURING.betweenWindows)
    expect(await t.state(early.id)).toBe('nominating')
    const late = await refuseNomination({ post: 'unit-secretary', memberId: t.semyon.id }, early.id)
    expect(late).toMatchObject({
      code: 'ELECTION_WRONG_PHASE',
      details: { nominationsCloseAt: '1923-12-06T18:00:00.000Z' },
    })
  })

  it('takes answers until voting opens, then refuses a withdrawal', async () => {
    const candidacy = async (post: string, memberId: number) =>
      t.db
        .selectFrom('election_candidates as ca')
        .innerJoin('election_contests as c', 'c.id', 'ca.contest_id')
        .select('ca.id')
        .where('c.election_id', '=', election.id)
        .where('c.post', '=', post)
        .where('ca.member_id', '=', memberId)
        .executeTakeFirstOrThrow()
    // Between the windows (the previous test moved the clock): Semyon withdraws as secretary.
    const semyon = await candidacy('unit-secretary', t.semyon.id)
    const withdrawn = await t.run((ctx) =>
      answerNomination(ctx, { candidateId: semyon.id, memberId: t.semyon.id, answer: 'withdrawn' }),
    )
    expect(withdrawn.state).toBe('withdrawn')

    await t.tick(DURING.voting)
    expect(await t.state(election.id)).toBe('voting')
    const vera = await candidacy('unit-bureau-member', t.vera.id)
    const error = await t.refusal((ctx) =>
      answerNomination(ctx, { candidateId: vera.id, memberId: t.vera.id, answer: 'withdrawn' }),
    )
    expect(error).toMatchObject({ code: 'ELECTION_WRONG_PHASE', details: { state: 'voting' } })
    const view = await getElection(t.db, election.id, t.clock.now())
    expect(view.contests.map((c) => c.candidates.map((x) => x.fullName))).toEqual([
      ['Vera Veteran'],
      ['Vera Veteran'],
    ])
  })

  it('refuses everything on a cancelled election with ELECTION_CLOSED', async () => {
    await t.run((ctx) => cancelElection(ctx, { electionId: election.id, reason: 'Unit merged' }))
    const error = await refuseNomination({ post: 'unit-secretary', memberId: t.nina.id })
    expect(error.code).toBe('ELECTION_CLOSED')
  })
})
