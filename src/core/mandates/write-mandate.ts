import type { MandateRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { isFirstMandate, nextMandateId } from './mandate-support.ts'

/** How a mandate was obtained, with what each way records. */
export type MandateOrigin =
  | { readonly how: 'elected'; readonly electionId: number | null; readonly ruleId: string | null }
  | {
      readonly how: 'appointed'
      readonly appointedByBodyId: number
      readonly justification: string | null
      readonly ruleId: string | null
    }

/** A mandate about to begin, every check already passed. */
export interface NewMandate {
  readonly regionId: number
  readonly memberId: number
  readonly bodyId: number
  readonly post: string
  readonly startsOn: string
  readonly endsOn: string
  readonly charterVersionId: number
  readonly origin: MandateOrigin
}

/**
 * Writes a mandate and its event (`mandate.elected` or `mandate.appointed`) in the caller's
 * transaction, marking the member's first mandate ("promoted from the ranks"). The id is drawn
 * first so the event can name the mandate it records.
 */
export async function writeMandate(ctx: UseCaseContext, mandate: NewMandate): Promise<MandateRow> {
  const firstMandate = await isFirstMandate(ctx.db, mandate.memberId, mandate.startsOn)
  const mandateId = await nextMandateId(ctx.db)
  const common = {
    memberId: mandate.memberId,
    bodyId: mandate.bodyId,
    post: mandate.post,
    startsOn: mandate.startsOn,
    endsOn: mandate.endsOn,
    charterVersionId: mandate.charterVersionId,
    firstMandate,
  }
  const { origin } = mandate
  const eventId = await appendEvent(
    ctx,
    origin.how === 'elected'
      ? { type: 'mandate.elected', payload: { ...common, electionId: origin.electionId } }
      : {
          type: 'mandate.appointed',
          payload: {
            ...common,
            appointedByBodyId: origin.appointedByBodyId,
            justification: origin.justification,
            ruleId: origin.ruleId,
          },
        },
    { bodyId: mandate.bodyId, regionId: mandate.regionId, subject: { kind: 'mandate', id: mandateId } },
  )
  return ctx.db
    .insertInto('mandates')
    .values({
      id: mandateId,
      region_id: mandate.regionId,
      member_id: mandate.memberId,
      body_id: mandate.bodyId,
      post: mandate.post,
      starts_on: mandate.startsOn,
      ends_on: mandate.endsOn,
      how: origin.how,
      election_id: origin.how === 'elected' ? origin.electionId : null,
      appointed_by_body_id: origin.how === 'appointed' ? origin.appointedByBodyId : null,
      justification: origin.how === 'appointed' ? origin.justification : null,
      rule_id: origin.ruleId,
      charter_version_id: mandate.charterVersionId,
      first_mandate: firstMandate,
      event_id: eventId,
      created_at: ctx.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}
