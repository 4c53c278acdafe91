import { createHash, randomBytes } from 'node:crypto'

/** A fresh session token: 32 random bytes, base64url (what the cookie carries). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the sessions table stores: SHA-256 of the token, so a database copy cannot be replayed. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
