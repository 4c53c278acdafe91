import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { ElectionRefusal } from './ElectionRefusal.tsx'
import { failedRules, NotEligibleReasons } from './NotEligibleReasons.tsx'
import type { Contest, Nomination } from './types.ts'

interface NominateFormProps {
  readonly electionId: number
  readonly contest: Contest
  /** Standing oneself (no member to name) or nominating another member. */
  readonly self: boolean
  /** Officers record nominations made by any member, so they may name the nominator. */
  readonly officer: boolean
  readonly onDone: () => void
}

const LABELS = { memberId: 'Member id', nominatedByMemberId: 'Nominated by', contestId: 'Post' }

/**
 * Stands for a post, or nominates another member by id (POST /elections/:id/nominations). The
 * server checks the nominee against the charter: a refusal lists each rule not met, its text and id.
 */
export function NominateForm({ electionId, contest, self, officer, onDone }: NominateFormProps) {
  const [memberId, setMemberId] = useState('')
  const [nominatedBy, setNominatedBy] = useState('')
  const [done, setDone] = useState<Nomination | null>(null)
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const answer: { nomination?: Nomination } = {}
    const ok = await submission.run(async () => {
      answer.nomination = await apiSend<Nomination>('POST', `/elections/${electionId}/nominations`, {
        contestId: contest.contestId,
        ...(self ? {} : { memberId: Number(memberId) }),
        ...(officer && nominatedBy ? { nominatedByMemberId: Number(nominatedBy) } : {}),
      })
    })
    if (ok && answer.nomination) setDone(answer.nomination)
  }

  if (done) {
    return (
      <div className="action-form">
        <p className="success" role="status">
          {self
            ? `You stand for ${contest.title}.`
            : done.state === 'accepted'
              ? `Member ${done.memberId} stands for ${contest.title}.`
              : `Member ${done.memberId} is nominated for ${contest.title}; they stand once they accept.`}
        </p>
        <div className="actions">
          <button type="button" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    )
  }

  return (
    <form
      className="action-form"
      onSubmit={submit}
      aria-label={self ? `Stand for ${contest.title}` : `Nominate a member for ${contest.title}`}
    >
      <p className="muted">
        {self
          ? 'You stand at once. The charter’s rules for the post are checked against your record on the voting day.'
          : 'The member is checked against the charter’s rules for the post; they stand once they accept.'}
      </p>
      {self ? null : (
        <div className="form-grid">
          <Field label="Member id" hint="The number shown in the member's record">
            {(id, hint) => (
              <input
                id={id}
                type="number"
                min={1}
                required
                aria-describedby={hint}
                value={memberId}
                onChange={(event) => setMemberId(event.target.value)}
              />
            )}
          </Field>
          {officer ? (
            <Field label="Nominated by (member id)" hint="Leave empty when the member stands themselves">
              {(id, hint) => (
                <input
                  id={id}
                  type="number"
                  min={1}
                  aria-describedby={hint}
                  value={nominatedBy}
                  onChange={(event) => setNominatedBy(event.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
      )}
      {/* A NOT_ELIGIBLE refusal is shown rule by rule; its message would only repeat them. */}
      {failedRules(submission.error).length > 0 ? (
        <NotEligibleReasons
          error={submission.error}
          headline={
            self
              ? `You may not stand for ${contest.title}`
              : `Member ${memberId} may not stand for ${contest.title}`
          }
        />
      ) : (
        <ElectionRefusal error={submission.error} labels={LABELS} />
      )}
      <SubmitRow
        label={self ? 'Stand' : 'Nominate'}
        sendingLabel="Checking…"
        sending={submission.sending}
        disabled={!self && memberId === ''}
        onCancel={onDone}
      />
    </form>
  )
}
