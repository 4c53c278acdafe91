import { z } from 'zod'
import { HIDE_REASONS } from '../../db/schema-deliberation.ts'
import { fieldOfWorkSchema, memberCategorySchema, memberStatusSchema } from '../members/schemas.ts'
import { unitKindSchema } from '../orgs/organisation-settings.ts'

/**
 * The charter document: the organisation's rulebook as data. Every rule carries a stable `id`
 * (what findings, refusals and eligibility reasons cite), a plain-language `text` shown to
 * members, and its parameters. Objects are strict, so a misspelt key or an unknown rule family is
 * an error with its path rather than a rule silently ignored.
 *
 * The families below are the whole vocabulary; later capabilities (elections, deliberation,
 * information, audit) read their family from the version in force at a date.
 */

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'use lower-case letters, digits and dashes')
/** Rule ids are dotted slugs, e.g. `standing.unit-secretary`; unique across the document. */
const ruleId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/,
    'rule ids are dotted lower-case slugs, e.g. standing.unit-secretary',
  )
  .max(100)
const levelName = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'level names are lower-case slugs')
/** A calendar date, 'YYYY-MM-DD'; 1923-02-30 is refused. */
const calendarDate = z.iso.date('a real calendar date, YYYY-MM-DD')
const share = z.number().min(0).max(1)
const positiveInt = z.number().int().positive()
const days = z.number().int().min(0).max(36_500)
const memberStatus = memberStatusSchema
const unitKind = unitKindSchema
const fieldOfWork = fieldOfWorkSchema

const ruleBase = { id: ruleId, text: z.string().trim().min(1).max(2000) }

/** Levels and posts: which posts exist at each level, how many seats, and the term. */
export const postRuleSchema = z.strictObject({
  ...ruleBase,
  post: slug,
  level: levelName,
  title: z.string().trim().min(1).max(200),
  seats: positiveInt.max(1000),
  termMonths: positiveInt.max(120),
})

/** How much standing is enough: joined before a date, or a duration of some basis. */
export const standingMinimumSchema = z.union([
  z.strictObject({ joinedBefore: calendarDate }),
  z
    .strictObject({
      years: z.number().int().min(0).max(100).optional(),
      months: z.number().int().min(0).max(1200).optional(),
      /** membership: since joining; full-membership: since becoming a full member; paid-dues: months paid. */
      of: z.enum(['membership', 'full-membership', 'paid-dues']),
    })
    .refine((m) => (m.years ?? 0) + (m.months ?? 0) > 0, 'give years or months'),
])

/** Standing: the minimum standing for posts (at their level). */
export const standingRuleSchema = z.strictObject({
  ...ruleBase,
  posts: z.array(slug).min(1),
  minimum: standingMinimumSchema,
})

/** An allowed reason to appoint instead of elect, and for how long before an election is due. */
export const justificationSchema = z.strictObject({
  id: slug,
  text: z.string().trim().min(1).max(500),
  maxMonths: positiveInt.max(60),
})

/** Election-required: these posts are filled by election; appointment only with a listed justification. */
export const electionRuleSchema = z.strictObject({
  ...ruleBase,
  posts: z.union([z.literal('all'), z.array(slug).min(1)]),
  appointment: z
    .strictObject({
      /** Which level's bodies may appoint: `parent` is the body directly above. */
      by: z.union([z.literal('parent'), z.array(levelName).min(1)]),
      justifications: z.array(justificationSchema).min(1),
    })
    .optional(),
})

/** Voting rights: who votes, who has a consultative voice, who may stand for a post. */
export const votingRightsRuleSchema = z.strictObject({
  ...ruleBase,
  vote: z.array(memberStatus).min(1),
  consultative: z.array(memberStatus),
  stand: z.array(memberStatus).min(1),
})

const levelsFilter = { levels: z.union([z.literal('all'), z.array(levelName).min(1)]).default('all') }

/**
 * Deliberation: limits on discussion, what is major, the two exceptions, quorum, initiatives,
 * meetings, criticism and the implementation of decisions.
 */
export const deliberationRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('limits'),
    ...levelsFilter,
    minimumDays: days,
    maximumDays: days,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('major'),
    /** A question on any of these topics is major, and so is any question raised at these levels. */
    topics: z.array(slug),
    ...levelsFilter,
    /** Major questions must be decided at a meeting of the body. */
    meetingRequired: z.boolean().default(false),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('urgent'), ratifyWithinDays: days }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('confidential'),
    topics: z.array(slug).min(1),
    declassifyWithinDays: days,
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('quorum'), ...levelsFilter, share }),
  z.strictObject({ ...ruleBase, kind: z.literal('initiative'), signatureShare: share }),
  z.strictObject({ ...ruleBase, kind: z.literal('meetings'), ...levelsFilter, everyDays: days }),
  /**
   * Free criticism: every member in the body's scope may criticise; the criticised body may not
   * delete criticism; a moderator may hide it only for the conduct reasons listed here (a subset of
   * Charter's fixed list: abuse, threat, personal-data, spam).
   */
  z.strictObject({
    ...ruleBase,
    kind: z.literal('criticism'),
    hideReasons: z.array(z.enum(HIDE_REASONS)).min(1),
  }),
  /**
   * Implementation: decisions are carried out by their owners by the deadline set, with progress
   * reports ("like-acting", not only "like-minded"). The deadline is each task's own; the rule
   * says that keeping it is the charter's demand, so the audit reports a task left open past it.
   */
  z.strictObject({ ...ruleBase, kind: z.literal('implementation') }),
])

/** Information: reports go up on a cadence; directives come down and are acknowledged. */
export const informationRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('report'),
    /** Bodies at this level report to the body above every `everyDays`, within `graceDays`. */
    level: levelName,
    everyDays: positiveInt,
    graceDays: days.default(0),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('directive'), acknowledgeWithinDays: days }),
])

/** Standing conferences of responsible workers from every field. */
export const conferenceRuleSchema = z.strictObject({
  ...ruleBase,
  levels: z.array(levelName).min(1),
  fields: z.array(fieldOfWork).min(1),
  everyDays: positiveInt,
})

/** Enterprises: administrations report to factory units; trusts call economic conferences. */
export const enterpriseRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('administration-report'),
    unitKinds: z.array(unitKind).min(1),
    everyDays: positiveInt,
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('trust-conference'), everyDays: positiveInt }),
])

/** Admission by category: recommendations, probation and the decision deadline. */
export const admissionRuleSchema = z.strictObject({
  ...ruleBase,
  category: memberCategorySchema,
  recommendations: z.number().int().min(0).max(20),
  /** Recommenders need this much standing (years of membership); 0 for none. */
  recommenderStandingYears: z.number().int().min(0).max(50).default(0),
  probationMonths: z.number().int().min(0).max(120),
  decideWithinDays: positiveInt,
})

/** Public elections: the least share of a slate that must be non-members. */
export const publicElectionRuleSchema = z.strictObject({ ...ruleBase, minNonMemberShare: share })

/** Education and reach: sessions per period, per unit kind. */
export const educationRuleSchema = z.strictObject({
  ...ruleBase,
  unitKinds: z.array(unitKind).min(1),
  sessions: positiveInt,
  perDays: positiveInt,
  topics: z.array(z.string().trim().min(1).max(200)).default([]),
})

/** The rule families. An unknown key here is an unknown family, and an error. */
export const ruleFamiliesSchema = z.strictObject({
  posts: z.array(postRuleSchema).default([]),
  standing: z.array(standingRuleSchema).default([]),
  elections: z.array(electionRuleSchema).default([]),
  votingRights: z.array(votingRightsRuleSchema).default([]),
  deliberation: z.array(deliberationRuleSchema).default([]),
  information: z.array(informationRuleSchema).default([]),
  conferences: z.array(conferenceRuleSchema).default([]),
  enterprises: z.array(enterpriseRuleSchema).default([]),
  admission: z.array(admissionRuleSchema).default([]),
  publicElections: z.array(publicElectionRuleSchema).default([]),
  education: z.array(educationRuleSchema).default([]),
})

export const RULE_FAMILIES = Object.keys(ruleFamiliesSchema.shape) as readonly RuleFamily[]

/** The document as written (YAML or JSON). Cross-references are checked after the shape. */
export const charterDocumentShape = z.strictObject({
  /** The format's version, so later formats can be told apart. */
  charter: z.literal(1),
  name: z.string().trim().min(1).max(200),
  /** The levels of the organisation, top first; posts and rules name these. */
  levels: z.array(levelName).min(2).max(12),
  rules: ruleFamiliesSchema,
})

export type CharterDocument = z.output<typeof charterDocumentShape>
export type RuleFamilies = CharterDocument['rules']
export type RuleFamily = keyof RuleFamilies
export type PostRule = z.output<typeof postRuleSchema>
export type StandingRule = z.output<typeof standingRuleSchema>
export type StandingMinimum = z.output<typeof standingMinimumSchema>
export type ElectionRule = z.output<typeof electionRuleSchema>
export type Justification = z.output<typeof justificationSchema>
export type VotingRightsRule = z.output<typeof votingRightsRuleSchema>
export type DeliberationRule = z.output<typeof deliberationRuleSchema>
export type InformationRule = z.output<typeof informationRuleSchema>
export type ConferenceRule = z.output<typeof conferenceRuleSchema>
export type EnterpriseRule = z.output<typeof enterpriseRuleSchema>
export type AdmissionRule = z.output<typeof admissionRuleSchema>
export type PublicElectionRule = z.output<typeof publicElectionRuleSchema>
export type EducationRule = z.output<typeof educationRuleSchema>
/** Any rule of any family: each has an id and a text. */
export type CharterRule = RuleFamilies[RuleFamily][number]
