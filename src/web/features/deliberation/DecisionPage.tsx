import { useState } from 'react'
import { apiGet } from '../../api/client.ts'
import { bodyHref, charterVersionHref, meetingHref, questionHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { formatInstant } from '../elections/election-format.ts'
import { DecisionBadges, decisionTitle } from './DecisionBadges.tsx'
import { DecisionCountReport } from './DecisionCountReport.tsx'
import { DecisionRatification } from './DecisionRatification.tsx'
import { DecisionTasks } from './DecisionTasks.tsx'
import { KIND_LABELS } from './decision-format.ts'
import type { Decision, RedactedDecision } from './decision-types.ts'
import { QuorumFacts } from './QuorumFacts.tsx'
import './decisions.css'

/** The quorum and the meeting the decision was taken at, when there was a vote. */
function DecisionQuorumFacts({ decision }: { readonly decision: Decision }) {
  const { quorum } = decision
  if (!quorum && decision.meetingId === null) return null
  return (
    <QuorumFacts quorum={quorum} presentLabel={decision.meetingId !== null ? 'Present' : 'Voted'}>
      {decision.meetingId !== null ? (
        <>
          <dt>Meeting</dt>
          <dd>
            <a href={meetingHref(decision.meetingId)}>The meeting that decided</a>
          </dd>
        </>
      ) : null}
    </QuorumFacts>
  )
}

/** What an outsider learns of a confidential question's decision: that it was taken, and when. */
function RedactedDecisionCard({ decision }: { readonly decision: RedactedDecision }) {
  return (
    <div className="decision-page">
      <nav aria-label="Breadcrumb">
        <a href={bodyHref(decision.bodyId)}>← The deciding body</a>
      </nav>
      <section className="card" aria-labelledby="decision-title">
        <h1 id="decision-title">{decisionTitle(decision)}</h1>
        <p className="decision-head">
          <span className="badge exception-confidential">Confidential</span>
        </p>
        <p>Decided on {formatLongDate(decision.decidedOn)}.</p>
        <p className="muted">
          The question is confidential: only its named audience reads what was decided, how and why.
        </p>
      </section>
    </div>
  )
}

/**
 * One decision (#/decisions/:id): its outcome and kind, the exception it was taken under, a
 * warning when it was taken without a completed discussion, the quorum and meeting, the count,
 * the ratification of an urgent decision, and the tasks carrying it out. A confidential decision
 * read from outside its audience shows only what the API gives: that it was taken, and when.
 */
export function DecisionPage({ decisionId }: { readonly decisionId: number }) {
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((n) => n + 1)
  const decision = useAsync(
    () => apiGet<Decision | RedactedDecision>(`/decisions/${decisionId}`),
    [decisionId],
    version,
  )
  if (decision.status === 'loading') return <Loading label="Loading the decision…" />
  if (decision.status === 'error') return <ErrorMessage error={decision.error} onRetry={decision.reload} />
  const data = decision.data
  if (data.redacted) return <RedactedDecisionCard decision={data} />
  return (
    <div className="decision-page">
      <nav aria-label="Breadcrumb">
        <a href={bodyHref(data.bodyId)}>← {data.bodyName}</a>
      </nav>
      <section className="card" aria-labelledby="decision-title">
        <h1 id="decision-title">{decisionTitle(data)}</h1>
        <p className="decision-head">
          <DecisionBadges decision={data} />
        </p>
        <p>
          {KIND_LABELS[data.kind]} · {data.bodyName} · {formatInstant(data.decidedAt)}
          {data.method === 'choice' ? ' · a choice between the proposal and its counter-proposals' : ''}.{' '}
          <a href={questionHref(data.question.id)}>The question and its discussion</a>
        </p>
        {!data.discussionCompleted ? (
          <p className="warning-note" role="note">
            Decided without a completed discussion
            {data.discussionRuleId ? (
              <>
                {' '}
                of a major question <code className="rule-id">{data.discussionRuleId}</code>
              </>
            ) : null}
            {data.exception === 'urgent'
              ? ', under the urgent exception.'
              : data.exception === 'confidential'
                ? ', under the confidential exception.'
                : '.'}
          </p>
        ) : null}
        {data.justification ? (
          <>
            <h3>Justification</h3>
            <p className="justification">{data.justification}</p>
          </>
        ) : null}
        {data.kind === 'recorded' ? (
          <p>Entered from past practice{data.recordedSource ? `; source: ${data.recordedSource}` : ''}.</p>
        ) : null}
        <DecisionQuorumFacts decision={data} />
        <DecisionCountReport decision={data} />
        <p className="muted">
          Under the <a href={charterVersionHref(data.charterVersionId)}>charter version</a> in force on{' '}
          {formatLongDate(data.decidedAt)}.
        </p>
      </section>
      <DecisionRatification decision={data} onChanged={refresh} />
      <DecisionTasks decision={data} version={version} onChanged={refresh} />
    </div>
  )
}
