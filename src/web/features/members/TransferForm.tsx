import { type FormEvent, useState } from 'react'
import { apiGet, apiSend } from '../../api/client.ts'
import type { BodyDescription, Member } from '../../api/types.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { BodyPicker } from '../orgs/BodyPicker.tsx'
import { type PickedBody, useIsUnitLevel } from '../orgs/picked-body.ts'
import { MEMBER_FIELD_LABELS } from './member-rules.ts'

interface TransferFormProps {
  readonly member: Member
  readonly onDone: () => void
}

/** Transfers the member to another unit on a date; browsing starts beside the current unit. */
export function TransferForm({ member, onDone }: TransferFormProps) {
  const unit = useAsync(() => apiGet<BodyDescription>(`/bodies/${member.unitId}`), [member.unitId])
  const isUnitLevel = useIsUnitLevel()
  const [target, setTarget] = useState<PickedBody | null>(null)
  const [onDate, setOnDate] = useState(useOrganisationToday() ?? '')
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!target) return
    const ok = await submission.run(() =>
      apiSend<Member>('POST', `/members/${member.id}/transfer`, { toUnitId: target.id, onDate }),
    )
    if (ok) {
      refresh()
      onDone()
    }
  }

  if (unit.status === 'loading') return <Loading />
  if (unit.status === 'error') return <ErrorMessage error={unit.error} onRetry={unit.reload} />
  return (
    <form className="action-form stacked" onSubmit={submit} aria-label="Transfer member">
      <BodyPicker
        legend="Transfer to unit"
        startId={unit.data.body.parentId ?? member.unitId}
        value={target}
        onChange={setTarget}
        canChoose={(body) => isUnitLevel(body.level) && body.id !== member.unitId}
        refusal="members can only be transferred to another unit."
      />
      <Field label="Transfer date">
        {(id) => (
          <input
            id={id}
            type="date"
            required
            value={onDate}
            onChange={(event) => setOnDate(event.target.value)}
          />
        )}
      </Field>
      <FormError error={submission.error} labels={MEMBER_FIELD_LABELS} />
      <SubmitRow
        label={target ? `Transfer to ${target.name}` : 'Transfer'}
        sendingLabel="Transferring…"
        sending={submission.sending}
        disabled={!target}
        onCancel={onDone}
      />
    </form>
  )
}
