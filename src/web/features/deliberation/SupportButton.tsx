import { apiSend } from '../../api/client.ts'
import { plural } from '../../shared/format.ts'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { QuestionRefusal } from './QuestionRefusal.tsx'

interface SupportButtonProps {
  /** The support resource: /questions/:id/support (the proposal) or /comments/:id/support. */
  readonly path: string
  /** What is supported, for the button's name: 'the proposal', 'this amendment'. */
  readonly what: string
  readonly count: number
  readonly supported: boolean
  /** The discussion is open and the caller takes part; otherwise only the count shows. */
  readonly canSupport: boolean
}

/**
 * The supporters of a proposal or a contribution, and a toggle (aria-pressed) for the caller's own
 * support: PUT to give it, DELETE to withdraw it, both idempotent. The page reloads its counts after.
 */
export function SupportButton({ path, what, count, supported, canSupport }: SupportButtonProps) {
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function toggle() {
    const ok = await submission.run(() => apiSend(supported ? 'DELETE' : 'PUT', path, {}))
    if (ok) refresh()
  }

  return (
    <span className="support">
      {canSupport ? (
        <button
          type="button"
          className="support-button"
          aria-pressed={supported}
          disabled={submission.sending}
          onClick={toggle}
        >
          {supported ? '✓ ' : ''}Support {what}
        </button>
      ) : null}
      <span className="support-count">{plural(count, 'supporter')}</span>
      {supported && !canSupport ? <span className="muted"> (you among them)</span> : null}
      <QuestionRefusal error={submission.error} />
    </span>
  )
}
