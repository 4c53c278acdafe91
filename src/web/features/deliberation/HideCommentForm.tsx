import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { HIDE_REASON_LABELS } from './format.ts'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import { TEXT_LIMITS } from './text-limits.ts'
import type { Comment, HideReason } from './types.ts'

interface HideCommentFormProps {
  readonly comment: Comment
  /** The conduct reasons the charter's criticism rule allows. */
  readonly reasons: readonly HideReason[]
  readonly ruleId: string | null
  readonly onDone: () => void
}

/**
 * A moderator hides a comment for conduct (POST /comments/:id/hide), with a reason from the
 * charter's list and an optional note for the author and auditors. Criticism is never deleted:
 * members see that it was hidden and why, and its author and auditors still read it.
 */
export function HideCommentForm({ comment, reasons, ruleId, onDone }: HideCommentFormProps) {
  const [reason, setReason] = useState<HideReason | ''>('')
  const [note, setNote] = useState('')
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend('POST', `/comments/${comment.id}/hide`, { reason, note: note.trim() === '' ? null : note }),
    )
    if (ok) {
      onDone()
      refresh()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Hide the comment by ${comment.author.name}`}>
      <p className="hint">
        For conduct only, never for an opinion
        {ruleId ? (
          <>
            {' '}
            (<code className="rule-id">{ruleId}</code>)
          </>
        ) : null}
        . Members will see that it was hidden and why; its author and auditors still read it.
      </p>
      <div className="form-grid">
        <Field label="Reason">
          {(id) => (
            <select
              id={id}
              required
              value={reason}
              onChange={(event) => setReason(event.target.value as HideReason | '')}
            >
              <option value="">Choose the conduct…</option>
              {reasons.map((option) => (
                <option key={option} value={option}>
                  {HIDE_REASON_LABELS[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Note for the author and auditors" hint="Optional; members do not see it" wide>
          {(id, hint) => (
            <textarea
              id={id}
              rows={2}
              maxLength={TEXT_LIMITS.comment.hideNote}
              aria-describedby={hint}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
      </div>
      <QuestionRefusal error={submission.error} labels={{ reason: 'Reason', note: 'Note' }} />
      <SubmitRow
        label="Hide the comment"
        sendingLabel="Hiding…"
        sending={submission.sending}
        disabled={reason === ''}
        danger
        onCancel={onDone}
      />
    </form>
  )
}
