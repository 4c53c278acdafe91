import { useId, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { formatInstant } from './format.ts'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import type { QuestionView } from './types.ts'

/**
 * "Close the discussion" for the body's officers. Before the charter's minimum the button reads
 * as disabled and says why beside it; it stays focusable (aria-disabled, not disabled) so keyboard
 * and screen-reader users find it and its reason. Pressing it always asks for a confirmation
 * first, since the close is for good and the server's clock decides: before the minimum it
 * answers DISCUSSION_TOO_EARLY with the limits rule, shown here, but if the minimum has passed
 * since the page loaded, the close goes through.
 */
export function DiscussionCloseButton({ question }: { readonly question: QuestionView }) {
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const [confirming, setConfirming] = useState(false)
  const reasonId = useId()
  const { discussion, permissions } = question
  if (!permissions.canManage || question.state !== 'discussion') return null
  const tooEarly = !permissions.canCloseDiscussion

  async function close() {
    const ok = await submission.run(() => apiSend('POST', `/questions/${question.id}/discussion/close`, {}))
    setConfirming(false)
    if (ok) refresh()
  }

  return (
    <div className="discussion-close">
      {confirming ? (
        <fieldset className="confirm">
          <legend>Close the discussion</legend>
          <p>
            Close the discussion now? Members can no longer comment, amend or support; the body then votes.
            {tooEarly && discussion.earliestCloseAt
              ? ` When this page loaded the charter’s minimum (${formatInstant(discussion.earliestCloseAt)}) had not passed, so the close will likely be refused; if it has passed since, the discussion closes for good.`
              : ''}
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={submission.sending} onClick={close}>
              {submission.sending ? 'Closing…' : 'Close the discussion'}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={submission.sending}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          <button
            type="button"
            aria-disabled={tooEarly}
            aria-describedby={tooEarly ? reasonId : undefined}
            className={tooEarly ? 'looks-disabled' : undefined}
            disabled={submission.sending}
            onClick={() => setConfirming(true)}
          >
            Close the discussion
          </button>
          {tooEarly && discussion.earliestCloseAt ? (
            <span id={reasonId} className="muted">
              Not before {formatInstant(discussion.earliestCloseAt)}: the charter’s minimum of{' '}
              {discussion.minimumDays ?? '?'} days
              {discussion.limitsRuleId ? (
                <>
                  {' '}
                  (<code className="rule-id">{discussion.limitsRuleId}</code>)
                </>
              ) : null}
            </span>
          ) : null}
        </div>
      )}
      <QuestionRefusal error={submission.error} />
    </div>
  )
}
