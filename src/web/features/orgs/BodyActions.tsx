import type { BodyDescription } from '../../api/types.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { AddBodyForm } from './AddBodyForm.tsx'
import { DissolveBodyForm } from './DissolveBodyForm.tsx'
import { MoveBodyForm } from './MoveBodyForm.tsx'
import { RenameBodyForm } from './RenameBodyForm.tsx'

/** What an admin may do with the tree here: add below, rename, move, dissolve. */
export function BodyActions({ description }: { readonly description: BodyDescription }) {
  const { body, level, permissions } = description
  if (!permissions.canManage || body.status !== 'active') return null
  const actions: Action[] = []
  if (!level.isUnit) {
    actions.push({
      id: 'add',
      label: 'Add body',
      render: (close) => <AddBodyForm parent={description} onClose={close} />,
    })
  }
  actions.push({
    id: 'rename',
    label: 'Rename',
    render: (close) => <RenameBodyForm body={body} onDone={close} />,
  })
  // The root has nowhere to move to.
  if (body.parentId !== null) {
    actions.push({
      id: 'move',
      label: 'Move',
      render: (close) => <MoveBodyForm description={description} onDone={close} />,
    })
  }
  actions.push({
    id: 'dissolve',
    label: 'Dissolve',
    render: (close) => <DissolveBodyForm description={description} onDone={close} />,
  })
  return (
    <section className="card body-actions" aria-label="Manage this body">
      <ActionBar label={`Manage ${body.name}`} actions={actions} />
    </section>
  )
}
