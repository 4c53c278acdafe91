import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import { TEXT_LIMITS } from './text-limits.ts'
import type { CommentKind } from './types.ts'

interface CommentFormProps {
  readonly questionId: number
  readonly kind: CommentKind
  /** A reply names the comment it answers. */
  readonly parentId?: number
  /** The proposal as it stands: an amendment starts from it. */
  readonly proposal: string
  /** The form's name, e.g. 'Reply to Anna Kuznetsova'. */
  readonly label: string
  readonly onDone: () => void
}

/** What the main text area is called for each kind (a reply is a comment with a parent). */
function bodyLabel(kind: CommentKind, reply: boolean): string {
  if (reply) return 'Your reply'
  if (kind === 'counter-proposal') return 'Your counter-proposal'
  if (kind === 'amendment') return 'Why amend it'
  return 'Your comment'
}

const SUBMIT_LABELS: Readonly<Record<CommentKind, string>> = {
  comment: 'Post the comment',
  'counter-proposal': 'Put the counter-proposal',
  amendment: 'Propose the amendment',
}

/**
 * Criticism, signed by its author (POST /questions/:id/comments): a comment, a reply, a
 * counter-proposal, or an amendment, which starts from the proposal's current text and is shown
 * to everyone as a diff against it. The server refuses those outside the body's scope
 * (NOT_IN_SCOPE with the criticism rule) and anything after the discussion closed.
 */
export function CommentForm({ questionId, kind, parentId, proposal, label, onDone }: CommentFormProps) {
  const [body, setBody] = useState('')
  const [amended, setAmended] = useState(proposal)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const unchanged = kind === 'amendment' && amended.trim() === proposal.trim()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend('POST', `/questions/${questionId}/comments`, {
        kind,
        body,
        parentId: parentId ?? null,
        amendedProposal: kind === 'amendment' ? amended : null,
      }),
    )
    if (ok) {
      onDone()
      refresh()
    }
  }

  return (
    <form className="action-form comment-form" onSubmit={submit} aria-label={label}>
      {kind === 'amendment' ? (
        <Field
          label="The proposal as amended"
          hint="Edit the text; the change is shown to all as a diff"
          wide
        >
          {(id, hint) => (
            <textarea
              id={id}
              required
              rows={5}
              maxLength={TEXT_LIMITS.comment.amendedProposal}
              aria-describedby={hint}
              value={amended}
              onChange={(event) => setAmended(event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field label={bodyLabel(kind, parentId !== undefined)} hint="Signed with your name" wide>
        {(id, hint) => (
          <textarea
            id={id}
            required
            rows={3}
            maxLength={TEXT_LIMITS.comment.body}
            aria-describedby={hint}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      {unchanged ? <p className="hint">Change the proposal’s text to amend it.</p> : null}
      <QuestionRefusal
        error={submission.error}
        labels={{ body: bodyLabel(kind, parentId !== undefined), amendedProposal: 'The proposal as amended' }}
      />
      <SubmitRow
        label={parentId !== undefined ? 'Post the reply' : SUBMIT_LABELS[kind]}
        sendingLabel="Posting…"
        sending={submission.sending}
        disabled={unchanged}
        onCancel={onDone}
      />
    </form>
  )
}
