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
  // A pass that fails (a check's bug, the database away) is retried after 1, 2, 4, … passes, up to
  // 64: a failing daily run is the whole audit, and retrying it every second would load the server.
  let failures = 0
  let skip = 0
  return startBackgroundLoop(
    options.intervalMs,
    async () => {
      if (skip > 0) {
        skip -= 1
        return
      }
      try {
        const result = await updateFindings(db, clock)
        failures = 0
        if (result.mode === 'full' || result.mode === 'incremental') options.onPass?.(result)
      } catch (error) {
        failures += 1
        skip = Math.min(2 ** (failures - 1), 64)
        throw error
      }
    },
    options.onError,
  )
}
