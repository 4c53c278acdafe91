import type { Executor } from '../../db/client.ts'
import { AppError } from '../shared/errors.ts'
import { type CharterDocument, charterDocumentShape } from './document-schema.ts'

/** One adopted version of the charter, as the engine reads it. */
export interface CharterVersion {
  readonly versionId: number
  readonly name: string
  readonly effectiveFrom: string
  readonly decision: {
    readonly kind: 'congress' | 'conference' | 'committee'
    readonly title: string
    readonly decidedOn: string
    readonly bodyId: number
  }
  readonly document: CharterDocument
}

// Versions never change once adopted, so a parsed document is cached; the query that picks the
// version for a date still runs every time (a new adoption is seen at once). The key pairs the id
// with the source's digest because one process may open several databases (tests, benchmarks),
// where the same id names different documents.
const parsedDocuments = new Map<string, CharterDocument>()

type VersionRow = {
  id: number
  name: string
  effective_from: string
  decision_kind: CharterVersion['decision']['kind']
  decision_title: string
  decided_on: string
  decision_body_id: number
  source_sha256: string
}

/**
 * The version with its parsed document. The document (tens of kilobytes of JSON) is read from the
 * table only on a cache miss: the row query that picks the version leaves it out, so every rule
 * lookup after the first costs one small row, not a JSON decode.
 */
async function toVersion(db: Executor, row: VersionRow): Promise<CharterVersion> {
  const key = `${row.id}:${row.source_sha256}`
  let document = parsedDocuments.get(key)
  if (!document) {
    const stored = await db
      .selectFrom('charter_versions')
      .select('document')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    document = charterDocumentShape.parse(stored.document)
    parsedDocuments.set(key, document)
  }
  return {
    versionId: row.id,
    name: row.name,
    effectiveFrom: row.effective_from,
    decision: {
      kind: row.decision_kind,
      title: row.decision_title,
      decidedOn: row.decided_on,
      bodyId: row.decision_body_id,
    },
    document,
  }
}

const versionColumns = [
  'id',
  'name',
  'effective_from',
  'decision_kind',
  'decision_title',
  'decided_on',
  'decision_body_id',
  'source_sha256',
] as const

/** The version in force on `date` (YYYY-MM-DD), or null when none had taken effect by then. */
export async function findCharterInForce(db: Executor, date: string): Promise<CharterVersion | null> {
  const row = await db
    .selectFrom('charter_versions')
    .select(versionColumns)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toVersion(db, row) : null
}

/** The version in force on `date`; CHARTER_NOT_ADOPTED when there is none. */
export async function charterInForce(db: Executor, date: string): Promise<CharterVersion> {
  const version = await findCharterInForce(db, date)
  if (!version) {
    throw new AppError('CHARTER_NOT_ADOPTED', `No charter version was in force on ${date}`, { date })
  }
  return version
}

/** A version by id (for a mandate's version, say); null when there is none. */
export async function findCharterVersion(db: Executor, versionId: number): Promise<CharterVersion | null> {
  const row = await db
    .selectFrom('charter_versions')
    .select(versionColumns)
    .where('id', '=', versionId)
    .executeTakeFirst()
  return row ? toVersion(db, row) : null
}
