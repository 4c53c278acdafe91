import type {
  AdmissionTime,
  DiscussedDecisionsRatio,
  ElectedPostsRatio,
  NotMeasured,
  PostRatio,
} from './audit-ratios.ts'
import type { FindingSeverity } from './finding.ts'

/**
 * The audit in words, one wording for every text report (the CLI's and the printable page): pure
 * functions of the summary's numbers. The web app keeps its own copy (web code imports nothing
 * from the core at run time); src/web/features/audit/audit-format.test.ts keeps the two equal.
 */

/** A count as the reports print it: '1,070'. */
export function count(n: number): string {
  return n.toLocaleString('en-GB')
}

/** '62%' for 0.6154; '—' when there was nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}

/** '1 violation', '1,235 findings'. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}

/** A severity as a heading for a count: 'Violations', 'Warnings', 'Notices'. */
export function severityHeading(severity: FindingSeverity): string {
  return `${severity.charAt(0).toUpperCase()}${severity.slice(1)}s`
}

/** '3 violations, 1 warning, 0 notices'. */
export function severityCounts(counts: {
  readonly violation: number
  readonly warning: number
  readonly notice: number
}): string {
  return `${plural(counts.violation, 'violation')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`
}

function pluralWord(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`
  return `${word}s`
}

/**
 * A post's title for a count of holders, lower-cased as a sentence needs it: 'Unit secretary' →
 * 'unit secretaries'; 'Member of the unit bureau' → 'members of the unit bureau' (the noun before
 * ' of ' or ' to ' takes the plural).
 */
export function postTitleFor(title: string, count: number): string {
  const lower = title.charAt(0).toLowerCase() + title.slice(1)
  if (count === 1) return lower
  const split = /^(.*?)( (?:of|to|for|in) .*)?$/.exec(lower)
  const head = split?.[1] ?? lower
  const tail = split?.[2] ?? ''
  const space = head.lastIndexOf(' ')
  return `${head.slice(0, space + 1)}${pluralWord(head.slice(space + 1))}${tail}`
}

/** '80 of 130 appointed' (or 'all 12 elected' when none was appointed). */
export function appointedWording(ratio: Pick<PostRatio, 'appointed' | 'elected' | 'total'>): string {
  if (ratio.total === 0) return 'nobody holds it'
  if (ratio.appointed === 0) return ratio.total === 1 ? 'elected' : `all ${count(ratio.total)} elected`
  return `${count(ratio.appointed)} of ${count(ratio.total)} appointed`
}

/** 'Unit secretary: 80 of 130 appointed'. */
export function postWording(post: Pick<PostRatio, 'title' | 'appointed' | 'elected' | 'total'>): string {
  return `${post.title}: ${appointedWording(post)}`
}

/** The post with the most appointed holders: the headline of a body's audit. */
export function worstPost(posts: Pick<ElectedPostsRatio, 'posts'>): PostRatio | null {
  let worst: PostRatio | null = null
  for (const post of posts.posts) {
    if (post.appointed > 0 && (worst === null || post.appointed > worst.appointed)) worst = post
  }
  return worst
}

/** '80 of 130 unit secretaries appointed'. */
export function worstPostWording(post: Pick<PostRatio, 'title' | 'appointed' | 'total'>): string {
  return `${count(post.appointed)} of ${count(post.total)} ${postTitleFor(post.title, post.total)} appointed`
}

/** The elected share in words: '50 of 130 elective posts filled by election (38%)'. */
export function electedWording(posts: ElectedPostsRatio): string {
  if (posts.total === 0) return 'No elective post is held'
  return `${count(posts.elected)} of ${plural(posts.total, 'elective post')} filled by election (${percent(posts.share)})`
}

/** '7 of 9 major decisions after discussion; 2 urgent, 1 without discussion'. */
export function decisionsWording(decisions: DiscussedDecisionsRatio): string {
  if (decisions.total === 0) return 'No major question was decided'
  const others = [
    decisions.urgent > 0 ? `${count(decisions.urgent)} urgent` : null,
    decisions.confidential > 0 ? `${count(decisions.confidential)} confidential` : null,
    decisions.withoutDiscussion > 0 ? `${count(decisions.withoutDiscussion)} without discussion` : null,
  ].filter((part) => part !== null)
  return `${count(decisions.afterDiscussion)} of ${plural(decisions.total, 'major decision')} after discussion${
    others.length > 0 ? `; ${others.join(', ')}` : ''
  }`
}

/** 'Median 41 days from application to admission as a candidate, 12 applications decided'. */
export function admissionWording(admission: AdmissionTime): string {
  if (admission.medianDays === null) return 'No worker application was decided'
  return `Median ${plural(admission.medianDays, 'day')} from application to admission as a candidate, ${plural(
    admission.decided,
    'application',
  )} decided`
}

/** The measures Charter cannot take yet, by the summary's key, as reports name them. */
const NOT_MEASURED_LABELS = {
  reportPunctuality: 'Report punctuality',
  conferenceRegularity: 'Conference regularity',
} as const

/** 'Report punctuality: not measured (information capability not built yet)'. */
export function notMeasuredWording(key: keyof typeof NOT_MEASURED_LABELS, entry: NotMeasured): string {
  return `${NOT_MEASURED_LABELS[key]}: not measured (${entry.notMeasured})`
}

/** Why a date with no charter in force has no findings (a clause: capitalise it to start a sentence). */
export const NO_CHARTER = 'no charter was in force on this date, so there was no rule to check against'

/** A clause as a sentence: capitalised, with a full stop. */
export function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`
}
