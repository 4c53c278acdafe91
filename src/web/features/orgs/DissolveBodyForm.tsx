import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import type { BodyDescription, DissolveResult } from '../../api/types.ts'
import { bodyHref, navigate } from '../../app/router.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { BodyPicker } from './BodyPicker.tsx'
import { NotEmptyNotice } from './NotEmptyNotice.tsx'
import { notEmptyReport } from './not-empty-report.ts'
import { type PickedBody, useIsUnitLevel } from './picked-body.ts'

interface DissolveBodyFormProps {
  readonly description: BodyDescription
  readonly onDone: () => void
}

/**
 * Dissolves the body and its subtree after an explicit confirmation. Members still inside are
 * transferred to a chosen unit; without one the server refuses and lists them (BODY_NOT_EMPTY).
 */
export function DissolveBodyForm({ description, onDone }: DissolveBodyFormProps) {
  const { body } = description
  const isUnitLevel = useIsUnitLevel()
  const [transfer, setTransfer] = useState(false)
  const [target, setTarget] = useState<PickedBody | null>(null)
  const [confirmed, setConfirmed] = useState(false)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const report = notEmptyReport(submission.error)
  const showPicker = transfer || report !== null

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const payload = showPicker && target ? { transferMembersTo: target.id } : {}
    const ok = await submission.run(() =>
      apiSend<DissolveResult>('POST', `/bodies/${body.id}/dissolve`, payload),
    )
    if (!ok) return
    if (body.parentId !== null) navigate(bodyHref(body.parentId))
    else {
      refresh()
      onDone()
    }
  }

  return (
    <form className="action-form stacked" onSubmit={submit} aria-label={`Dissolve ${body.name}`}>
      <p className="confirm">
        {description.level.isUnit
          ? `Dissolving ${body.name} ends it as a unit.`
          : `Dissolving ${body.name} also dissolves every body below it.`}{' '}
        Dissolved bodies stay in the record but take no new members.
      </p>
      {report ? <NotEmptyNotice bodyId={body.id} bodyName={body.name} report={report} /> : null}
      {report ? null : (
        <label className="checkbox">
          <input type="checkbox" checked={transfer} onChange={(event) => setTransfer(event.target.checked)} />
          Transfer the remaining members to a unit
        </label>
      )}
      {showPicker ? (
        <BodyPicker
          legend="Transfer members to unit"
          startId={body.parentId ?? body.id}
          value={target}
          onChange={setTarget}
          canChoose={(candidate) => isUnitLevel(candidate.level) && !candidate.path.startsWith(body.path)}
          refusal="members can only go to a unit outside the body being dissolved."
        />
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          required
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
        />
        Yes, dissolve {body.name}
        {showPicker && target ? ` and transfer its members to ${target.name}` : ''}
      </label>
      {report ? null : <FormError error={submission.error} />}
      <SubmitRow
        label={`Dissolve ${body.name}`}
        sendingLabel="Dissolving…"
        sending={submission.sending}
        disabled={!confirmed || (showPicker && !target)}
        onCancel={onDone}
        danger
      />
    </form>
  )
}
