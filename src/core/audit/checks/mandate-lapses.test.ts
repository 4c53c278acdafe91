import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adoptCharter } from '../../charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { answerNomination } from '../../elections/answer-nomination.ts'
import { electionJobHandlers } from '../../elections/election-jobs.ts'
import { nominateCandidate } from '../../elections/nominate-candidate.ts'
import { appointToPost } from '../../mandates/appoint-to-post.ts'
import { endMandate } from '../../mandates/end-mandate.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import { dissolveBody } from '../../orgs/dissolve-body.ts'
import { runDueJobs } from '../../scheduler/run-due-jobs.ts'
import { type AuditTest, openAuditTest } from '../audit-test-fixture.ts'
import { electionOverdueCheck } from './election-overdue.ts'
import {
  callUnitSecretaryElection,
  elect,
  joinedMember,
  raiseSecretaryStanding,
} from './mandate-scenarios.ts'
import { postAppointedCheck } from './post-appointed.ts'
import { postStandingCheck } from './post-standing.ts'

// The mandate checks where a post falls vacant or a rule changes under a mandate: appointments
// that ended, elections that closed without a successor, shortened allowances, dissolved bodies.

let t: AuditTest
beforeEach(async () => {
  t = await openAuditTest()
})
afterEach(async () => {
  await t.database.drop()
})

/** Anton appointed secretary of unit A2 by district A (for want of a literate candidate: 6 months). */
function appointA2Secretary(
  startsOn: string,
  justification = 'no-literate-candidate',
  post = 'unit-secretary',
) {
  return t.run((ctx) =>
    appointToPost(ctx, {
      memberId: t.anton.id,
      bodyId: t.tree.unitA2.id,
      post,
      appointedByBodyId: t.tree.districtA.id,
      ...(post === 'unit-secretary' ? { justification } : {}),
      startsOn,
    }),
  )
}

const endOn = (mandateId: number, onDate: string, reason: 'resigned' | 'term-ended' = 'resigned') =>
  t.run((ctx) => endMandate(ctx, { mandateId, reason, onDate }))

const mandateEvents = async (mandateId: number) => (await t.eventsOf('mandate', mandateId)).map((e) => e.id)

describe('election.overdue after an appointment', () => {
  it('finds the post vacant from the day the appointee left, until an election is called', async () => {
    const mandate = await appointA2Secretary('1923-03-02')
    await endOn(mandate.id, '1923-06-01')
    const expected = {
      id: `election.overdue:mandate:${mandate.id}`,
      rule: 'posts.unit-secretary',
      bodyId: t.tree.unitA2.id,
      severity: 'violation',
      since: '1923-06-01',
      evidence: await mandateEvents(mandate.id),
      message:
        'The appointment of the unit secretary of Unit A2 ended on 1923-06-01 and no election to the post is under way; the charter elects it for 12 months at a time.',
    }
    expect(await t.audit([electionOverdueCheck])).toMatchObject([expected])
    // An audit as of `since` finds it (the end, entered today, is not yet evidence then); the day
    // before, the appointee still held the post.
    expect(await t.audit([electionOverdueCheck], '1923-06-01')).toMatchObject([
      { ...expected, evidence: [mandate.event_id] },
    ])
    expect(await t.audit([electionOverdueCheck], '1923-05-31')).toEqual([])
    expect(await t.audit([postAppointedCheck], '1923-05-31')).toHaveLength(1)
    expect(await t.audit([postAppointedCheck])).toEqual([])

    await callUnitSecretaryElection(t, t.tree.unitA2.id)
    expect(await t.audit([electionOverdueCheck])).toEqual([])
  })

  it('dates an appointment held past its expiry from the expiry, and leaves it to post.appointed while held', async () => {
    const mandate = await appointA2Secretary('1923-03-02')
    await endOn(mandate.id, '1923-10-15', 'term-ended')
    expect(await t.audit([electionOverdueCheck], '1923-10-14')).toEqual([])
    expect(await t.audit([postAppointedCheck], '1923-10-14')).toMatchObject([
      { severity: 'violation', since: '1923-09-03' },
    ])
    expect(await t.audit([electionOverdueCheck])).toMatchObject([
      {
        since: '1923-09-03',
        message: expect.stringMatching(
          /^The appointment of the unit secretary of Unit A2 expired on 1923-09-02 \(the appointee left on 1923-10-15\) and no election/,
        ),
      },
    ])
  })

  it('owes no election for a post the charter does not make elective, nor for one never filled', async () => {
    const organiser = await appointA2Secretary('1923-06-01', 'no-literate-candidate', 'unit-organiser')
    await endOn(organiser.id, '1923-09-01')
    // Unit B1 never had a secretary on record: the report lists vacancies, the audit does not.
    expect(await t.audit([electionOverdueCheck])).toEqual([])
  })
})

describe('election.overdue on a post of several seats', () => {
  it('counts a refill as the successor of the seat that fell vacant before it, not of a seat-mate', async () => {
    // Unit B1's bureau (two seats): Boris's seat ran out on 1 September, Marfa's on 1 October;
    // Pyotr was elected on 15 September, in Boris's seat.
    const marfa = await joinedMember(t, t.tree.unitB1.id, 'Marfa Bureau', '1920-01-01')
    const pyotr = await joinedMember(t, t.tree.unitB1.id, 'Pyotr Refill', '1920-01-01')
    await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-bureau-member', '1922-09-01')
    const second = await elect(t, marfa.id, t.tree.unitB1.id, 'unit-bureau-member', '1922-10-01')
    await elect(t, pyotr.id, t.tree.unitB1.id, 'unit-bureau-member', '1923-09-15')
    expect(await t.audit([electionOverdueCheck])).toMatchObject([
      {
        subject: { kind: 'mandate', id: second.id },
        since: '1923-10-02',
        message: expect.stringContaining(
          'The term of the member of the unit bureau of Unit B1 ended on 1923-10-01',
        ),
      },
    ])
  })
})

describe('an election closed without a successor', () => {
  it('no longer counts as the repair under way, in election.overdue and in post.appointed', async () => {
    const overdue = await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-secretary', '1922-09-01')
    const appointed = await appointA2Secretary('1923-03-02')
    const [b1, a2] = [
      await callUnitSecretaryElection(t, t.tree.unitB1.id),
      await callUnitSecretaryElection(t, t.tree.unitA2.id),
    ]
    expect(await t.audit([electionOverdueCheck])).toEqual([])
    const tick = async (to: string) => {
      t.clock.set(to)
      await runDueJobs({ db: t.db, clock: t.clock }, electionJobHandlers)
    }
    await tick('1923-12-04T12:00:00Z')
    // One candidate each stands and accepts; nobody votes, so nobody is elected at the close.
    for (const [election, member] of [
      [b1, t.boris.id],
      [a2, t.anton.id],
    ] as const) {
      const candidate = await t.run((ctx) =>
        nominateCandidate(ctx, { electionId: election.id, post: 'unit-secretary', memberId: member }),
      )
      await t.run((ctx) =>
        answerNomination(ctx, { candidateId: candidate.id, memberId: member, answer: 'accepted' }),
      )
    }
    await tick('1923-12-09T12:00:00Z')
    expect(await t.audit([electionOverdueCheck])).toEqual([])
    await tick('1923-12-11T09:00:00Z')
    const states = await t.db
      .selectFrom('elections')
      .select('state')
      .where('id', 'in', [b1.id, a2.id])
      .execute()
    expect(states.map((row) => row.state)).toEqual(['closed', 'closed'])

    expect(await t.audit([electionOverdueCheck])).toMatchObject([
      { subject: { kind: 'mandate', id: overdue.id } },
    ])
    // As of a day the call was still pending, it counted.
    expect(await t.audit([electionOverdueCheck], '1923-12-09')).toEqual([])
    const [finding] = await t.audit([postAppointedCheck])
    expect(finding).toMatchObject({ subject: { kind: 'mandate', id: appointed.id }, severity: 'violation' })
    expect(finding?.message).toMatch(/the election called on 1923-12-02 closed without replacing it\.$/)
    expect(electionOverdueCheck.triggers).toContain('election.closed')
    expect(postAppointedCheck.triggers).toContain('election.closed')
  })
})

describe('a rule changed under a mandate', () => {
  it('post.appointed: a shortened allowance expires the appointment, dated no earlier than the version', async () => {
    // Newly founded: 18 months allowed, so the appointment runs to its 12-month term, 1924-01-02.
    const mandate = await appointA2Secretary('1923-01-02', 'new-unit')
    expect((await t.audit([postAppointedCheck], '1923-09-30'))[0]).toMatchObject({
      severity: 'notice',
      message: expect.stringContaining('runs until 1924-01-02'),
    })
    await t.run((ctx) =>
      adoptCharter(ctx, {
        source: (TEST_CHARTER_YAML + DELIBERATION_RULES_YAML).replace(
          '{ id: new-unit, text: The unit is newly founded, maxMonths: 18 }',
          '{ id: new-unit, text: The unit is newly founded, maxMonths: 6 }',
        ),
        decision: { kind: 'congress', title: 'Shorter allowance', decidedOn: '1923-10-01' },
        effectiveFrom: '1923-10-01',
      }),
    )
    const expected = {
      id: `post.appointed:mandate:${mandate.id}`,
      severity: 'violation',
      since: '1923-10-01',
      message: expect.stringContaining(
        'the appointment expired on 1923-07-02 (the charter now allows 6 months) and no election has been called since.',
      ),
    }
    expect(await t.audit([postAppointedCheck])).toMatchObject([expected])
    expect(await t.audit([postAppointedCheck], '1923-10-01')).toMatchObject([expected])
    expect((await t.audit([postAppointedCheck], '1923-09-30'))[0]?.severity).toBe('notice')
  })

  it('post.standing: a holder short of a raised minimum is found from the version’s date', async () => {
    const mandate = await elect(t, t.anton.id, t.tree.unitA2.id, 'unit-secretary', '1923-03-01')
    // Anton joined in 1917: six years; a congress asks ten of secretaries from 1 June.
    await raiseSecretaryStanding(t, 10, '1923-06-01')
    const expected = { subject: { kind: 'mandate', id: mandate.id }, since: '1923-06-01' }
    expect(await t.audit([postStandingCheck])).toMatchObject([expected])
    expect(await t.audit([postStandingCheck], '1923-06-01')).toMatchObject([expected])
  })
})

describe('a dissolved body', () => {
  it('has no mandate findings from the day of its dissolution', async () => {
    await appointA2Secretary('1923-03-02')
    await raiseSecretaryStanding(t, 10, '1923-06-01')
    const checks = [postAppointedCheck, postStandingCheck]
    expect((await t.audit(checks)).map((f) => f.kind).sort()).toEqual(['post.appointed', 'post.standing'])
    await t.run((ctx) => dissolveBody(ctx, { bodyId: t.tree.unitA2.id, transferMembersTo: t.tree.unitA1.id }))
    expect(await t.audit(checks)).toEqual([])
    expect(await t.audit(checks, '1923-12-01')).toHaveLength(2)
  })
})
