import { type FormEvent, useState } from 'react'
import { apiGet, queryString } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { EligibilityVerdict } from './EligibilityVerdict.tsx'
import type { EligibilityAnswer } from './eligibility-types.ts'
import { MANDATE_FIELD_LABELS } from './mandate-labels.ts'
import { RefusalError } from './RefusalError.tsx'
import type { BodyPost } from './types.ts'

interface CheckMemberFormProps {
  readonly bodyId: number
  readonly post: BodyPost
  readonly onDone: () => void
}

/** "Check a member": may this member hold the post on a date? Every rule's verdict, with its id. */
export function CheckMemberForm({ bodyId, post, onDone }: CheckMemberFormProps) {
  const [memberId, setMemberId] = useState('')
  const [date, setDate] = useState(useOrganisationToday() ?? '')
  const [answer, setAnswer] = useState<EligibilityAnswer | null>(null)
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAnswer(null)
    await submission.run(async () => {
      const query = queryString({ memberId: Number(memberId), post: post.post, bodyId, date })
      setAnswer(await apiGet<EligibilityAnswer>(`/eligibility${query}`))
    })
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Check a member for ${post.title}`}>
      <div className="form-grid">
        <Field label="Member id">
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              required
              value={memberId}
              onChange={(event) => {
                setMemberId(event.target.value)
                setAnswer(null)
              }}
            />
          )}
        </Field>
        <Field label="On date">
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={date}
              onChange={(event) => {
                setDate(event.target.value)
                setAnswer(null)
              }}
            />
          )}
        </Field>
      </div>
      <RefusalError error={submission.error} labels={MANDATE_FIELD_LABELS} />
      <SubmitRow
        label="Check"
        sendingLabel="Checking…"
        sending={submission.sending}
        disabled={memberId === ''}
        onCancel={onDone}
      />
      <div aria-live="polite">
        {answer ? <EligibilityVerdict answer={answer} postTitle={post.title} /> : null}
      </div>
    </form>
  )
}
