import { appendEvent } from '../events/append-event.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError, invalidInput } from '../shared/errors.ts'
import { type OrganisationSettings, organisationSettingsSchema, readLevels } from './organisation-settings.ts'

export interface ConfigureOrganisationInput {
  readonly name: string
  readonly levels: readonly string[]
  readonly clock?: OrganisationSettings['clock']
}

/**
 * Stores the organisation's name, level names and clock (an upsert of the 'organisation'
 * settings row). Level names are frozen once bodies exist: every body's `level` refers to them.
 */
export async function configureOrganisation(
  ctx: UseCaseContext,
  input: ConfigureOrganisationInput,
): Promise<OrganisationSettings> {
  const parsed = organisationSettingsSchema.safeParse({
    name: input.name.trim(),
    levels: [...input.levels],
    ...(input.clock ? { clock: input.clock } : {}),
  })
  if (!parsed.success) {
    throw invalidInput(
      'Invalid organisation settings',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    )
  }
  const settings = parsed.data
  if (new Set(settings.levels).size !== settings.levels.length) {
    throw invalidInput('Level names must be distinct', [{ path: 'levels', message: 'names repeat' }])
  }

  const current = await readLevels(ctx.db)
  const unchanged =
    current.length === settings.levels.length && current.every((level, i) => level === settings.levels[i])
  if (!unchanged) {
    const anyBody = await ctx.db.selectFrom('bodies').select('id').limit(1).executeTakeFirst()
    if (anyBody) {
      throw new AppError('CONFLICT', 'Level names cannot change once bodies exist', {
        current,
        requested: settings.levels,
      })
    }
  }

  const value = JSON.stringify(settings)
  await ctx.db
    .insertInto('settings')
    .values({ key: 'organisation', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
  await appendEvent(ctx, {
    type: 'organisation.configured',
    payload: { name: settings.name, levels: settings.levels },
  })
  return settings
}
