import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { z } from 'zod'
import { appendEvent } from '../events/append-event.ts'
import { isoDateSchema, parseInput } from '../members/schemas.ts'
import { getBody } from '../orgs/get-body.ts'
import { readLevels } from '../orgs/organisation-settings.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { type CharterVersion, findCharterVersion } from './charter-in-force.ts'
import { countRules } from './rule-summary.ts'
import { parseCharterSource } from './validate-charter-document.ts'

/** The decision that adopts a version: a congress, a conference or a committee, on a date. */
export const decisionSchema = z.object({
  kind: z.enum(['congress', 'conference', 'committee']),
  title: z.string().trim().min(1).max(200),
  decidedOn: isoDateSchema,
  /** The deciding body; the root body when absent. */
  bodyId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
})

const adoptionSchema = z.object({ decision: decisionSchema, effectiveFrom: isoDateSchema })

export interface AdoptCharterInput {
  /** The document as written (YAML or JSON); stored verbatim, comments included. */
  readonly source: string
  /** Names the file in messages. */
  readonly fileName?: string
  readonly decision: z.input<typeof decisionSchema>
  readonly effectiveFrom: string
}

async function decidingBody(ctx: UseCaseContext, bodyId: number | undefined) {
  if (bodyId !== undefined) {
    const body = await getBody(ctx.db, bodyId)
    if (body.status === 'dissolved') {
      throw new AppError('BODY_DISSOLVED', `Body ${bodyId} is dissolved and decides nothing`, { bodyId })
    }
    return body
  }
  const root = await ctx.db
    .selectFrom('bodies')
    .selectAll()
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!root) throw new AppError('BODY_NOT_FOUND', 'The organisation has no root body to adopt a charter')
  return root
}

/**
 * Records a new version of the charter, adopted by a decision and in force from `effectiveFrom`.
 * Nothing is written unless the document validates (CHARTER_INVALID with every issue), its levels
 * are the organisation's (LEVEL_MISMATCH), and no other version takes effect that day (DUPLICATE).
 * Versions may be recorded out of order (a history entered afterwards): the one in force at a date
 * is always the latest effective on or before it.
 */
export async function adoptCharter(ctx: UseCaseContext, input: AdoptCharterInput): Promise<CharterVersion> {
  const { decision, effectiveFrom } = parseInput(adoptionSchema, input, 'adoption')
  const document = parseCharterSource(input.source, input.fileName)
  if (effectiveFrom < decision.decidedOn) {
    const message = `A version cannot take effect (${effectiveFrom}) before it was decided (${decision.decidedOn})`
    throw invalidInput(message, [{ path: 'effectiveFrom', message }])
  }

  const organisationLevels = await readLevels(ctx.db)
  if (document.levels.join('/') !== organisationLevels.join('/')) {
    throw new AppError(
      'LEVEL_MISMATCH',
      `The charter's levels (${document.levels.join(', ')}) are not the organisation's (${organisationLevels.join(', ')})`,
      { charterLevels: document.levels, organisationLevels },
    )
  }

  const clash = await ctx.db
    .selectFrom('charter_versions')
    .select(['id', 'name'])
    .where('effective_from', '=', effectiveFrom)
    .executeTakeFirst()
  if (clash) {
    throw new AppError(
      'DUPLICATE',
      `Version ${clash.id} ("${clash.name}") already takes effect on ${effectiveFrom}`,
      {
        effectiveFrom,
        versionId: clash.id,
      },
    )
  }

  const body = await decidingBody(ctx, decision.bodyId)
  // The event names the version, and the version row names its event: take the id first.
  const { id } = await sql<{
    id: number
  }>`select nextval(pg_get_serial_sequence('charter_versions', 'id'))::int8 as id`
    .execute(ctx.db)
    .then((r) => r.rows[0] as { id: number })
  const versionId = Number(id)
  const sourceSha256 = createHash('sha256').update(input.source).digest('hex')
  const decisionPayload = {
    kind: decision.kind,
    title: decision.title,
    decidedOn: decision.decidedOn,
    bodyId: body.id,
  }
  const eventId = await appendEvent(
    ctx,
    {
      type: 'charter.adopted',
      payload: {
        versionId,
        name: document.name,
        effectiveFrom,
        decision: decisionPayload,
        sourceSha256,
        ruleCount: countRules(document).total,
      },
    },
    { bodyId: body.id, regionId: body.region_id, subject: { kind: 'charter_version', id: versionId } },
  )
  await ctx.db
    .insertInto('charter_versions')
    .values({
      id: versionId,
      name: document.name,
      document: JSON.stringify(document),
      source: input.source,
      source_sha256: sourceSha256,
      decision_kind: decision.kind,
      decision_title: decision.title,
      decided_on: decision.decidedOn,
      decision_body_id: body.id,
      effective_from: effectiveFrom,
      adopted_at: ctx.clock.now(),
      event_id: eventId,
    })
    .execute()
  const version = await findCharterVersion(ctx.db, versionId)
  if (!version) throw new Error(`charter version ${versionId} vanished after insert`)
  return version
}
