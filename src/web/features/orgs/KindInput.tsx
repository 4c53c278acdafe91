import { useState } from 'react'
import { humanise } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { UNIT_KINDS } from './picked-body.ts'

interface KindInputProps {
  readonly onChange: (kind: string) => void
}

/** A unit's kind: one of the charter's, or a custom name (sent as `custom:<name>`). */
export function KindInput({ onChange }: KindInputProps) {
  const [choice, setChoice] = useState<string>(UNIT_KINDS[0])
  const [custom, setCustom] = useState('')
  const emit = (nextChoice: string, nextCustom: string) =>
    onChange(nextChoice === 'custom' ? `custom:${nextCustom.trim().toLowerCase()}` : nextChoice)
  return (
    <>
      <Field label="Kind">
        {(id) => (
          <select
            id={id}
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value)
              emit(event.target.value, custom)
            }}
          >
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {humanise(kind)}
              </option>
            ))}
            <option value="custom">Other…</option>
          </select>
        )}
      </Field>
      {choice === 'custom' ? (
        <Field label="Other kind" hint="Lower-case letters, digits, spaces, - or _.">
          {(id, hint) => (
            <input
              id={id}
              type="text"
              required
              maxLength={41}
              aria-describedby={hint}
              value={custom}
              onChange={(event) => {
                setCustom(event.target.value)
                emit(choice, event.target.value)
              }}
            />
          )}
        </Field>
      ) : null}
    </>
  )
}
