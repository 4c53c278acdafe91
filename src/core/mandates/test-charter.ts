import { adoptCharter } from '../charter/adopt-charter.ts'
import type { CharterVersion } from '../charter/charter-in-force.ts'
import type { UseCaseContext } from '../shared/context.ts'

/**
 * A compact charter for the mandate tests, on the default levels. It covers each case the use
 * cases distinguish: an elective post appointable by the parent with two justifications (one
 * shorter than the term, one longer), one appointable only by a region, elective posts with no
 * appointment at all, and a post that is not elective.
 */
export const TEST_CHARTER_YAML = `
charter: 1
name: Test charter for mandates
levels: [central, region, district, unit]
rules:
  posts:
    - { id: posts.region-secretary, text: One region secretary for a year., post: region-secretary, level: region, title: Region secretary, seats: 1, termMonths: 12 }
    - { id: posts.district-secretary, text: One district secretary for a year., post: district-secretary, level: district, title: District secretary, seats: 1, termMonths: 12 }
    - { id: posts.unit-secretary, text: Each unit elects its secretary for a year., post: unit-secretary, level: unit, title: Unit secretary, seats: 1, termMonths: 12 }
    - { id: posts.unit-bureau-member, text: Each unit elects a bureau of two., post: unit-bureau-member, level: unit, title: Member of the unit bureau, seats: 2, termMonths: 12 }
    - { id: posts.unit-organiser, text: A unit may name an organiser for six months., post: unit-organiser, level: unit, title: Unit organiser, seats: 1, termMonths: 6 }
  standing:
    - id: standing.unit-secretary
      text: A unit secretary must have been a member for at least one year.
      posts: [unit-secretary, unit-bureau-member]
      minimum: { years: 1, of: membership }
    - id: standing.district-secretary
      text: A district secretary must have been a member for at least three years.
      posts: [district-secretary]
      minimum: { years: 3, of: membership }
  elections:
    - id: elections.unit-secretary
      text: The unit secretary is elected; the district committee may appoint one only for these reasons.
      posts: [unit-secretary]
      appointment:
        by: parent
        justifications:
          - { id: no-literate-candidate, text: No literate candidate in the unit, maxMonths: 6 }
          - { id: new-unit, text: The unit is newly founded, maxMonths: 18 }
    - id: elections.unit-bureau
      text: The bureau is elected; a region committee may appoint to a new unit's bureau.
      posts: [unit-bureau-member]
      appointment:
        by: [region]
        justifications:
          - { id: new-unit, text: The unit is newly founded, maxMonths: 3 }
    - id: elections.committees
      text: Region and district secretaries are always elected.
      posts: [region-secretary, district-secretary]
  votingRights:
    - { id: voting-rights, text: Full members vote and may stand., vote: [full], consultative: [candidate], stand: [full] }
`

/** Adopts the test charter, in force from `effectiveFrom` (default 1920-01-01). */
export function adoptTestCharter(ctx: UseCaseContext, effectiveFrom = '1920-01-01'): Promise<CharterVersion> {
  return adoptCharter(ctx, {
    source: TEST_CHARTER_YAML,
    fileName: 'test-charter.yaml',
    decision: { kind: 'congress', title: 'Test congress', decidedOn: effectiveFrom },
    effectiveFrom,
  })
}
