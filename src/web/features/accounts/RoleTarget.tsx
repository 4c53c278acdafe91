import { useId } from 'react'
import type { Body, Role } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { BodyPicker } from '../orgs/BodyPicker.tsx'
import type { PickedBody } from '../orgs/picked-body.ts'
import { ROLE_HINT, ROLE_LABELS } from './types.ts'

/** Where a role goes: this body, or one picked below it. */
export interface RoleTargetValue {
  readonly role: Role
  readonly where: 'here' | 'below'
  readonly below: PickedBody | null
}

export const INITIAL_TARGET: RoleTargetValue = { role: 'secretary', where: 'here', below: null }

/** The body id the role is granted on, or null while "below" has nothing picked. */
export function targetBodyId(body: Body, value: RoleTargetValue): number | null {
  return value.where === 'here' ? body.id : (value.below?.id ?? null)
}

interface RoleTargetProps {
  readonly body: Body
  readonly value: RoleTargetValue
  readonly onChange: (value: RoleTargetValue) => void
}

/** The role select, and the body it is granted on (here, or picked by browsing or search below). */
export function RoleTarget({ body, value, onChange }: RoleTargetProps) {
  const name = useId()
  return (
    <>
      <Field label="Role" hint={ROLE_HINT}>
        {(id, hint) => (
          <select
            id={id}
            aria-describedby={hint}
            value={value.role}
            onChange={(event) => onChange({ ...value, role: event.target.value as Role })}
          >
            {(['secretary', 'admin', 'member'] as const).map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="role-where">
        <legend>On which body</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={name}
            checked={value.where === 'here'}
            onChange={() => onChange({ ...value, where: 'here' })}
          />
          {body.name} (and everything below it)
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={name}
            checked={value.where === 'below'}
            onChange={() => onChange({ ...value, where: 'below' })}
          />
          A body below {body.name}
        </label>
      </fieldset>
      {value.where === 'below' ? (
        <BodyPicker
          legend={`Body below ${body.name}`}
          startId={body.id}
          searchRootId={body.id}
          value={value.below}
          onChange={(below) => onChange({ ...value, below })}
          canChoose={(picked) => picked.path.startsWith(body.path) && picked.id !== body.id}
          refusal={`choose a body below ${body.name}.`}
        />
      ) : null}
    </>
  )
}
