import type { BodyRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { validName } from './create-body.ts'
import { getBody } from './get-body.ts'

export interface RenameBodyInput {
  readonly bodyId: number
  readonly name: string
}

/** Renames an active body. Renaming to the same name changes nothing and writes no event. */
export async function renameBody(ctx: UseCaseContext, input: RenameBodyInput): Promise<BodyRow> {
  const name = validName(input.name)
  const body = await getBody(ctx.db, input.bodyId)
  if (body.status === 'dissolved') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is dissolved`, { bodyId: body.id })
  }
  if (body.name === name) return body
  const renamed = await ctx.db
    .updateTable('bodies')
    .set({ name })
    .where('id', '=', body.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    { type: 'body.renamed', payload: { from: body.name, to: name } },
    { bodyId: body.id, regionId: body.region_id, subject: { kind: 'body', id: body.id } },
  )
  return renamed
}
