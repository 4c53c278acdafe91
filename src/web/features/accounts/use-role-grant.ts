import { useState } from 'react'
import type { Body } from '../../api/types.ts'
import { type Submission, useSubmit } from '../../shared/forms/use-submit.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { INITIAL_TARGET, type RoleTargetValue, targetBodyId } from './RoleTarget.tsx'
import { ROLE_LABELS } from './types.ts'

/** What a form that grants a role keeps: the target, its request, and the last success line. */
export interface RoleGrant {
  readonly target: RoleTargetValue
  readonly setTarget: (value: RoleTargetValue) => void
  /** The body the role goes to, or null while "below" has nothing picked. */
  readonly bodyId: number | null
  readonly submission: Submission
  readonly done: string | null
  /**
   * Sends to the target body; on success shows `said(role, where)` (the role in lower case, the
   * body's name) and refreshes the page. Resolves true when it succeeded.
   */
  readonly run: (
    send: (bodyId: number) => Promise<unknown>,
    said: (role: string, where: string) => string,
  ) => Promise<boolean>
}

/** The state shared by the forms that grant a role on this body or one below it. */
export function useRoleGrant(body: Body): RoleGrant {
  const [target, setTarget] = useState<RoleTargetValue>(INITIAL_TARGET)
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const bodyId = targetBodyId(body, target)

  async function run(
    send: (bodyId: number) => Promise<unknown>,
    said: (role: string, where: string) => string,
  ): Promise<boolean> {
    if (bodyId === null) return false
    setDone(null)
    const where = target.where === 'here' ? body.name : (target.below?.name ?? '')
    const ok = await submission.run(() => send(bodyId))
    if (ok) {
      setDone(said(ROLE_LABELS[target.role].toLowerCase(), where))
      refresh()
    }
    return ok
  }

  return { target, setTarget, bodyId, submission, done, run }
}
