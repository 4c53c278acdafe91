import { adoptCharter } from '../../charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { callElection } from '../../elections/call-election.ts'
import { appointToPost } from '../../mandates/appoint-to-post.ts'
import { endMandate } from '../../mandates/end-mandate.ts'
import { recordElectedMandate } from '../../mandates/record-elected-mandate.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import { registerMember } from '../../members/register-member.ts'
import type { CheckScenario } from '../audit-contract.ts'
import type { AuditTest } from '../audit-test-fixture.ts'
import type { FindingKind } from '../finding.ts'

/**
 * The scenarios of the mandate checks (posts, standing, elections) for the shared contract, with
 * the mandates' and elections' own use cases. Dates lie in the past of the test clock (2 December
 * 1923), so each repair happens on the day the violation is followed.
 */

/** Elects a member to a post from a date (an election held outside Charter, as officers record it). */
export function elect(t: AuditTest, memberId: number, bodyId: number, post: string, startsOn: string) {
  return t.run(async (ctx) => {
    const { mandate } = await recordElectedMandate(ctx, {
      memberId,
      bodyId,
      post,
      startsOn,
      electionId: null,
    })
    return mandate
  })
}

/** Calls an election of a body's unit secretary, nominations from tomorrow and voting in a week. */
export function callUnitSecretaryElection(t: AuditTest, bodyId: number) {
  return t.run((ctx) =>
    callElection(ctx, {
      bodyId,
      title: 'Election of the unit secretary',
      method: 'plurality',
      contests: [{ post: 'unit-secretary', seats: 1 }],
      nominationsOpenAt: '1923-12-03T09:00:00Z',
      nominationsCloseAt: '1923-12-06T18:00:00Z',
      votingOpenAt: '1923-12-08T09:00:00Z',
      votingCloseAt: '1923-12-10T18:00:00Z',
    }),
  )
}

/** The test charter (with the deliberation rules) where a unit secretary needs `years` of membership. */
function charterWithSecretaryStanding(years: number): string {
  return (TEST_CHARTER_YAML + DELIBERATION_RULES_YAML).replace(
    'minimum: { years: 1, of: membership }',
    `minimum: { years: ${years}, of: membership }`,
  )
}

/** Adopts the test charter with a unit secretary's standing raised, in force from a date. */
export function raiseSecretaryStanding(t: AuditTest, years: number, effectiveFrom: string) {
  return t.run((ctx) =>
    adoptCharter(ctx, {
      source: charterWithSecretaryStanding(years),
      fileName: 'raised-standing.yaml',
      decision: { kind: 'congress', title: 'Congress raising standing', decidedOn: effectiveFrom },
      effectiveFrom,
    }),
  )
}

/** A full member of a unit who joined on a date. */
export function joinedMember(t: AuditTest, unitId: number, fullName: string, joinedOn: string) {
  return t.run((ctx) =>
    registerMember(ctx, { unitId, fullName, joinedOn, category: 'worker', status: 'full' }),
  )
}

const postAppointed: CheckScenario = {
  // An elected secretary, and an organiser (a post the charter does not make elective) appointed.
  async clean(t) {
    await elect(t, t.vera.id, t.tree.unitA1.id, 'unit-secretary', '1923-01-10')
    await t.run((ctx) =>
      appointToPost(ctx, {
        memberId: t.semyon.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-organiser',
        appointedByBodyId: t.tree.unitA1.id,
        startsOn: '1923-09-01',
      }),
    )
  },
  // A2's secretary appointed by the district for want of a literate candidate: six months, long past.
  async violate(t) {
    const mandate = await t.run((ctx) =>
      appointToPost(ctx, {
        memberId: t.anton.id,
        bodyId: t.tree.unitA2.id,
        post: 'unit-secretary',
        appointedByBodyId: t.tree.districtA.id,
        justification: 'no-literate-candidate',
        startsOn: '1923-03-02',
      }),
    )
    return {
      bodyId: t.tree.unitA2.id,
      subject: { kind: 'mandate', id: mandate.id },
      severity: 'violation',
      rule: 'elections.unit-secretary',
      notBefore: '1923-03-01',
    }
  },
  // The unit elects its secretary today: the election replaces the appointment.
  async repair(t) {
    await elect(t, t.anton.id, t.tree.unitA2.id, 'unit-secretary', t.today())
  },
}

const postStanding: CheckScenario = {
  // A veteran secretary, and a secretary elected on the very day they reached a year's membership.
  async clean(t) {
    await elect(t, t.vera.id, t.tree.unitA1.id, 'unit-secretary', '1923-03-01')
    const pavel = await joinedMember(t, t.tree.unitB1.id, 'Pavel Punctual', '1922-12-01')
    await elect(t, pavel.id, t.tree.unitB1.id, 'unit-secretary', '1923-12-01')
  },
  // A2 elects a secretary with two years' membership; a congress then asks three of secretaries.
  async violate(t) {
    const grigory = await joinedMember(t, t.tree.unitA2.id, 'Grigory Twoyears', '1921-01-01')
    const mandate = await elect(t, grigory.id, t.tree.unitA2.id, 'unit-secretary', '1923-03-01')
    await raiseSecretaryStanding(t, 3, '1923-06-01')
    return {
      bodyId: t.tree.unitA2.id,
      subject: { kind: 'mandate', id: mandate.id },
      severity: 'violation',
      rule: 'standing.unit-secretary',
      notBefore: '1923-05-31',
    }
  },
  // The secretary steps down.
  async repair(t, found) {
    await t.run((ctx) =>
      endMandate(ctx, { mandateId: found.subject.id, reason: 'resigned', onDate: t.today() }),
    )
  },
}

const electionOverdue: CheckScenario = {
  // A1 re-elected its secretary when the term ran out; A2's term ran out and an election is called.
  async clean(t) {
    await elect(t, t.vera.id, t.tree.unitA1.id, 'unit-secretary', '1922-11-01')
    await elect(t, t.semyon.id, t.tree.unitA1.id, 'unit-secretary', '1923-11-02')
    await elect(t, t.anton.id, t.tree.unitA2.id, 'unit-secretary', '1922-10-01')
    await callUnitSecretaryElection(t, t.tree.unitA2.id)
  },
  // B1's secretary's year ended on 1 September 1923, and nothing since.
  async violate(t) {
    const mandate = await elect(t, t.boris.id, t.tree.unitB1.id, 'unit-secretary', '1922-09-01')
    return {
      bodyId: t.tree.unitB1.id,
      subject: { kind: 'mandate', id: mandate.id },
      severity: 'violation',
      rule: 'posts.unit-secretary',
      notBefore: '1923-09-01',
    }
  },
  // B1 calls the election.
  async repair(t) {
    await callUnitSecretaryElection(t, t.tree.unitB1.id)
  },
}

/** The mandate checks' scenarios, by kind. */
export const MANDATE_SCENARIOS: Partial<Record<FindingKind, CheckScenario>> = {
  'post.appointed': postAppointed,
  'post.standing': postStanding,
  'election.overdue': electionOverdue,
}
