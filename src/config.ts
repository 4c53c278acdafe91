import { resolve } from 'node:path'
import { z } from 'zod'

/**
 * Every environment variable Charter reads, parsed once at boot. A bad value stops the process
 * with a message naming the variable, before anything is opened.
 */
const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('PostgreSQL server to use; unset means the embedded PGlite database'),
  CHARTER_DATA: z.string().min(1).default('./data').describe('data folder of the embedded database'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('127.0.0.1').describe('address to listen on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHARTER_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('mark session cookies Secure (set behind HTTPS)'),
})

export type Config = {
  readonly database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  readonly port: number
  readonly host: string
  readonly logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL']
  readonly secureCookies: boolean
}

export class ConfigError extends Error {}

/** Parses the environment (and CLI overrides) into the one Config the process uses. */
export function loadConfig(
  environment: NodeJS.ProcessEnv,
  overrides: { port?: number; dataDir?: string } = {},
): Config {
  const result = environmentSchema.safeParse(environment)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`)
  }
  const env = result.data
  return {
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(overrides.dataDir ?? env.CHARTER_DATA) },
    port: overrides.port ?? env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    secureCookies: env.CHARTER_SECURE_COOKIES,
  }
}
