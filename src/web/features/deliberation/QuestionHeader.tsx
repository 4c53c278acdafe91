import { formatLongDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { ORIGIN_LABELS } from './format.ts'
import { QuestionMajorBadge, QuestionStateBadge } from './QuestionStateBadge.tsx'
import { QuestionWithdrawForm } from './QuestionWithdrawForm.tsx'
import { SupportButton } from './SupportButton.tsx'
import type { QuestionView } from './types.ts'

/** Who reads a confidential question, until when, and under which rule (shown to its audience only). */
function ConfidentialNote({ question }: { readonly question: QuestionView }) {
  if (!question.confidential) return null
  return (
    <p className="confidential-note" role="note">
      <strong>Confidential</strong>
      {question.confidentialRuleId ? (
        <>
          {' '}
          <code className="rule-id">{question.confidentialRuleId}</code>
        </>
      ) : null}
      {question.audience
        ? `: read only by ${question.audience.map((member) => member.fullName).join(', ')}`
        : ': declassified'}
      {question.declassifyOn ? ` · declassified on ${formatLongDate(question.declassifyOn)}` : ''}
    </p>
  )
}

/**
 * The question itself: title and state, what it is about and who put it, major with the rule that
 * says so (and "decided at a meeting" when the charter wants one), the text, the proposal with its
 * supporters, and the withdraw action for those who may.
 */
export function QuestionHeader({ question }: { readonly question: QuestionView }) {
  return (
    <section className="card" aria-labelledby="question-title">
      <div className="question-head">
        <h1 id="question-title">{question.title}</h1>
        <QuestionStateBadge state={question.state} />
      </div>
      <p className="question-facts">
        <span className="tag">{question.topic}</span>
        <span>{ORIGIN_LABELS[question.origin]}</span>
        <span className="muted">raised {formatLongDate(question.raisedOn)}</span>
        {question.major ? (
          <QuestionMajorBadge ruleId={question.majorRuleId} meetingRequired={question.meetingRequired} />
        ) : (
          <span className="muted">Minor by the charter</span>
        )}
      </p>
      <ConfidentialNote question={question} />
      <div className="question-text">{question.text}</div>
      <section className="proposal" aria-labelledby="proposal-title">
        <h2 id="proposal-title">Proposal</h2>
        <blockquote>{question.proposal}</blockquote>
        <SupportButton
          path={`/questions/${question.id}/support`}
          what="the proposal"
          count={question.support.count}
          supported={question.support.supportedByViewer}
          canSupport={question.permissions.canComment}
        />
      </section>
      {question.permissions.canWithdraw ? (
        <ActionBar
          label="Manage the question"
          actions={[
            {
              id: 'withdraw',
              label: 'Withdraw the question',
              render: (close) => <QuestionWithdrawForm question={question} onDone={close} />,
            },
          ]}
        />
      ) : null}
    </section>
  )
}
