import { ApiError } from '../../api/client.ts'

/** Who is still in a body that refused to dissolve (BODY_NOT_EMPTY details). */
export interface NotEmptyReport {
  readonly memberCount: number
  /** The first ids only; memberCount is exact. */
  readonly memberIds: readonly number[]
}

/** The report of a BODY_NOT_EMPTY answer, or null for any other error. */
export function notEmptyReport(error: Error | null): NotEmptyReport | null {
  if (!(error instanceof ApiError) || error.code !== 'BODY_NOT_EMPTY') return null
  const details = error.details as { memberCount?: unknown; memberIds?: unknown }
  const memberIds = Array.isArray(details.memberIds)
    ? details.memberIds.filter((id): id is number => typeof id === 'number')
    : []
  const memberCount = typeof details.memberCount === 'number' ? details.memberCount : memberIds.length
  return { memberCount, memberIds }
}
