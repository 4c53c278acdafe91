/**
 * Pure edits of one contest's marks: candidate ids, most preferred first (for marks-only methods
 * the order carries no meaning). Every edit returns a new list, so React sees the change.
 */

export type Marks = readonly number[]

/** Adds a candidate at the end of the ranking (the next preference); no-op if already there. */
export function addToRanking(marks: Marks, candidateId: number): Marks {
  return marks.includes(candidateId) ? marks : [...marks, candidateId]
}

/** Takes a candidate out of the ranking; those below move up one place. */
export function removeFromRanking(marks: Marks, candidateId: number): Marks {
  return marks.filter((id) => id !== candidateId)
}

/** Moves a candidate one place up (-1) or down (+1); at either end it stays where it is. */
export function moveInRanking(marks: Marks, candidateId: number, by: -1 | 1): Marks {
  const from = marks.indexOf(candidateId)
  const to = from + by
  if (from < 0 || to < 0 || to >= marks.length) return marks
  const next = [...marks]
  next[from] = marks[to] as number
  next[to] = candidateId
  return next
}

/**
 * Ticks or unticks a candidate on a marks-only ballot. With `limit` 1 a tick replaces the mark (a
 * radio button); otherwise a tick beyond the limit is refused (the list is returned unchanged).
 */
export function toggleMark(marks: Marks, candidateId: number, limit: number): Marks {
  if (marks.includes(candidateId)) return marks.filter((id) => id !== candidateId)
  if (limit === 1) return [candidateId]
  return marks.length >= limit ? marks : [...marks, candidateId]
}

/** 1 → '1st', 2 → '2nd', 3 → '3rd', 11 → '11th', 22 → '22nd'. */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  switch (n % 10) {
    case 1:
      return `${n}st`
    case 2:
      return `${n}nd`
    case 3:
      return `${n}rd`
    default:
      return `${n}th`
  }
}
