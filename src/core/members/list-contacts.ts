import { z } from 'zod'
import type { Executor } from '../../db/client.ts'
import type { ContactRow } from './add-contact.ts'
import { decodeCursor, encodeCursor } from './schemas.ts'

export interface ContactPage {
  readonly items: readonly ContactRow[]
  readonly nextCursor: string | null
}

const cursorShape = z.tuple([z.number().int()])

/** The contacts kept by one body, oldest first, one keyset page at a time (index contacts_body). */
export async function listContacts(
  db: Executor,
  input: { bodyId: number; limit: number; after?: string },
): Promise<ContactPage> {
  const limit = Math.min(Math.max(Math.trunc(input.limit), 1), 1000)
  let query = db.selectFrom('contacts').selectAll().where('body_id', '=', input.bodyId)
  if (input.after) query = query.where('id', '>', decodeCursor(input.after, cursorShape)[0])
  const rows = await query
    .orderBy('id')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null }
}
