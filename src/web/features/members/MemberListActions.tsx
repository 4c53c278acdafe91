import type { Body, BodyPermissions } from '../../api/types.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { ImportMembersForm } from './import/ImportMembersForm.tsx'
import { RegisterMemberForm } from './RegisterMemberForm.tsx'

interface MemberListActionsProps {
  readonly body: Body
  readonly isUnit: boolean
  readonly permissions: BodyPermissions
}

/** Register (in a unit) and import (anywhere in scope), as far as the permissions allow. */
export function MemberListActions({ body, isUnit, permissions }: MemberListActionsProps) {
  const actions: Action[] = []
  if (isUnit && permissions.canManageMembers && body.status === 'active') {
    actions.push({
      id: 'register',
      label: 'Register member',
      render: (close) => <RegisterMemberForm unitId={body.id} onClose={close} />,
    })
  }
  if (permissions.canImport && body.status === 'active') {
    actions.push({
      id: 'import',
      label: 'Import members (CSV)',
      render: (close) => (
        <ImportMembersForm bodyId={body.id} bodyName={body.name} isUnit={isUnit} onClose={close} />
      ),
    })
  }
  return <ActionBar label="Member actions" actions={actions} />
}
