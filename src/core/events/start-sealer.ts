import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { startBackgroundLoop } from '../shared/background-loop.ts'
import type { Clock } from '../shared/clock.ts'
import { type SealOptions, type SealResult, sealEvents } from './seal-events.ts'

export interface SealerOptions extends SealOptions {
  /** Pause between passes. */
  readonly intervalMs: number
  /** Called when a pass fails; the loop carries on with the next pass. */
  readonly onError: (error: unknown) => void
  /** Called after each pass that sealed something. */
  readonly onSealed?: (result: SealResult) => void
}

/**
 * Runs sealer passes in the background for the server, one at a time, `intervalMs` apart.
 * Returns `stop()`, which resolves once a pass that is running has finished.
 */
export function startSealer(db: Kysely<DB>, clock: Clock, options: SealerOptions): () => Promise<void> {
  return startBackgroundLoop(
    options.intervalMs,
    async () => {
      const result = await sealEvents(db, clock, options)
      if (result.sealedEvents > 0) options.onSealed?.(result)
    },
    options.onError,
  )
}
