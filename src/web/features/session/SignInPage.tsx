import { type FormEvent, useId, useState } from 'react'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'

interface SignInPageProps {
  readonly organisationName: string | null
  readonly onSignIn: (email: string, password: string) => Promise<void>
}

/** The sign-in form; a refusal (wrong password, too many attempts) is shown in words. */
export function SignInPage({ organisationName, onSignIn }: SignInPageProps) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const emailId = useId()
  const passwordId = useId()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await onSignIn(email.trim(), password)
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)))
      setBusy(false)
    }
  }

  return (
    <section className="sign-in card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {organisationName ? <p className="muted">to {organisationName}</p> : null}
      <form onSubmit={submit}>
        <label htmlFor={emailId}>E-mail</label>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  )
}
