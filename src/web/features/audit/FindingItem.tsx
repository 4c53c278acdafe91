import { bodyHref, CHARTER_HREF } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import { SEVERITY_LABELS, subjectLink } from './audit-format.ts'
import type { Finding } from './types.ts'

/** Evidence ids shown before "and N more" (the CSV and the report list them all). */
const EVIDENCE_SHOWN = 12

/**
 * One finding: its severity, its sentence, the rule it departs from (the charter page lists every
 * rule by its id), since when, where, what it is about, and the events that show it. The activity
 * feed has no page per event, so evidence ids are plain text to look up in the log.
 */
export function FindingItem({ finding }: { readonly finding: Finding }) {
  const subject = subjectLink(finding)
  const shown = finding.evidence.slice(0, EVIDENCE_SHOWN)
  const more = finding.evidence.length - shown.length
  return (
    <li className={`finding severity-${finding.severity}`}>
      <p className="row-head">
        <span className={`badge severity-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
        <span className="finding-message">{finding.message}</span>
      </p>
      <dl className="finding-facts">
        <div>
          <dt>Rule</dt>
          <dd>
            <a href={CHARTER_HREF} title="The charter lists each rule with its id">
              <code className="rule-id">{finding.rule}</code>
            </a>
          </dd>
        </div>
        <div>
          <dt>Since</dt>
          <dd>
            <time dateTime={finding.since}>{formatLongDate(finding.since)}</time>
          </dd>
        </div>
        <div>
          <dt>Body</dt>
          <dd>
            <a href={bodyHref(finding.bodyId)}>{finding.bodyName}</a>
          </dd>
        </div>
        {subject ? (
          <div>
            <dt>About</dt>
            <dd>
              <a href={subject.href}>{subject.label}</a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Evidence</dt>
          <dd className="mono">
            {finding.evidence.length === 0
              ? 'none: an absence'
              : `${shown.map((id) => `#${id}`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`}
          </dd>
        </div>
      </dl>
    </li>
  )
}
