import type { Executor } from '../../db/client.ts'
import type { Actor } from './actor.ts'
import type { Clock } from './clock.ts'

/** What every use case runs with: a transaction (or the database), the clock, and who acts. */
export interface UseCaseContext {
  readonly db: Executor
  readonly clock: Clock
  readonly actor: Actor
}
