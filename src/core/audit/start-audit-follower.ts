import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { startBackgroundLoop } from '../shared/background-loop.ts'
import type { Clock } from '../shared/clock.ts'
import { type FollowResult, updateFindings } from './update-findings.ts'

export interface AuditFollowerOptions {
  /** Pause between passes. */
  readonly intervalMs: number
  readonly onError: (error: unknown) => void
  /** Called after a pass that changed something (a full run, or events applied). */
  readonly onPass?: (result: FollowResult) => void
}

/**
 * Keeps the stored findings current for the server: a follower pass every `intervalMs`, one at a
 * time, behind the sealer (it applies sealed events only). Returns `stop()`.
 */
export function startAuditFollower(
  db: Kysely<DB>,
  clock: Clock,
  options: AuditFollowerOptions,
): () => Promise<void> {
  return startBackgroundLoop(
    options.intervalMs,
    async () => {
      const result = await updateFindings(db, clock)
      if (result.mode === 'full' || result.mode === 'incremental') options.onPass?.(result)
    },
    options.onError,
  )
}
