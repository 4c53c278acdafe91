import { questionHref } from '../../app/router.ts'
import { formatShortDate } from '../../shared/format.ts'
import { closesBy, ORIGIN_LABELS } from './format.ts'
import { QuestionMajorBadge, QuestionStateBadge } from './QuestionStateBadge.tsx'
import type { QuestionSummary, RedactedQuestion } from './types.ts'

interface QuestionListItemProps {
  readonly item: QuestionSummary | RedactedQuestion
  /** The organisation's instant, for the days a discussion has left (null while it loads). */
  readonly now: string | null
}

/** Where the question stands beyond its badge: days left in discussion, or signatures so far. */
function progress(question: QuestionSummary, now: string | null): string | null {
  if (question.state === 'discussion' && question.discussionLatestCloseAt && now)
    return closesBy(question.discussionLatestCloseAt, now)
  if (question.state === 'collecting' && question.signaturesRequired !== null)
    return `${question.signaturesCount} of ${question.signaturesRequired} signatures`
  return null
}

/**
 * One question in a body's list. A confidential question the reader may not read is one line,
 * "Confidential question · raised <date>", and nothing else: not its title, topic or state.
 */
export function QuestionListItem({ item, now }: QuestionListItemProps) {
  if (item.redacted) {
    return (
      <li className="question-row redacted">
        <a href={questionHref(item.id)}>Confidential question · raised {formatShortDate(item.raisedOn)}</a>
      </li>
    )
  }
  const where = progress(item, now)
  return (
    <li className="question-row">
      <div className="question-row-head">
        <a href={questionHref(item.id)} className="question-title">
          {item.title}
        </a>
        <QuestionStateBadge state={item.state} />
        {where ? <span className="question-progress">{where}</span> : null}
        {item.major ? (
          <QuestionMajorBadge ruleId={item.majorRuleId} meetingRequired={item.meetingRequired} />
        ) : null}
      </div>
      <p className="muted">
        {item.topic} · {ORIGIN_LABELS[item.origin]} · raised {formatShortDate(item.raisedOn)}
        {item.confidential
          ? ` · confidential${item.declassifyOn ? ` until ${formatShortDate(item.declassifyOn)}` : ''}`
          : ''}
      </p>
    </li>
  )
}
