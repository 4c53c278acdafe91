import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type Database, openDatabase } from '../../src/db/client.ts'

/** The `charter` command's entry point, run by the CLI tests in a child process. */
export const CHARTER = fileURLToPath(new URL('../../bin/charter.js', import.meta.url))

/** What one run of the command gave: its exit code and everything it printed. */
export interface CharterRun {
  code: number
  stdout: string
  stderr: string
}

/** Where a run's database is: a server database URL (which wins), else a PGlite data folder. */
export interface CharterDatabase {
  readonly databaseUrl: string | null
  readonly dataDir: string
}

/** Runs the real `charter` command in a child process (silent logs) on the given database, from `cwd`. */
export function runCharter(
  args: readonly string[],
  { databaseUrl, dataDir, cwd }: CharterDatabase & { readonly cwd: string },
): Promise<CharterRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', CHARTER_DATA: dataDir }
  if (databaseUrl) env.DATABASE_URL = databaseUrl
  else delete env.DATABASE_URL
  return new Promise((resolve) => {
    execFile(process.execPath, [CHARTER, ...args], { env, cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

/** Opens in this process the database a run used (the child has exited, so PGlite's folder is free). */
export function openTestDatabase({ databaseUrl, dataDir }: CharterDatabase, poolSize = 2): Promise<Database> {
  return databaseUrl
    ? openDatabase({ kind: 'postgres', url: databaseUrl, poolSize })
    : openDatabase({ kind: 'pglite', dataDir })
}
