import type { Executor } from '../../db/client.ts'
import { AppError } from '../shared/errors.ts'
import { type CharterVersion, findCharterVersion } from './charter-in-force.ts'

/** A version with the file as adopted (comments included) and its fingerprint. */
export interface CharterVersionDetail extends CharterVersion {
  readonly source: string
  readonly sourceSha256: string
  readonly adoptedAt: Date
}

/** One version by id, with its source; NOT_FOUND when there is none. */
export async function getCharterVersion(db: Executor, versionId: number): Promise<CharterVersionDetail> {
  const version = await findCharterVersion(db, versionId)
  const extra = await db
    .selectFrom('charter_versions')
    .select(['source', 'source_sha256', 'adopted_at'])
    .where('id', '=', versionId)
    .executeTakeFirst()
  if (!version || !extra) {
    throw new AppError('NOT_FOUND', `No charter version with id ${versionId}`, { versionId })
  }
  return {
    ...version,
    source: extra.source,
    sourceSha256: extra.source_sha256,
    adoptedAt: new Date(extra.adopted_at),
  }
}
