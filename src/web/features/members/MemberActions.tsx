import type { Member, MemberStatus } from '../../api/types.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { ChangeStatusForm } from './ChangeStatusForm.tsx'
import { EditMemberForm } from './EditMemberForm.tsx'
import { TransferForm } from './TransferForm.tsx'

interface MemberActionsProps {
  readonly member: Member
  /** The statuses the charter allows next; with none, there is no status change to offer. */
  readonly allowedStatuses: readonly MemberStatus[]
}

/** What a secretary or admin may do with a member: change status, transfer, edit. */
export function MemberActions({ member, allowedStatuses }: MemberActionsProps) {
  const actions: Action[] = [
    ...(allowedStatuses.length > 0
      ? [
          {
            id: 'status',
            label: 'Change status',
            render: (close: () => void) => (
              <ChangeStatusForm member={member} allowed={allowedStatuses} onDone={close} />
            ),
          },
        ]
      : []),
    { id: 'transfer', label: 'Transfer', render: (close) => <TransferForm member={member} onDone={close} /> },
    { id: 'edit', label: 'Edit', render: (close) => <EditMemberForm member={member} onDone={close} /> },
  ]
  return <ActionBar label={`Actions for ${member.fullName}`} actions={actions} />
}
