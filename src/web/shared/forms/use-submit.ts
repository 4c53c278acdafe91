import { useCallback, useRef, useState } from 'react'

/** A form's sending state: whether a request is in flight and the last error it answered. */
export interface Submission {
  readonly sending: boolean
  readonly error: Error | null
  /** Runs `send` unless one is in flight; resolves true when it succeeded. */
  readonly run: (send: () => Promise<unknown>) => Promise<boolean>
  readonly clearError: () => void
}

/** Tracks one form's request so the submit button can be disabled and the error shown. */
export function useSubmit(): Submission {
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  // A ref, not the state: a double click lands before React re-renders the disabled button.
  const inFlight = useRef(false)
  const run = useCallback(async (send: () => Promise<unknown>) => {
    if (inFlight.current) return false
    inFlight.current = true
    setSending(true)
    setError(null)
    try {
      await send()
      return true
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)))
      return false
    } finally {
      inFlight.current = false
      setSending(false)
    }
  }, [])
  const clearError = useCallback(() => setError(null), [])
  return { sending, error, run, clearError }
}
