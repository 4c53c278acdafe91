import { createContext, useContext } from 'react'

/** A page's data version: actions bump it, and every list on the page reloads. */
export interface Refresh {
  readonly version: number
  readonly refresh: () => void
}

export const RefreshContext = createContext<Refresh>({ version: 0, refresh: () => {} })

/** The page's refresh version and the function that bumps it. */
export function useRefresh(): Refresh {
  return useContext(RefreshContext)
}
