import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Member } from '../../api/types.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { MEMBER_FIELD_LABELS } from './member-rules.ts'
import { PersonalFields } from './PersonalFields.tsx'
import { type PersonalValues, personalOf, personalPayload } from './personal-values.ts'

interface EditMemberFormProps {
  readonly member: Member
  readonly onDone: () => void
}

/** Edits the member's personal fields (PATCH /members/:id); a cleared field is removed. */
export function EditMemberForm({ member, onDone }: EditMemberFormProps) {
  const [values, setValues] = useState<PersonalValues>(() => personalOf(member))
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() =>
      apiSend<Member>('PATCH', `/members/${member.id}`, personalPayload(values)),
    )
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form stacked" onSubmit={submit} aria-label="Edit member">
      <PersonalFields value={values} onChange={setValues} />
      <FormError error={submission.error} labels={MEMBER_FIELD_LABELS} />
      <SubmitRow label="Save changes" sending={submission.sending} onCancel={onDone} />
    </form>
  )
}
