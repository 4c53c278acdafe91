import { sql } from 'kysely'
import type { BodyRow } from '../../db/schema.ts'
import { appendEvent } from '../events/append-event.ts'
import { alignHistoryRegion } from '../members/align-history-region.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { getBody } from './get-body.ts'
import { readLevels } from './organisation-settings.ts'
import { bodyRegion, inSubtree, isUnitLevel } from './tree.ts'

export interface DissolveBodyInput {
  readonly bodyId: number
  /** An active unit outside the subtree that receives every member who has not left. */
  readonly transferMembersTo?: number
}

export interface DissolveBodyResult {
  readonly bodiesDissolved: number
  readonly membersTransferred: number
  readonly eventId: number
}

/** How many member ids a BODY_NOT_EMPTY refusal lists; the count is always exact. */
export const NOT_EMPTY_REPORT_LIMIT = 100

/**
 * Dissolves a body and its whole subtree. Members who have not left must go somewhere: they are
 * transferred set-based to `transferMembersTo` (one member_transfers row each, pointing at the
 * event), or the dissolution is refused with BODY_NOT_EMPTY listing who is still there.
 * Members who left keep their old unit: it is history.
 */
export async function dissolveBody(
  ctx: UseCaseContext,
  input: DissolveBodyInput,
): Promise<DissolveBodyResult> {
  const body = await getBody(ctx.db, input.bodyId)
  if (body.parent_id === null) {
    throw new AppError('INVALID_MOVE', 'The root body cannot be dissolved', { bodyId: body.id })
  }
  if (body.status === 'dissolved') {
    throw new AppError('BODY_DISSOLVED', `Body ${body.id} is already dissolved`, { bodyId: body.id })
  }
  const target =
    input.transferMembersTo === undefined ? null : await transferTarget(ctx, body, input.transferMembersTo)

  const stillThere = ctx.db
    .selectFrom('members')
    .where(inSubtree('unit_path', body.path))
    .where('status', '<>', 'left')
  const { count } = await stillThere
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  const memberCount = Number(count)
  if (memberCount > 0 && target === null) {
    const first = await stillThere.select('id').orderBy('id').limit(NOT_EMPTY_REPORT_LIMIT).execute()
    throw new AppError('BODY_NOT_EMPTY', `${memberCount} members still belong to body ${body.id} or below`, {
      bodyId: body.id,
      memberCount,
      memberIds: first.map((m) => m.id),
    })
  }
  const { bodies } = await ctx.db
    .selectFrom('bodies')
    .select((eb) => eb.fn.countAll<number>().as('bodies'))
    .where(inSubtree('path', body.path))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow()

  // The event comes first: each transfer row records the id of the event that caused it.
  const eventId = await appendEvent(
    ctx,
    {
      type: 'body.dissolved',
      payload: {
        membersTransferredTo: target?.id ?? null,
        membersAffected: memberCount,
        bodiesDissolved: Number(bodies),
      },
    },
    { bodyId: body.id, regionId: body.region_id, subject: { kind: 'body', id: body.id } },
  )

  if (target !== null && memberCount > 0) {
    const regionId = bodyRegion(target)
    const onDate = toIsoDate(ctx.clock.now())
    await ctx.db
      .insertInto('member_transfers')
      .columns(['member_id', 'region_id', 'from_unit_id', 'to_unit_id', 'on_date', 'event_id'])
      .expression(
        stillThere.select([
          'id',
          sql<number>`${regionId}::int8`.as('region_id'),
          'unit_id',
          sql<number>`${target.id}::int8`.as('to_unit_id'),
          sql<string>`${onDate}::date`.as('on_date'),
          sql<number>`${eventId}::int8`.as('event_id'),
        ]),
      )
      .execute()
    await ctx.db
      .updateTable('members')
      .set({ unit_id: target.id, unit_path: target.path, region_id: regionId, updated_at: ctx.clock.now() })
      .where(inSubtree('unit_path', body.path))
      .where('status', '<>', 'left')
      .execute()
    await alignHistoryRegion(ctx.db, regionId, { unitPathPrefix: target.path })
  }

  await ctx.db
    .updateTable('bodies')
    .set({ status: 'dissolved', dissolved_at: ctx.clock.now() })
    .where(inSubtree('path', body.path))
    .where('status', '=', 'active')
    .execute()
  return { bodiesDissolved: Number(bodies), membersTransferred: target ? memberCount : 0, eventId }
}

async function transferTarget(ctx: UseCaseContext, body: BodyRow, targetId: number): Promise<BodyRow> {
  const target = await getBody(ctx.db, targetId)
  if (!isUnitLevel(await readLevels(ctx.db), target.level)) {
    throw new AppError(
      'NOT_A_UNIT',
      `Members can only be transferred to a unit; body ${target.id} is a ${target.level}`,
      {
        bodyId: target.id,
        level: target.level,
      },
    )
  }
  if (target.path.startsWith(body.path)) {
    throw new AppError('INVALID_MOVE', `Body ${target.id} is dissolved with body ${body.id}`, {
      bodyId: body.id,
      transferMembersTo: target.id,
    })
  }
  if (target.status === 'dissolved') {
    throw new AppError('BODY_DISSOLVED', `Body ${target.id} is dissolved`, { bodyId: target.id })
  }
  return target
}
