import { createContext, useContext } from 'react'
import type { Organisation } from '../api/types.ts'

/** The organisation (name, levels, its date) once loaded; null before. */
export const OrganisationContext = createContext<Organisation | null>(null)

/** The organisation's calendar date 'YYYY-MM-DD' (its own clock), or null while it loads. */
export function useOrganisationToday(): string | null {
  return useContext(OrganisationContext)?.today ?? null
}
