import { electionRuleFor } from '../charter/charter-rules.ts'
import type { CharterDocument, ElectionRule, Justification, PostRule } from '../charter/document-schema.ts'
import { AppError } from '../shared/errors.ts'

/** The two bodies of an appointment, as the rule needs them. */
export interface AppointmentPlace {
  readonly body: { readonly id: number; readonly parentId: number | null; readonly path: string }
  readonly appointingBody: { readonly id: number; readonly level: string; readonly path: string }
}

/** What allowed an appointment: the deciding rule and, for an elective post, the justification. */
export interface AppointmentAllowance {
  readonly ruleId: string
  /** Null for a post the charter does not require to be elected. */
  readonly justification: Justification | null
}

/**
 * Whether a body may appoint to a post of `body` under the post's election rule: `parent` is the
 * body directly above, a list of levels means any body above at one of them, no `appointment`
 * section means no one. A post that is not elective (rule null) may be filled by the body itself
 * or any body above it.
 */
export function mayAppoint(rule: ElectionRule | null, place: AppointmentPlace): boolean {
  const { body, appointingBody } = place
  if (rule === null) return body.path.startsWith(appointingBody.path)
  const by = rule.appointment?.by
  if (by === undefined) return false
  if (by === 'parent') return appointingBody.id === body.parentId
  const isAncestor = body.path.startsWith(appointingBody.path) && body.path !== appointingBody.path
  return isAncestor && by.includes(appointingBody.level)
}

function refuse(message: string, details: object): AppError {
  return new AppError('APPOINTMENT_NOT_ALLOWED', message, details)
}

/**
 * May this post be filled by appointment, by this body, for this reason? For an elective post the
 * election rule decides: it must have an `appointment` section, the justification must be one it
 * lists, and the appointing body must be the one it names (`parent`, or an ancestor at one of the
 * listed levels). A post the charter does not make elective may be filled by the body itself or
 * any body above it, with no justification. Pure: every refusal names the rule that decided.
 */
export function checkAppointment(
  document: CharterDocument,
  post: PostRule,
  place: AppointmentPlace,
  justificationId: string | null,
): AppointmentAllowance {
  const { body, appointingBody } = place
  const rule = electionRuleFor(document, post.post)
  if (rule === null) {
    if (justificationId !== null) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${post.post} is not elective; an appointment to it needs no justification`,
        {
          ruleId: post.id,
          issues: [{ path: 'justification', message: 'not needed for a post that is not elective' }],
        },
      )
    }
    if (!mayAppoint(null, place)) {
      throw refuse(`Only body ${body.id} or a body above it may appoint its ${post.post}`, {
        ruleId: post.id,
        appointedByBodyId: appointingBody.id,
      })
    }
    return { ruleId: post.id, justification: null }
  }

  const allowed = rule.appointment?.justifications ?? []
  const allowedJustifications = allowed.map((j) => ({ id: j.id, text: j.text, maxMonths: j.maxMonths }))
  if (!rule.appointment) {
    throw refuse(`The charter requires ${post.post} to be elected and allows no appointment (${rule.id})`, {
      ruleId: rule.id,
      justification: justificationId,
      allowedJustifications,
    })
  }
  const justification = allowed.find((j) => j.id === justificationId)
  if (!justification) {
    const given = justificationId === null ? 'without a justification' : `with "${justificationId}"`
    throw refuse(
      `The charter requires ${post.post} to be elected; it may be appointed only with one of: ` +
        `${allowed.map((j) => j.id).join(', ')} (${rule.id}), not ${given}`,
      { ruleId: rule.id, justification: justificationId, allowedJustifications },
    )
  }
  const by = rule.appointment.by
  if (!mayAppoint(rule, place)) {
    const who = by === 'parent' ? 'the body directly above' : `a body above at level ${by.join(' or ')}`
    throw refuse(`Only ${who} may appoint the ${post.post} of body ${body.id} (${rule.id})`, {
      ruleId: rule.id,
      appointedByBodyId: appointingBody.id,
      allowedBy: by,
    })
  }
  return { ruleId: rule.id, justification }
}
