import type { Executor } from '../../db/client.ts'
import type { Clock } from '../shared/clock.ts'

/** Placeholder until the roll-ups land in this session (helper C replaces it). */
export async function takeAuditSnapshots(_db: Executor, _clock: Clock, _onDate: string): Promise<number> {
  return 0
}
