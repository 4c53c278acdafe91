import { plural } from '../../shared/format.ts'
import type { VerifyResult } from './types.ts'

const KIND_WORDS: Readonly<Record<string, string>> = {
  edited: 'An event was edited',
  deleted: 'An event was removed',
  inserted: 'An event was inserted',
  'seal-altered': 'A seal was altered',
}

const count = (n: number) => n.toLocaleString('en-GB')

/** What verification found: intact (with the hash to publish), or the first point of tampering. */
export function VerifyOutcome({ result }: { readonly result: VerifyResult }) {
  if (!result.ok) {
    const { problem } = result
    return (
      <div className="verify-result tampered" role="alert">
        <h3>Tampered: {KIND_WORDS[problem.kind] ?? problem.kind}</h3>
        <p>
          The first problem is at <strong>event #{problem.eventId}</strong>, in seal #{problem.sealId}. The{' '}
          {plural(result.eventsChecked, 'event')} before it match their seals.
        </p>
        <p className="mono">{problem.message}</p>
        <p>
          The seals still hold the digests of what was sealed: compare the database with a backup to see what
          changed, and find out who could write to it.
        </p>
      </div>
    )
  }
  if (result.sealsChecked === 0) {
    return (
      <div className="verify-result intact">
        <h3>Intact: nothing is sealed yet</h3>
        <p>
          {count(result.unsealedEvents)} events wait for the sealer’s first pass. Verify again once they are
          sealed; there is no hash to publish until then.
        </p>
      </div>
    )
  }
  return (
    <div className="verify-result intact">
      <h3>Intact</h3>
      <p>
        Checked {plural(result.sealsChecked, 'seal')} covering {plural(result.eventsChecked, 'event')}: every
        seal recomputes and matches its events.
        {result.unsealedEvents > 0
          ? ` ${count(result.unsealedEvents)} newer events are not sealed yet; the sealer will cover them shortly.`
          : ''}
      </p>
      {result.lastSealHash ? (
        <>
          <p>Latest seal hash:</p>
          <p className="mono hash">{result.lastSealHash}</p>
          <p className="muted">
            Publish this hash somewhere outside Charter (a bulletin, a newspaper, another organisation’s
            records). Anyone holding it can later show that the log up to this seal has not been rewritten,
            even by someone who controls the database and could replace every seal.
          </p>
        </>
      ) : (
        <p className="muted">Nothing is sealed yet, so there is no hash to publish.</p>
      )}
    </div>
  )
}
