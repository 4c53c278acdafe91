import type { Body } from '../../api/types.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { RoleTarget } from './RoleTarget.tsx'
import { ACCESS_FIELD_LABELS } from './types.ts'
import type { RoleGrant } from './use-role-grant.ts'

interface RoleGrantFieldsProps {
  readonly body: Body
  readonly grant: RoleGrant
  readonly label: string
  readonly sendingLabel: string
  readonly onCancel: () => void
}

/** The end of a form that grants a role: role and body, the server's answer, and submit. */
export function RoleGrantFields({ body, grant, label, sendingLabel, onCancel }: RoleGrantFieldsProps) {
  return (
    <>
      <RoleTarget body={body} value={grant.target} onChange={grant.setTarget} />
      <FormError error={grant.submission.error} labels={ACCESS_FIELD_LABELS} />
      {grant.done ? (
        <p className="success" role="status">
          {grant.done}
        </p>
      ) : null}
      <SubmitRow
        label={label}
        sendingLabel={sendingLabel}
        sending={grant.submission.sending}
        disabled={grant.bodyId === null}
        onCancel={onCancel}
      />
    </>
  )
}
