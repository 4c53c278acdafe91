import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { exportMembersCsv } from '../../core/members/export-members-csv.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

/** `charter export --body ID`: the subtree's members as CSV, recorded as an export event. */
export async function exportCommand(options: DataOptions & { body: number; out?: string }): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const chunks = exportMembersCsv(
      { db: database.db, clock, actor: cliActor },
      { scopeBodyId: options.body },
    )
    const target = options.out ? createWriteStream(options.out) : process.stdout
    await pipeline(Readable.from(chunks), target, { end: options.out !== undefined })
    if (options.out) console.error(`exported to ${options.out}`)
  } finally {
    await database.close()
  }
}
