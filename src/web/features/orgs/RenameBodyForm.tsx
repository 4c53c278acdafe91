import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'

interface RenameBodyFormProps {
  readonly body: Body
  readonly onDone: () => void
}

/** Renames the body (PATCH /bodies/:id). */
export function RenameBodyForm({ body, onDone }: RenameBodyFormProps) {
  const [name, setName] = useState(body.name)
  const submission = useSubmit()
  const { refresh } = useRefresh()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const ok = await submission.run(() => apiSend<Body>('PATCH', `/bodies/${body.id}`, { name: name.trim() }))
    if (ok) {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Rename ${body.name}`}>
      <Field label="New name" wide>
        {(id) => (
          <input
            id={id}
            type="text"
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <FormError error={submission.error} labels={{ name: 'New name' }} />
      <SubmitRow
        label="Rename"
        sending={submission.sending}
        disabled={name.trim() === body.name}
        onCancel={onDone}
      />
    </form>
  )
}
