import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { CONTACT_FIELD_LABELS, type Contact } from './types.ts'

interface AddContactFormProps {
  readonly body: Body
  readonly onClose: () => void
}

const EMPTY = { fullName: '', email: '', phone: '', category: '', notes: '' }

/** Adds a non-member contact to this body (POST /bodies/:id/contacts); stays open for the next. */
export function AddContactForm({ body, onClose }: AddContactFormProps) {
  const [values, setValues] = useState(EMPTY)
  const [added, setAdded] = useState<string | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAdded(null)
    // Empty optional fields are left out, not sent as '' (which the server would refuse as invalid).
    const optional = (text: string) => (text.trim() === '' ? undefined : text.trim())
    await submission.run(async () => {
      const contact = await apiSend<Contact>('POST', `/bodies/${body.id}/contacts`, {
        fullName: values.fullName.trim(),
        email: optional(values.email),
        phone: optional(values.phone),
        category: optional(values.category),
        notes: optional(values.notes),
      })
      setAdded(`Added ${contact.fullName}.`)
      setValues(EMPTY)
      refresh()
    })
  }

  const text = (field: keyof typeof EMPTY, label: string, type = 'text', hint?: string) => (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <input
          id={id}
          type={type}
          required={field === 'fullName'}
          aria-describedby={hintId}
          value={values[field]}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </Field>
  )

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="add-contact-title">
      <h3 id="add-contact-title">Add a contact</h3>
      <div className="form-grid">
        {text('fullName', 'Full name')}
        {text('email', 'E-mail', 'email')}
        {text('phone', 'Phone', 'tel')}
        {text('category', 'Category', 'text', 'e.g. worker, women delegate, teacher')}
      </div>
      <Field label="Notes" wide>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={2000}
            value={values.notes}
            onChange={(event) => set('notes')(event.target.value)}
          />
        )}
      </Field>
      <FormError error={submission.error} labels={CONTACT_FIELD_LABELS} />
      {added ? (
        <p className="success" role="status">
          {added}
        </p>
      ) : null}
      <SubmitRow label="Add contact" sendingLabel="Adding…" sending={submission.sending} onCancel={onClose} />
    </form>
  )
}
