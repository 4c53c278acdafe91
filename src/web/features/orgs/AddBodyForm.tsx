import { type FormEvent, useContext, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { Body, BodyDescription, NewBody } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { humanise } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { KindInput } from './KindInput.tsx'
import { UNIT_KINDS } from './picked-body.ts'

interface AddBodyFormProps {
  readonly parent: BodyDescription
  readonly onClose: () => void
}

/** Creates a body under this one; the level defaults to the next one down, units need a kind. */
export function AddBodyForm({ parent, onClose }: AddBodyFormProps) {
  const levels = useContext(OrganisationContext)?.levels ?? []
  const below = levels.slice(parent.level.index + 1)
  const [name, setName] = useState('')
  const [level, setLevel] = useState(below[0] ?? '')
  const [kind, setKind] = useState<string>(UNIT_KINDS[0])
  const [added, setAdded] = useState<Body | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const isUnit = level === levels[levels.length - 1]

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAdded(null)
    const input: NewBody = { parentId: parent.body.id, name: name.trim(), level, ...(isUnit ? { kind } : {}) }
    await submission.run(async () => {
      setAdded(await apiSend<Body>('POST', '/bodies', input))
      setName('')
      refresh()
    })
  }

  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="add-body-title">
      <h3 id="add-body-title">Add a body under {parent.body.name}</h3>
      <div className="form-grid">
        <Field label="Name" wide>
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
        <Field label="Level">
          {(id) => (
            <select id={id} value={level} onChange={(event) => setLevel(event.target.value)}>
              {below.map((option) => (
                <option key={option} value={option}>
                  {humanise(option)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {isUnit ? <KindInput onChange={setKind} /> : null}
      </div>
      <FormError error={submission.error} labels={{ name: 'Name', level: 'Level', kind: 'Kind' }} />
      {added ? (
        <p className="success" role="status">
          Added <a href={bodyHref(added.id)}>{added.name}</a>.
        </p>
      ) : null}
      <SubmitRow label="Add body" sendingLabel="Adding…" sending={submission.sending} onCancel={onClose} />
    </form>
  )
}
