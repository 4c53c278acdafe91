import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { BodyDescription, MoveResult } from '../../api/types.ts'
import { plural } from '../../shared/format.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { BodyPicker } from './BodyPicker.tsx'
import { type PickedBody, useIsUnitLevel } from './picked-body.ts'

interface MoveBodyFormProps {
  readonly description: BodyDescription
  readonly onDone: () => void
}

/** Moves the body, its subtree and its members under another parent, after a confirmation. */
export function MoveBodyForm({ description, onDone }: MoveBodyFormProps) {
  const { body, ancestors } = description
  const isUnitLevel = useIsUnitLevel()
  const [target, setTarget] = useState<PickedBody | null>(null)
  const [result, setResult] = useState<MoveResult | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  // Siblings of the parent are the likeliest new parents: start one level above it.
  const startId = ancestors[ancestors.length - 2]?.id ?? ancestors[0]?.id ?? body.id

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!target) return
    await submission.run(async () => {
      setResult(await apiSend<MoveResult>('POST', `/bodies/${body.id}/move`, { newParentId: target.id }))
      refresh()
    })
  }

  if (result) {
    return (
      <div className="action-form">
        <p className="success" role="status">
          Moved {body.name} under {target?.name}: {plural(result.bodiesMoved, 'body', 'bodies')} and{' '}
          {plural(result.membersMoved, 'member')}.
        </p>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
    )
  }
  return (
    <form className="action-form stacked" onSubmit={submit} aria-label={`Move ${body.name}`}>
      <BodyPicker
        legend="New parent"
        startId={startId}
        value={target}
        onChange={setTarget}
        canChoose={(candidate) =>
          !isUnitLevel(candidate.level) &&
          candidate.id !== description.body.parentId &&
          !candidate.path.startsWith(body.path)
        }
        refusal="choose a body above the unit level that is not this body, below it, or its parent."
      />
      {target ? (
        <p className="confirm" role="note">
          {body.name} and everything below it, members included, will move under {target.name}.
        </p>
      ) : null}
      <FormError error={submission.error} />
      <SubmitRow
        label={target ? `Move under ${target.name}` : 'Move'}
        sendingLabel="Moving…"
        sending={submission.sending}
        disabled={!target}
        onCancel={onDone}
      />
    </form>
  )
}
