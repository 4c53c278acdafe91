import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { collectPersonalData } from './collect-personal-data.ts'
import type { PersonalDataDocument } from './personal-data.ts'

/**
 * The member's own document for download, and `personal_data.exported` on the log (exports are
 * events; the payload names the member by id only). MEMBER_NOT_FOUND.
 */
export async function exportPersonalData(
  ctx: UseCaseContext,
  input: { readonly memberId: number },
): Promise<PersonalDataDocument> {
  const document = await collectPersonalData(ctx.db, {
    memberId: input.memberId,
    generatedAt: ctx.clock.now(),
  })
  await appendEvent(
    ctx,
    { type: 'personal_data.exported', payload: { memberId: input.memberId } },
    {
      bodyId: document.member.unitId,
      regionId: document.member.regionId,
      subject: { kind: 'member', id: input.memberId },
    },
  )
  return document
}
