import { sealEvents } from '../../core/events/seal-events.ts'
import { verifyLog } from '../../core/events/verify-log.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

/** `charter seal`: seals every committed event now. */
export async function sealCommand(options: DataOptions): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    let total = 0
    for (;;) {
      const result = await sealEvents(database.db, clock, {})
      total += result.sealedEvents
      if (result.sealedEvents === 0) break
    }
    console.log(`sealed ${total} events`)
  } finally {
    await database.close()
  }
}

/** `charter verify-log`: exit 0 when every seal recomputes, 1 naming the first tampered event. */
export async function verifyLogCommand(options: DataOptions): Promise<void> {
  const { database } = await openRuntime(options)
  try {
    const result = await verifyLog(database.db, {})
    if (result.ok) {
      console.log(
        `log intact: ${result.eventsChecked} events in ${result.sealsChecked} seals verified; ` +
          `${result.unsealedEvents} newer events not yet sealed`,
      )
      // Publishing this hash outside the database anchors the chain: a rewrite that recomputes
      // every seal still changes it.
      if (result.lastSealHash) console.log(`latest seal hash: ${result.lastSealHash}`)
      return
    }
    const { problem } = result
    console.error(
      `LOG TAMPERED: ${problem.kind} event ${problem.eventId} (seal ${problem.sealId}): ${problem.message}`,
    )
    process.exitCode = 1
  } finally {
    await database.close()
  }
}
