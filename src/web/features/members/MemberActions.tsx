import type { Member } from '../../api/types.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { ChangeStatusForm } from './ChangeStatusForm.tsx'
import { EditMemberForm } from './EditMemberForm.tsx'
import { TransferForm } from './TransferForm.tsx'

/** What a secretary or admin may do with a member: change status, transfer, edit. */
export function MemberActions({ member }: { readonly member: Member }) {
  const actions: Action[] = [
    {
      id: 'status',
      label: 'Change status',
      render: (close) => <ChangeStatusForm member={member} onDone={close} />,
    },
    { id: 'transfer', label: 'Transfer', render: (close) => <TransferForm member={member} onDone={close} /> },
    { id: 'edit', label: 'Edit', render: (close) => <EditMemberForm member={member} onDone={close} /> },
  ]
  return <ActionBar label={`Actions for ${member.fullName}`} actions={actions} />
}
