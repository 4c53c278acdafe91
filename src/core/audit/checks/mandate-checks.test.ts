import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adoptCharter } from '../../charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { callElection } from '../../elections/call-election.ts'
import { cancelElection } from '../../elections/cancel-election.ts'
import { appointToPost } from '../../mandates/appoint-to-post.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import { changeMemberStatus } from '../../members/change-member-status.ts'
import { type AuditTest, openAuditTest } from '../audit-test-fixture.ts'
import { runAudit } from '../run-audit.ts'
import { electionOverdueCheck } from './election-overdue.ts'
import { elect, joinedMember, raiseSecretaryStanding } from './mandate-scenarios.ts'
import { postAppointedCheck } from './post-appointed.ts'
import { postStandingCheck } from './post-standing.ts'

let t: AuditTest
beforeEach(async () => {
  t = await openAuditTest()
})
afterEach(async () => {
  await t.database.drop()
})

/** Appoints anton secretary of unit A2 by district A, for want of a literate candidate (6 months). */
function appointA2Secretary(startsOn: string, justification = 'no-literate-candidate') {
  return t.run((ctx) =>
    appointToPost(ctx, {
      memberId: t.anton.id,
      bodyId: t.tree.unitA2.id,
      post: 'unit-secretary',
      appointedByBodyId: t.tree.districtA.id,
      justification,
      startsOn,
    }),
  )
}

describe('post.appointed', () => {
  const head =
    'Unit secretary of Unit A2 appointed by District A on 1923-10-01 (No literate candidate in the unit)'

  it('is a notice while the appointment is within its justification and expiry', async () => {
    const mandate = await appointA2Secretary('1923-10-01')
    expect(await t.audit([postAppointedCheck])).toMatchObject([
      {
        id: `post.appointed:mandate:${mandate.id}`,
        severity: 'notice',
        rule: 'elections.unit-secretary',
        since: '1923-10-01',
        evidence: [mandate.event_id],
        message: `${head}; the charter requires election; the appointment runs until 1924-04-01, when an election is due.`,
      },
    ])
  })

  it('becomes a violation the day after the appointment expires, and names an election called since', async () => {
    const mandate = await appointA2Secretary('1923-10-01')
    t.clock.set('1924-04-01T09:00:00Z')
    expect((await t.audit([postAppointedCheck]))[0]?.severity).toBe('notice')
    t.clock.set('1924-04-02T09:00:00Z')
    const [expired] = await t.audit([postAppointedCheck])
    expect(expired).toMatchObject({
      severity: 'violation',
      since: '1924-04-02',
      message: `${head}; the charter requires election; the appointment expired on 1924-04-01 and no election has been called since.`,
    })

    const election = await t.run((ctx) =>
      callElection(ctx, {
        bodyId: t.tree.unitA2.id,
        title: 'Election of the unit secretary',
        method: 'plurality',
        contests: [{ post: 'unit-secretary', seats: 1 }],
        nominationsOpenAt: '1924-04-03T09:00:00Z',
        nominationsCloseAt: '1924-04-05T09:00:00Z',
        votingOpenAt: '1924-04-06T09:00:00Z',
        votingCloseAt: '1924-04-07T09:00:00Z',
      }),
    )
    const [called] = (await t.eventsOf('election', election.id)).filter((e) => e.type === 'election.called')
    const [pending] = await t.audit([postAppointedCheck])
    expect(pending?.severity).toBe('violation')
    expect(pending?.evidence).toEqual([mandate.event_id, called?.id])
    expect(pending?.message).toMatch(
      /expired on 1924-04-01 and an election called on 1924-04-02 has not yet replaced it\.$/,
    )

    await t.run((ctx) =>
      cancelElection(ctx, { electionId: election.id, reason: 'No candidates came forward.' }),
    )
    const [cancelled] = await t.audit([postAppointedCheck])
    expect(cancelled?.message).toMatch(/the election called on 1924-04-02 was cancelled\.$/)
    // As of the day before the call, the election is not yet part of the record.
    const [before] = await t.audit([postAppointedCheck], '1924-04-01')
    expect(before).toMatchObject({ severity: 'notice', evidence: [mandate.event_id] })
  })

  it('is a violation from the start when the charter in force no longer allows the justification', async () => {
    const mandate = await appointA2Secretary('1923-05-01', 'new-unit')
    // A later version drops "newly founded" from the reasons to appoint a unit secretary.
    const source = (TEST_CHARTER_YAML + DELIBERATION_RULES_YAML).replace(
      '          - { id: new-unit, text: The unit is newly founded, maxMonths: 18 }\n',
      '',
    )
    expect(source).not.toBe(TEST_CHARTER_YAML + DELIBERATION_RULES_YAML)
    await t.run((ctx) =>
      adoptCharter(ctx, {
        source,
        decision: { kind: 'congress', title: 'Stricter congress', decidedOn: '1923-09-01' },
        effectiveFrom: '1923-09-01',
      }),
    )
    // Under the rules of 1923-08-31 the appointment was a permitted exception, running until its expiry.
    expect((await t.audit([postAppointedCheck], '1923-08-31'))[0]).toMatchObject({
      severity: 'notice',
      since: '1923-05-01',
    })
    // A violation from the day the stricter version took effect, when the reason stopped counting.
    expect((await t.audit([postAppointedCheck]))[0]).toMatchObject({
      id: `post.appointed:mandate:${mandate.id}`,
      severity: 'violation',
      since: '1923-09-01',
      message:
        'Unit secretary of Unit A2 appointed by District A on 1923-05-01 for a reason the charter does not allow ("new-unit"); the charter requires election.',
    })
  })

  it('says nothing of elected holders or posts the charter does not make elective', async () => {
    await elect(t, t.vera.id, t.tree.unitA1.id, 'unit-secretary', '1923-01-10')
    await t.run((ctx) =>
      appointToPost(ctx, {
        memberId: t.semyon.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-organiser',
        appointedByBodyId: t.tree.districtA.id,
        startsOn: '1923-09-01',
      }),
    )
    expect(await t.audit([postAppointedCheck])).toEqual([])
  })
})

describe('post.standing', () => {
  it('applies the standing rules in force on the audit date: a raised minimum catches holders elected before', async () => {
    // Elected in December 1922 with two years' membership: enough for the year the charter then asked.
    const grigory = await joinedMember(t, t.tree.unitA2.id, 'Grigory Twoyears', '1920-12-01')
    const mandate = await elect(t, grigory.id, t.tree.unitA2.id, 'unit-secretary', '1922-12-15')
    await raiseSecretaryStanding(t, 3, '1923-06-01')

    expect(await t.audit([postStandingCheck], '1923-01-01')).toEqual([])
    expect(await t.audit([postStandingCheck], '1923-05-31')).toEqual([])
    expect(await t.audit([postStandingCheck])).toMatchObject([
      {
        id: `post.standing:mandate:${mandate.id}`,
        rule: 'standing.unit-secretary',
        bodyId: t.tree.unitA2.id,
        severity: 'violation',
        // Measured by the version of 1923-06-01: found from its date, not the mandate's start.
        since: '1923-06-01',
        evidence: [mandate.event_id],
        message:
          'Unit secretary of Unit A2: the holder, in office since 1922-12-15, had less than 3 years of membership when the mandate began; the charter requires 3 years of membership.',
      },
    ])
  })

  it('measures standing at the start of the mandate, inclusive of the anniversary', async () => {
    await raiseSecretaryStanding(t, 3, '1923-06-01')
    const exact = await joinedMember(t, t.tree.unitA2.id, 'Exact Threeyears', '1920-07-01')
    await elect(t, exact.id, t.tree.unitA2.id, 'unit-secretary', '1923-07-01')
    expect(await t.audit([postStandingCheck])).toEqual([])
  })

  it('rechecks the bodies where a member holds posts when the member changes', async () => {
    const mandate = await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-secretary', '1923-03-01')
    await t.run((ctx) =>
      changeMemberStatus(ctx, { memberId: t.boris.id, to: 'suspended', onDate: t.today() }),
    )
    const [event] = (await t.eventsOf('member', t.boris.id)).filter((e) => e.type === 'member.status_changed')
    if (!event) throw new Error('no status change event')
    const bodies = await postStandingCheck.affectedBodies?.(t.db, [
      { id: event.id, type: event.type, bodyId: event.body_id, subjectKind: 'member', subjectId: t.boris.id },
      {
        id: 0,
        type: 'mandate.ended',
        bodyId: t.tree.unitA1.id,
        subjectKind: 'mandate',
        subjectId: mandate.id,
      },
    ])
    expect([...(bodies ?? [])].sort()).toEqual([t.tree.unitA1.id, t.tree.unitB1.id].sort())
  })
})

describe('election.overdue', () => {
  it('names the post, the end of the term and the term the charter sets', async () => {
    const mandate = await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-secretary', '1922-09-01')
    expect(await t.audit([electionOverdueCheck], '1923-09-01')).toEqual([])
    expect(await t.audit([electionOverdueCheck])).toMatchObject([
      {
        id: `election.overdue:mandate:${mandate.id}`,
        rule: 'posts.unit-secretary',
        since: '1923-09-02',
        evidence: [mandate.event_id],
        message:
          'The term of the unit secretary of Unit B1 ended on 1923-09-01 and no election to the post is under way; the charter elects it for 12 months at a time.',
      },
    ])
  })

  it('counts a called election only until it is cancelled', async () => {
    await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-secretary', '1922-09-01')
    const election = await t.run((ctx) =>
      callElection(ctx, {
        bodyId: t.tree.unitB1.id,
        title: 'Election of the bureau',
        method: 'block',
        contests: [{ post: 'unit-bureau-member', seats: 2 }],
        nominationsOpenAt: '1923-12-03T09:00:00Z',
        nominationsCloseAt: '1923-12-06T18:00:00Z',
        votingOpenAt: '1923-12-08T09:00:00Z',
        votingCloseAt: '1923-12-10T18:00:00Z',
      }),
    )
    // An election of other posts does not elect the secretary.
    expect(await t.audit([electionOverdueCheck])).toHaveLength(1)
    await t.run((ctx) => cancelElection(ctx, { electionId: election.id, reason: 'Called in error.' }))
    const secretary = await t.run((ctx) =>
      callElection(ctx, {
        bodyId: t.tree.unitB1.id,
        title: 'Election of the unit secretary',
        method: 'plurality',
        contests: [{ post: 'unit-secretary', seats: 1 }],
        nominationsOpenAt: '1923-12-03T09:00:00Z',
        nominationsCloseAt: '1923-12-06T18:00:00Z',
        votingOpenAt: '1923-12-08T09:00:00Z',
        votingCloseAt: '1923-12-10T18:00:00Z',
      }),
    )
    expect(await t.audit([electionOverdueCheck])).toEqual([])
    await t.run((ctx) => cancelElection(ctx, { electionId: secretary.id, reason: 'Called in error.' }))
    expect(await t.audit([electionOverdueCheck])).toHaveLength(1)
  })
})

describe('a scoped audit', () => {
  it('returns only the findings of bodies in the subtree', async () => {
    await appointA2Secretary('1923-03-02')
    await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-secretary', '1922-09-01')
    const checks = [postAppointedCheck, electionOverdueCheck]
    const all = await t.audit(checks)
    // Oldest first: the overdue election (since 1923-09-02), then the expired appointment (09-03).
    expect(all.map((f) => [f.kind, f.bodyId])).toEqual([
      ['election.overdue', t.tree.unitB1.id],
      ['post.appointed', t.tree.unitA2.id],
    ])
    const regionA = await runAudit(t.db, {
      asOf: t.today(),
      scope: { kind: 'subtree', path: t.tree.regionA.path },
      checks,
    })
    expect(regionA.findings.map((f) => [f.kind, f.bodyId])).toEqual([['post.appointed', t.tree.unitA2.id]])
    const regionB = await runAudit(t.db, {
      asOf: t.today(),
      scope: { kind: 'subtree', path: t.tree.regionB.path },
      checks,
    })
    expect(regionB.findings.map((f) => [f.kind, f.bodyId])).toEqual([['election.overdue', t.tree.unitB1.id]])
  })
})
