import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { importMembersCsv } from '../../core/members/import-members-csv.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { AppError } from '../../core/shared/errors.ts'
import { progressBar } from '../progress.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

interface RowProblem {
  row: number
  column: string | null
  reason: string
}

/** The 1-based position of each header column, so problems read as file:line:column. */
function headerPositions(file: string): Map<string, number> {
  const firstLine = readFileSync(file, 'utf8').split(/\r?\n/, 1)[0] ?? ''
  return new Map(firstLine.split(',').map((name, index) => [name.trim().replace(/^\uFEFF/, ''), index + 1]))
}

/** `charter import FILE`: all or nothing; every bad row is printed as file:line:column: reason. */
export async function importCommand(file: string, options: DataOptions): Promise<void> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `No such file: ${file}`, { file })
  const { database, clock } = await openRuntime(options)
  const bar = progressBar('import', 1)
  try {
    const result = await importMembersCsv(database, clock, cliActor, {
      input: createReadStream(file),
      onProgress: (progress) => bar.update(progress.rows, Math.max(progress.rows, 1)),
    })
    bar.stop()
    console.log(`imported ${result.count} members (ids ${result.firstMemberId}–${result.lastMemberId})`)
  } catch (error) {
    bar.stop()
    if (error instanceof AppError && error.code === 'IMPORT_REJECTED') {
      const details = error.details as { errors: RowProblem[]; errorCount: number }
      const positions = headerPositions(file)
      for (const problem of details.errors) {
        const column =
          problem.column === null ? '' : `${positions.get(problem.column) ?? 0}: ${problem.column}:`
        console.error(`${file}:${problem.row}:${column} ${problem.reason}`)
      }
      const listed = details.errors.length
      const more = details.errorCount > listed ? ` (${details.errorCount - listed} more not listed)` : ''
      console.error(`${details.errorCount} problem(s)${more}; nothing was imported`)
      process.exitCode = 1
      return
    }
    throw error
  } finally {
    await database.close()
  }
}
