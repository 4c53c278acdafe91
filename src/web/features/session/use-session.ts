import { useCallback, useEffect, useState } from 'react'
import { ApiError, apiGet, apiSend, onUnauthenticated } from '../../api/client.ts'
import type { Principal } from '../../api/types.ts'

/** Who is signed in, as far as the app knows. */
export type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'failed'; readonly error: Error }
  | { readonly status: 'signed-in'; readonly principal: Principal }

export interface Session {
  readonly state: SessionState
  readonly signIn: (email: string, password: string) => Promise<void>
  readonly signOut: () => Promise<void>
  readonly recheck: () => void
}

/** Asks GET /me once, then tracks sign-in, sign-out, and any 401 (an expired session). */
export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'checking' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on purpose.
  useEffect(() => {
    let current = true
    apiGet<Principal>('/me').then(
      (principal) => current && setState({ status: 'signed-in', principal }),
      (error: unknown) => {
        if (!current) return
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signed-out' })
        else setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) })
      },
    )
    return () => {
      current = false
    }
  }, [attempt])

  useEffect(() => onUnauthenticated(() => setState({ status: 'signed-out' })), [])

  const signIn = useCallback(async (email: string, password: string) => {
    const { principal } = await apiSend<{ principal: Principal }>('POST', '/session', { email, password })
    setState({ status: 'signed-in', principal })
  }, [])

  const signOut = useCallback(async () => {
    await apiSend<void>('DELETE', '/session')
    setState({ status: 'signed-out' })
    window.location.hash = '/'
  }, [])

  const recheck = useCallback(() => {
    setState({ status: 'checking' })
    setAttempt((n) => n + 1)
  }, [])

  return { state, signIn, signOut, recheck }
}
