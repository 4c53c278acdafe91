import { InvalidArgumentError } from 'commander'

/** Parses a commander option as an integer of at least `min`; underscores are allowed (`2_000_000`). */
function integerAtLeast(value: string, min: number, message: string): number {
  const parsed = Number(value.replaceAll('_', ''))
  if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(message)
  return parsed
}

/** Commander parser for a positive integer option (`1`, `20_000`). */
export const positive = (value: string): number => integerAtLeast(value, 1, 'expected a positive integer')

/** Commander parser for a whole number option that may be 0 (`0` to skip, `1_000`). */
export const wholeNumber = (value: string): number => integerAtLeast(value, 0, 'expected a whole number')
