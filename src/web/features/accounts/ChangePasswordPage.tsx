import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { ACCESS_FIELD_LABELS } from './types.ts'
import './people.css'

const MIN_PASSWORD = 10

/** The signed-in user's own password (PATCH /me/password); their other sessions end. */
export function ChangePasswordPage() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [done, setDone] = useState(false)
  const [mismatch, setMismatch] = useState(false)
  const submission = useSubmit()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setDone(false)
    // Checked here only: the server never sees the repeat.
    if (next !== repeat) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    const ok = await submission.run(() =>
      apiSend('PATCH', '/me/password', { currentPassword: current, newPassword: next }),
    )
    if (ok) {
      setCurrent('')
      setNext('')
      setRepeat('')
      setDone(true)
    }
  }

  return (
    <section className="card password-page" aria-labelledby="password-title">
      <h1 id="password-title">Change password</h1>
      <p className="muted">
        After the change you stay signed in here; every other place you are signed in is signed out.
      </p>
      <form className="stacked-form" onSubmit={submit} aria-label="Change password">
        <Field label="Current password">
          {(id) => (
            <input
              id={id}
              type="password"
              required
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="New password"
          hint={`At least ${MIN_PASSWORD} characters. A few words make a good one.`}
        >
          {(id, hint) => (
            <input
              id={id}
              type="password"
              required
              minLength={MIN_PASSWORD}
              autoComplete="new-password"
              aria-describedby={hint}
              value={next}
              onChange={(event) => setNext(event.target.value)}
            />
          )}
        </Field>
        <Field label="New password again">
          {(id) => (
            <input
              id={id}
              type="password"
              required
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
            />
          )}
        </Field>
        {mismatch ? (
          <p className="error" role="alert">
            The two new passwords differ. Type the same one twice.
          </p>
        ) : null}
        <FormError error={submission.error} labels={ACCESS_FIELD_LABELS} />
        {done ? (
          <p className="success" role="status">
            Your password is changed. Use the new one next time you sign in.
          </p>
        ) : null}
        <SubmitRow label="Change password" sendingLabel="Changing…" sending={submission.sending} />
      </form>
      <p>
        <a href="#/">Back to the start page</a>
      </p>
    </section>
  )
}
