import { apiSend } from '../../api/client.ts'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import type { QuestionView } from './types.ts'

/**
 * An initiative's signatures against the charter's threshold, as a progress bar, and the Sign
 * button for members in scope who have not signed (each member signs once; the server refuses a
 * second signature with ALREADY_SIGNED and the rule). The last signature needed opens the discussion.
 */
export function SignaturesPanel({ question }: { readonly question: QuestionView }) {
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const { required, count, signedByViewer } = question.signatures
  if (question.origin !== 'initiative' || required === null) return null
  const collecting = question.state === 'collecting'

  async function sign() {
    const ok = await submission.run(() => apiSend('POST', `/questions/${question.id}/signatures`, {}))
    if (ok) refresh()
  }

  return (
    <section className="card signatures" aria-labelledby="signatures-title">
      <h2 id="signatures-title">Signatures</h2>
      <div className="signature-progress">
        <progress max={required} value={Math.min(count, required)} aria-labelledby="signatures-count" />
        <span id="signatures-count">
          {count} of {required} signatures
        </span>
      </div>
      <p className="muted">
        {collecting
          ? `${Math.max(0, required - count)} more needed; the discussion opens with the last one.`
          : count >= required
            ? 'Collected: the question went to discussion.'
            : 'No longer collecting.'}
        {signedByViewer ? ' You have signed.' : ''}
      </p>
      {question.permissions.canSign ? (
        <button type="button" className="primary" disabled={submission.sending} onClick={sign}>
          {submission.sending ? 'Signing…' : 'Sign the initiative'}
        </button>
      ) : null}
      <QuestionRefusal error={submission.error} />
    </section>
  )
}
