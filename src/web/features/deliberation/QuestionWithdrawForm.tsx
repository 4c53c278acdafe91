import type { FormEvent } from 'react'
import { apiSend } from '../../api/client.ts'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import type { QuestionView } from './types.ts'

/**
 * Withdraws the question (POST /questions/:id/withdraw): officers before the vote, the initiator
 * while it collects signatures. Its discussion stays readable; nothing is deleted.
 */
export function QuestionWithdrawForm({
  question,
  onDone,
}: {
  readonly question: QuestionView
  readonly onDone: () => void
}) {
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() => apiSend('POST', `/questions/${question.id}/withdraw`, {}))
    if (ok) {
      onDone()
      refresh()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label="Withdraw the question">
      <p>
        Withdraw “{question.title}”? It will not be decided. Its discussion stays on record and readable; no
        contribution is deleted.
      </p>
      <QuestionRefusal error={submission.error} />
      <SubmitRow
        label="Withdraw the question"
        sendingLabel="Withdrawing…"
        sending={submission.sending}
        danger
        onCancel={onDone}
      />
    </form>
  )
}
