import { z } from 'zod'

/**
 * C0 controls other than tab, line feed and carriage return, and lone UTF-16 surrogates: none is
 * text a person wrote, and PostgreSQL refuses NUL outright (better a named field than a 22P05).
 */
function isPlain(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false
    }
  }
  return true
}

/**
 * Free text a member writes (a title, a proposal, a comment): trimmed, between `min` and `max`
 * characters, and free of control characters and broken surrogates, so every refusal names its
 * field instead of surfacing as a database error.
 */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `at least ${min} characters`)
    .max(max, `at most ${max} characters`)
    .refine(isPlain, 'contains control characters or broken characters')
}
