import { MEMBER_CATEGORIES, type MemberCategory } from '../../api/types.ts'
import { humanise } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FieldsOfWorkInput } from './FieldsOfWorkInput.tsx'
import type { PersonalValues } from './personal-values.ts'

interface PersonalFieldsProps {
  readonly value: PersonalValues
  readonly onChange: (value: PersonalValues) => void
}

/** Name, card, e-mail, phone, category and fields of work: shared by register and edit. */
export function PersonalFields({ value, onChange }: PersonalFieldsProps) {
  const set = <K extends keyof PersonalValues>(key: K, next: PersonalValues[K]) =>
    onChange({ ...value, [key]: next })
  return (
    <>
      <Field label="Full name" wide>
        {(id) => (
          <input
            id={id}
            type="text"
            required
            maxLength={200}
            autoComplete="off"
            value={value.fullName}
            onChange={(event) => set('fullName', event.target.value)}
          />
        )}
      </Field>
      <Field label="Card number">
        {(id) => (
          <input
            id={id}
            type="text"
            maxLength={64}
            value={value.card}
            onChange={(event) => set('card', event.target.value)}
          />
        )}
      </Field>
      <Field label="E-mail">
        {(id) => (
          <input
            id={id}
            type="email"
            maxLength={320}
            autoComplete="off"
            value={value.email}
            onChange={(event) => set('email', event.target.value)}
          />
        )}
      </Field>
      <Field label="Phone">
        {(id) => (
          <input
            id={id}
            type="tel"
            maxLength={40}
            autoComplete="off"
            value={value.phone}
            onChange={(event) => set('phone', event.target.value)}
          />
        )}
      </Field>
      <Field label="Category">
        {(id) => (
          <select
            id={id}
            value={value.category}
            onChange={(event) => set('category', event.target.value as MemberCategory)}
          >
            {MEMBER_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {humanise(category)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FieldsOfWorkInput value={value.fieldsOfWork} onChange={(next) => set('fieldsOfWork', next)} />
    </>
  )
}
