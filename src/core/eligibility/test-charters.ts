/**
 * Compact charters for the eligibility tests: the default levels, three secretaries, a district
 * bureau member counted in full membership, and a trade union counting months of paid dues. Only
 * the families eligibility reads are filled in; the real charters live in charter/.
 */

/** The party charter's rule ids, so tests assert the exact rule that decided. */
export const PARTY_RULES = {
  generalSecretaryPost: 'posts.general-secretary',
  regionSecretaryPost: 'posts.region-secretary',
  districtSecretaryPost: 'posts.district-secretary',
  unitSecretaryPost: 'posts.unit-secretary',
  bureauMemberPost: 'posts.district-bureau-member',
  votingRights: 'voting-rights',
  regionSecretary: 'standing.region-secretary',
  districtSecretary: 'standing.district-secretary',
  unitSecretary: 'standing.unit-secretary',
  bureauMember: 'standing.district-bureau-member',
  generalSecretary: 'standing.general-secretary',
} as const

/** The party charter, with the unit secretary's standing in years (1 in the first version, 3 later). */
export function partyCharter(options: {
  readonly name: string
  readonly unitSecretaryYears: number
}): string {
  const years = options.unitSecretaryYears
  return `# A test charter (eligibility tests).
charter: 1
name: ${options.name}
levels: [central, region, district, unit]
rules:
  posts:
    - { id: posts.general-secretary, post: general-secretary, level: central, title: General secretary, seats: 1, termMonths: 12, text: The central committee elects a general secretary. }
    - { id: posts.region-secretary, post: region-secretary, level: region, title: Region secretary, seats: 1, termMonths: 12, text: The region committee elects a secretary from its members. }
    - { id: posts.district-secretary, post: district-secretary, level: district, title: District secretary, seats: 1, termMonths: 12, text: The district committee elects a secretary. }
    - { id: posts.district-bureau-member, post: district-bureau-member, level: district, title: Bureau member, seats: 5, termMonths: 12, text: The district committee elects a bureau. }
    - { id: posts.unit-secretary, post: unit-secretary, level: unit, title: Unit secretary, seats: 1, termMonths: 6, text: The unit elects a secretary. }
  votingRights:
    - id: voting-rights
      text: Full members vote and may stand; candidates have a consultative voice.
      vote: [full]
      consultative: [candidate]
      stand: [full]
  standing:
    - id: standing.general-secretary
      text: The general secretary needs five years of membership.
      posts: [general-secretary]
      minimum: { years: 5, of: membership }
    - id: standing.region-secretary
      text: A region secretary must have joined before the October revolution.
      posts: [region-secretary]
      minimum: { joinedBefore: '1917-11-07' }
    - id: standing.district-secretary
      text: A district secretary needs three years of membership.
      posts: [district-secretary]
      minimum: { years: 3, of: membership }
    - id: standing.district-bureau-member
      text: A bureau member needs one year as a full member.
      posts: [district-bureau-member]
      minimum: { years: 1, of: full-membership }
    - id: standing.unit-secretary
      text: A unit secretary needs ${years} year${years === 1 ? '' : 's'} of membership.
      posts: [unit-secretary]
      minimum: { years: ${years}, of: membership }
`
}

/** The trade union's rule ids. */
export const UNION_RULES = {
  stewardPost: 'posts.shop-steward',
  votingRights: 'voting-rights',
  steward: 'standing.shop-steward',
} as const

/** A trade union: a shop steward needs 12 months of paid dues; candidates may stand too. */
export const UNION_CHARTER = `# A test trade-union charter: standing is months of paid dues.
charter: 1
name: Test union rulebook
levels: [central, region, district, unit]
rules:
  posts:
    - { id: posts.shop-steward, post: shop-steward, level: unit, title: Shop steward, seats: 1, termMonths: 12, text: Each workplace branch elects a shop steward. }
  votingRights:
    - id: voting-rights
      text: Members in good standing vote and may stand.
      vote: [full, candidate]
      consultative: []
      stand: [full, candidate]
  standing:
    - id: standing.shop-steward
      text: A shop steward needs twelve months of paid dues.
      posts: [shop-steward]
      minimum: { months: 12, of: paid-dues }
`
