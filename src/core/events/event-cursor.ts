import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { readSealableEvents } from './read-sealable-events.ts'
import type { SealableEvent } from './seal-hash.ts'

const PAGE = 5_000

/** Reads all events in id order, one keyset page at a time, with a one-event look-ahead. */
export class EventCursor {
  private readonly db: Kysely<DB>
  private page: SealableEvent[] = []
  private index = 0
  private after = Number.MIN_SAFE_INTEGER
  private exhausted = false

  constructor(db: Kysely<DB>) {
    this.db = db
  }

  /** The next event without consuming it, or null at the end of the table. */
  async peek(): Promise<SealableEvent | null> {
    if (this.index >= this.page.length && !this.exhausted) {
      this.page = await readSealableEvents(this.db, this.after, PAGE)
      this.index = 0
      this.exhausted = this.page.length < PAGE
      const last = this.page[this.page.length - 1]
      if (last) this.after = last.id
    }
    return this.page[this.index] ?? null
  }

  /** Consumes the event that peek() returned. */
  async next(): Promise<void> {
    await this.peek()
    this.index += 1
  }
}
