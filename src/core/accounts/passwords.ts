import { hash, verify } from '@node-rs/argon2'

/** Shortest password accepted: long passphrases beat composition rules. */
export const MIN_PASSWORD_LENGTH = 10

/** Hashes a password with argon2id (the library's default algorithm) and its default cost. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | null = null

/**
 * A hash of a random string, verified when the e-mail is unknown so that a failed sign-in takes
 * the same time whether or not the account exists (no account enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(`dummy-${Math.random()}-${Date.now()}`)
  return dummyHash
}
