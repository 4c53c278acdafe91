import type { MemberStatus } from '../../api/types.ts'
import { formatShortDate, humanise, plural } from '../../shared/format.ts'
import type { DeliberationRule, FamilyRule, RuleFamily, StandingMinimum } from './rule-types.ts'

/** The families in the order the charter page shows them (the core's order: RULE_FAMILIES). */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  'posts',
  'standing',
  'elections',
  'votingRights',
  'deliberation',
  'information',
  'conferences',
  'enterprises',
  'admission',
  'publicElections',
  'education',
]

/** A human heading and one line on what the family governs. */
export const FAMILY_HEADINGS: Readonly<
  Record<RuleFamily, { readonly title: string; readonly about: string }>
> = {
  posts: { title: 'Levels and posts', about: 'Which posts exist at each level, their seats and term.' },
  standing: { title: 'Standing for posts', about: 'How long a member must have belonged to hold a post.' },
  elections: {
    title: 'Elections and appointments',
    about: 'Posts are elected; an appointment needs a listed justification and expires.',
  },
  votingRights: { title: 'Voting rights', about: 'Who votes, who has a consultative voice, who may stand.' },
  deliberation: {
    title: 'Deliberation',
    about: 'Major questions are discussed before they are decided, within limits.',
  },
  information: { title: 'Information', about: 'Reports go up on a schedule; directives come down.' },
  conferences: {
    title: 'Standing conferences',
    about: 'Responsible workers of every field meet on a cadence.',
  },
  enterprises: {
    title: 'Enterprises',
    about: 'Administrations report to factory units; trusts call economic conferences.',
  },
  admission: {
    title: 'Admission',
    about: 'Recommendations, probation and the decision deadline by category.',
  },
  publicElections: { title: 'Public elections', about: 'The share of non-members on a slate.' },
  education: { title: 'Education and reach', about: 'Sessions each unit runs, by kind of unit.' },
}

/** One parameter of a rule in words: "Standing" → "joined before 7 Nov 1917". */
export interface RuleParameter {
  readonly label: string
  readonly value: string
}

const STATUS_PLURALS: Record<MemberStatus, string> = {
  applicant: 'applicants',
  candidate: 'candidates',
  full: 'full members',
  suspended: 'suspended members',
  left: 'former members',
}

const days = (n: number) => plural(n, 'day')
const months = (n: number) => plural(n, 'month')
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`
const list = (values: readonly string[]) => values.map(humanise).join(', ')
const levels = (value: 'all' | readonly string[]) => (value === 'all' ? 'All levels' : list(value))
const statuses = (values: readonly MemberStatus[]) =>
  values.length === 0 ? 'nobody' : values.map((s) => STATUS_PLURALS[s]).join(', ')

/** "joined before 7 Nov 1917", "at least 3 years of membership", "at least 12 months of paid dues". */
export function describeStanding(minimum: StandingMinimum): string {
  if ('joinedBefore' in minimum) return `joined before ${formatShortDate(minimum.joinedBefore)}`
  const parts = [
    minimum.years ? plural(minimum.years, 'year') : null,
    minimum.months ? months(minimum.months) : null,
  ].filter((part) => part !== null)
  const basis = {
    membership: 'membership',
    'full-membership': 'full membership',
    'paid-dues': 'paid dues',
  }[minimum.of]
  return `at least ${parts.join(' and ')} of ${basis}`
}

function describeDeliberation(
  r: DeliberationRule,
  p: (label: string, value: string) => RuleParameter,
): readonly RuleParameter[] {
  switch (r.kind) {
    case 'limits':
      return [
        p('Discussion', `${days(r.minimumDays)} to ${days(r.maximumDays)}`),
        p('Levels', levels(r.levels)),
      ]
    case 'major':
      return [
        p('Major topics', r.topics.length > 0 ? list(r.topics) : '—'),
        p('Levels', levels(r.levels)),
        p('Decided at a meeting', r.meetingRequired ? 'yes' : 'no'),
      ]
    case 'urgent':
      return [p('Ratify within', days(r.ratifyWithinDays))]
    case 'confidential':
      return [p('Topics', list(r.topics)), p('Declassify within', days(r.declassifyWithinDays))]
    case 'quorum':
      return [p('Quorum', percent(r.share)), p('Levels', levels(r.levels))]
    case 'initiative':
      return [p('Signatures', `${percent(r.signatureShare)} of the members in scope`)]
    case 'meetings':
      return [p('Meets every', days(r.everyDays)), p('Levels', levels(r.levels))]
    case 'criticism':
      return [p('May be hidden only for', list(r.hideReasons))]
    case 'implementation':
      // Each task's owner and deadline are set with the decision, not by the rule.
      return [p('Tasks', 'done by their owners by the deadline set, with progress reports')]
  }
}

/**
 * A rule's parameters, compact and readable (its text and id are shown apart). `postTitle` names
 * a post by the title its post rule gives it (the slug, humanised, when none is given).
 */
export function describeRule(
  entry: FamilyRule,
  postTitle: (post: string) => string = humanise,
): readonly RuleParameter[] {
  const p = (label: string, value: string): RuleParameter => ({ label, value })
  const posts = (values: readonly string[]) => values.map(postTitle).join(', ')
  switch (entry.family) {
    case 'posts': {
      const r = entry.rule
      return [
        p('Post', r.title),
        p('Level', humanise(r.level)),
        p('Seats', String(r.seats)),
        p('Term', months(r.termMonths)),
      ]
    }
    case 'standing':
      return [p('Posts', posts(entry.rule.posts)), p('Standing', describeStanding(entry.rule.minimum))]
    case 'elections': {
      const r = entry.rule
      const by = r.appointment?.by
      return [
        p('Elected posts', r.posts === 'all' ? 'All posts' : posts(r.posts)),
        p(
          'Appointment',
          by === undefined
            ? 'never'
            : by === 'parent'
              ? 'by the body directly above'
              : `by ${list(by)} bodies`,
        ),
      ]
    }
    case 'votingRights':
      return [
        p('Vote', statuses(entry.rule.vote)),
        p('Consultative voice', statuses(entry.rule.consultative)),
        p('May stand', statuses(entry.rule.stand)),
      ]
    case 'deliberation':
      return describeDeliberation(entry.rule, p)
    case 'information': {
      const r = entry.rule
      return r.kind === 'report'
        ? [
            p('Reporting level', humanise(r.level)),
            p('Every', days(r.everyDays)),
            p('Grace', days(r.graceDays)),
          ]
        : [p('Acknowledge within', days(r.acknowledgeWithinDays))]
    }
    case 'conferences':
      return [
        p('Levels', list(entry.rule.levels)),
        p('Fields', list(entry.rule.fields)),
        p('Meets every', days(entry.rule.everyDays)),
      ]
    case 'enterprises': {
      const r = entry.rule
      return r.kind === 'administration-report'
        ? [p('Units', list(r.unitKinds)), p('Administration reports every', days(r.everyDays))]
        : [p('Trust conference every', days(r.everyDays))]
    }
    case 'admission': {
      const r = entry.rule
      return [
        p('Category', humanise(r.category)),
        p('Recommendations', String(r.recommendations)),
        ...(r.recommenderStandingYears > 0
          ? [p("Recommenders' standing", plural(r.recommenderStandingYears, 'year'))]
          : []),
        p('Probation', months(r.probationMonths)),
        p('Decided within', days(r.decideWithinDays)),
      ]
    }
    case 'publicElections':
      return [p('Non-members', `at least ${percent(entry.rule.minNonMemberShare)} of a slate`)]
    case 'education': {
      const r = entry.rule
      return [
        p('Units', list(r.unitKinds)),
        p('Sessions', `${r.sessions} every ${days(r.perDays)}`),
        ...(r.topics.length > 0 ? [p('Topics', r.topics.join('; '))] : []),
      ]
    }
  }
}
