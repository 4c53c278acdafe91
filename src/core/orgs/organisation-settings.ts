import { z } from 'zod'
import type { Executor } from '../../db/client.ts'

/** The default level names, from the top of the tree to its base organisations. */
export const DEFAULT_LEVELS = ['central', 'region', 'district', 'unit'] as const

/** Unit kinds; `custom:<name>` covers anything else an organisation keeps. */
export const UNIT_KINDS = ['factory', 'village', 'army', 'office', 'school'] as const
export const unitKindSchema = z.union([
  z.enum(UNIT_KINDS),
  z.string().regex(/^custom:[a-z0-9][a-z0-9 _-]{0,40}$/, 'custom kinds look like custom:<name>'),
])

export const organisationSettingsSchema = z.object({
  name: z.string().min(1).max(200),
  levels: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/))
    .min(2)
    .max(12),
  /** Absent for a real organisation (real clock); set for an organisation living at another date. */
  clock: z.object({ organisationStart: z.string().datetime(), realStart: z.string().datetime() }).optional(),
})

export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>

/** Reads the organisation's settings, or null before the organisation is configured. */
export async function readOrganisationSettings(db: Executor): Promise<OrganisationSettings | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'organisation')
    .executeTakeFirst()
  return row ? organisationSettingsSchema.parse(row.value) : null
}

/** The configured level names, or the defaults. The last level holds the base organisations. */
export async function readLevels(db: Executor): Promise<readonly string[]> {
  return (await readOrganisationSettings(db))?.levels ?? DEFAULT_LEVELS
}
