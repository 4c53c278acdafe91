import {
  bodyHref,
  decisionHref,
  electionHref,
  meetingHref,
  questionHref,
  taskHref,
} from '../../app/router.ts'
import { formatShortDate, plural } from '../../shared/format.ts'
import type { RuleFamily } from '../charter/rule-types.ts'
import type {
  AuditSummary,
  DiscussedDecisions,
  ElectedPosts,
  Finding,
  FindingKind,
  PostRatio,
  Severity,
  WorkerAdmission,
} from './types.ts'

/**
 * The charter rule family each kind reads (the core's checks say it; absent kinds name the family
 * they will read). audit-format.test.ts keeps it equal to the registered checks.
 */
export const KIND_FAMILIES: Readonly<Record<FindingKind, RuleFamily>> = {
  'post.appointed': 'elections',
  'post.standing': 'standing',
  'election.overdue': 'posts',
  'decision.without-discussion': 'deliberation',
  'discussion.overrun': 'deliberation',
  'discussion.too-short': 'deliberation',
  'urgent.unratified': 'deliberation',
  'confidential.undeclassified': 'deliberation',
  'task.overdue': 'deliberation',
  'unit.inactive': 'deliberation',
  'report.overdue': 'information',
  'directive.unacknowledged': 'information',
  'conference.not-met': 'conferences',
  'conference.field-missing': 'conferences',
  'enterprise.report-missing': 'enterprises',
  'trust.conference-missing': 'enterprises',
  'admission.pending-too-long': 'admission',
  'slate.under-quota': 'publicElections',
  'education.below-cadence': 'education',
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  violation: 'Violation',
  warning: 'Warning',
  notice: 'Notice',
}

/** A count as the reports print it: '1,070'. */
export function count(n: number): string {
  return n.toLocaleString('en-GB')
}

/** '62%' for 0.6154; '—' when there was nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}

/** A window of dates: '3 Dec 1922 – 2 Dec 1923'. */
export function formatWindow(from: string, to: string): string {
  return `${formatShortDate(from)} – ${formatShortDate(to)}`
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

/** The post with the most appointed holders: the headline of a body's audit ('80 of 130 unit secretaries appointed'). */
export function worstPost(posts: ElectedPosts): PostRatio | null {
  let worst: PostRatio | null = null
  for (const post of posts.posts) {
    if (post.appointed > 0 && (worst === null || post.appointed > worst.appointed)) worst = post
  }
  return worst
}

/** '80 of 130 unit secretaries appointed'. */
export function worstPostWording(post: PostRatio): string {
  return `${count(post.appointed)} of ${count(post.total)} ${postTitleFor(post.title, post.total)} appointed`
}

/** The elected share in words: '50 of 130 elective posts filled by election (38%)'. */
export function electedWording(posts: ElectedPosts): string {
  if (posts.total === 0) return 'No elective post is held'
  return `${count(posts.elected)} of ${plural(posts.total, 'elective post')} filled by election (${percent(posts.share)})`
}

/** The summary card's line: '12 violations · 3 warnings · 80 of 130 unit secretaries appointed'. */
export function summaryLine(summary: Pick<AuditSummary, 'totals' | 'ratios'>): string {
  const { violation, warning, notice } = summary.totals
  const parts =
    violation + warning + notice === 0
      ? ['No departure from the rules found']
      : [
          plural(violation, 'violation'),
          ...(warning > 0 ? [plural(warning, 'warning')] : []),
          ...(notice > 0 ? [plural(notice, 'notice')] : []),
        ]
  const worst = worstPost(summary.ratios.electedPosts)
  if (worst) parts.push(worstPostWording(worst))
  else if (summary.ratios.electedPosts.total > 0)
    parts.push(`all ${plural(summary.ratios.electedPosts.total, 'elective post')} filled by election`)
  return parts.join(' · ')
}

/** '7 of 9 after discussion' with what the others were. */
export function decisionsWording(decisions: DiscussedDecisions): string {
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

/** 'Median 41 days from application to admission, 12 decided' or that none was decided. */
export function admissionWording(admission: WorkerAdmission): string {
  if (admission.medianDays === null) return 'No worker application was decided'
  return `Median ${plural(admission.medianDays, 'day')} from application to admission as a candidate, ${plural(
    admission.decided,
    'application',
  )} decided`
}

/** Where the web shows a finding's subject, and what the link says; null when it has no page. */
export function subjectLink(finding: Pick<Finding, 'subject' | 'bodyId' | 'bodyName'>): {
  readonly href: string
  readonly label: string
} | null {
  const { kind, id } = finding.subject
  switch (kind) {
    case 'question':
      return { href: questionHref(id), label: `Question #${id}` }
    case 'decision':
      return { href: decisionHref(id), label: `Decision #${id}` }
    case 'task':
      return { href: taskHref(id), label: `Task #${id}` }
    case 'meeting':
      return { href: meetingHref(id), label: `Meeting #${id}` }
    case 'election':
      return { href: electionHref(id), label: `Election #${id}` }
    case 'body':
      return { href: bodyHref(id), label: finding.bodyId === id ? finding.bodyName : `Body #${id}` }
    // A mandate has no page of its own: the body's page lists its posts and who holds them.
    case 'mandate':
      return { href: bodyHref(finding.bodyId), label: `Posts of ${finding.bodyName} (mandate #${id})` }
    // The member's record opens on their unit's page, for those who may read it.
    case 'member':
      return { href: bodyHref(finding.bodyId, id), label: `Member #${id}` }
    default:
      return null
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Why a date typed into the audit's picker cannot be audited, or null when it can. */
export function dateProblem(draft: string, today: string | null): string | null {
  const parsed = new Date(`${draft}T00:00:00Z`)
  if (
    !ISO_DATE.test(draft) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== draft
  ) {
    return 'Enter a whole date: day, month and year.'
  }
  if (today !== null && draft > today)
    return 'The audit reads what has happened: pick a date no later than today.'
  return null
}
