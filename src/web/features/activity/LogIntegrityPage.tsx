import { useState } from 'react'
import { apiGet, apiSend } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import type { LogStatus, VerifyResult } from './types.ts'
import { VerifyOutcome } from './VerifyOutcome.tsx'
import './activity.css'

type Verification =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly result: VerifyResult }
  | { readonly state: 'failed'; readonly error: Error }

const count = (n: number) => n.toLocaleString('en-GB')

/** The sealing status of the whole event log, and on demand a full verification of it. */
export function LogIntegrityPage() {
  const status = useAsync(() => apiGet<LogStatus>('/log/status'), [])
  const [verification, setVerification] = useState<Verification>({ state: 'idle' })

  async function verify() {
    setVerification({ state: 'running' })
    try {
      const result = await apiSend<VerifyResult>('POST', '/log/verify', {})
      setVerification({ state: 'done', result })
      status.reload()
    } catch (error) {
      setVerification({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) })
    }
  }

  return (
    <div className="log-integrity">
      <section className="card" aria-labelledby="log-title">
        <p className="back-link">
          <a href="#/">← Back to the organisation</a>
        </p>
        <h1 id="log-title">Log integrity</h1>
        <p>
          Every change in the organisation is an event on an append-only log. A sealer hashes the events in
          batches; each seal includes the hash of the seal before it, so editing, removing or inserting any
          sealed event breaks the chain from there on.
        </p>
        {status.status === 'loading' ? <Loading /> : null}
        {status.status === 'error' ? <ErrorMessage error={status.error} onRetry={status.reload} /> : null}
        {status.status === 'ready' ? (
          <dl className="log-facts">
            <dt>Events</dt>
            <dd>{count(status.data.events)}</dd>
            <dt>Seals</dt>
            <dd>{count(status.data.seals)}</dd>
            <dt>Sealed up to</dt>
            <dd>
              {status.data.lastSealedEventId === null
                ? 'nothing sealed yet'
                : `event #${status.data.lastSealedEventId}`}
              {status.data.lastSealedAt ? ` (${formatLongDate(status.data.lastSealedAt.slice(0, 10))})` : ''}
            </dd>
            <dt>Waiting for the sealer</dt>
            <dd>
              {status.data.unsealedAtLeast ? 'more than ' : ''}
              {count(status.data.unsealedEvents)}
            </dd>
            <dt>Latest seal hash</dt>
            <dd className="mono hash">{status.data.lastSealHash ?? '—'}</dd>
          </dl>
        ) : null}
      </section>
      <section className="card" aria-labelledby="verify-title">
        <h2 id="verify-title">Verify the chain</h2>
        <p className="muted">
          Verification recomputes every seal from the events themselves. On millions of events it takes a
          while.
        </p>
        <button
          type="button"
          className="primary"
          onClick={verify}
          disabled={verification.state === 'running'}
        >
          {verification.state === 'running' ? 'Verifying…' : 'Verify now'}
        </button>
        <div aria-live="polite">
          {verification.state === 'done' ? <VerifyOutcome result={verification.result} /> : null}
          {verification.state === 'failed' ? (
            <ErrorMessage error={verification.error} onRetry={verify} />
          ) : null}
        </div>
      </section>
    </div>
  )
}
