import type { Logger } from 'pino'
import type { Principal } from '../core/accounts/principal.ts'
import type { Clock } from '../core/shared/clock.ts'
import type { Database } from '../db/client.ts'

/** What routes need besides the request: the database, the organisation clock, the logger. */
export interface AppDeps {
  readonly database: Database
  readonly clock: Clock
  readonly logger: Logger
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies: boolean
}

/** Hono environment of the Charter API: the signed-in principal (or null) and the dependencies. */
export interface AppEnv {
  Variables: {
    principal: Principal | null
    deps: AppDeps
  }
}
