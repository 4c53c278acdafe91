import type { Executor } from '../../db/client.ts'
import { type Clock, toIsoDate } from '../shared/clock.ts'
import type { CharterVersion } from './charter-in-force.ts'
import type { CharterDocument } from './document-schema.ts'
import { countRules } from './rule-summary.ts'

/** Where a version stands on a date: not yet in effect, in force, or replaced by a later one. */
export type VersionStatus = 'scheduled' | 'in-force' | 'superseded'

/** One adopted version as a list shows it (without its document or source). */
export interface CharterVersionSummary {
  readonly versionId: number
  readonly name: string
  readonly effectiveFrom: string
  readonly decision: CharterVersion['decision']
  readonly adoptedAt: Date
  readonly sourceSha256: string
  readonly ruleCount: number
  readonly status: VersionStatus
}

/**
 * Every adopted version, newest effective date first, each marked by where it stands today on the
 * organisation's clock: exactly one is in force once any has taken effect. Versions are few (one
 * per congress), so the list is not paginated.
 */
export async function listCharterVersions(ctx: {
  readonly db: Executor
  readonly clock: Clock
}): Promise<{ readonly today: string; readonly items: CharterVersionSummary[] }> {
  const today = toIsoDate(ctx.clock.now())
  const rows = await ctx.db
    .selectFrom('charter_versions')
    .select([
      'id',
      'name',
      'effective_from',
      'decision_kind',
      'decision_title',
      'decided_on',
      'decision_body_id',
      'adopted_at',
      'source_sha256',
      'document',
    ])
    .orderBy('effective_from', 'desc')
    .execute()
  const inForceId = rows.find((row) => row.effective_from <= today)?.id ?? null
  const items = rows.map((row) => ({
    versionId: row.id,
    name: row.name,
    effectiveFrom: row.effective_from,
    decision: {
      kind: row.decision_kind,
      title: row.decision_title,
      decidedOn: row.decided_on,
      bodyId: row.decision_body_id,
    },
    adoptedAt: new Date(row.adopted_at),
    sourceSha256: row.source_sha256,
    // The stored document was validated at adoption, defaults filled in: every family is there.
    ruleCount: countRules(row.document as CharterDocument).total,
    status: (row.effective_from > today
      ? 'scheduled'
      : row.id === inForceId
        ? 'in-force'
        : 'superseded') as VersionStatus,
  }))
  return { today, items }
}
