import { apiGet } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate, humanise, plural } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import { statusLabel } from '../members/StatusBadge.tsx'
import { describeActor, formatInstant } from './describe-actor.ts'
import { PersonalHistory } from './PersonalHistory.tsx'
import { RecordReads } from './RecordReads.tsx'
import type { PersonalData } from './types.ts'

/**
 * "My data": everything the organisation holds about the signed-in member (their right of access),
 * who read their record, and a download of it all as JSON (the download is recorded as an event).
 */
export function MyDataPage() {
  const data = useAsync(() => apiGet<PersonalData>('/me/data'), [])
  return (
    <section className="card my-data" aria-labelledby="my-data-title">
      <h1 id="my-data-title">My data</h1>
      <p className="muted">
        Everything this organisation holds about you. Each reading of your record is on the sealed log, and so
        is each download of this page.
      </p>
      <p>
        <a className="button" href="/api/me/data/export" download>
          Download my data (JSON)
        </a>
      </p>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorMessage error={data.error} onRetry={data.reload} /> : null}
      {data.status === 'ready' ? <MyDataContent data={data.data} /> : null}
    </section>
  )
}

function MyDataContent({ data }: { readonly data: PersonalData }) {
  const { member } = data
  return (
    <>
      <h2>Your record</h2>
      <dl className="facts-list">
        <dt>Name</dt>
        <dd>{member.fullName}</dd>
        <dt>Unit</dt>
        <dd>{member.unitName}</dd>
        <dt>Status</dt>
        <dd>
          {statusLabel(member.status)} since {formatLongDate(member.statusSince)}
        </dd>
        <dt>Joined</dt>
        <dd>{formatLongDate(member.joinedOn)}</dd>
        <dt>Category</dt>
        <dd>{humanise(member.category)}</dd>
        <dt>Fields of work</dt>
        <dd>{member.fieldsOfWork.map(humanise).join(', ') || '—'}</dd>
        <dt>Card</dt>
        <dd>{member.card ?? '—'}</dd>
        <dt>E-mail</dt>
        <dd>{member.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{member.phone ?? '—'}</dd>
      </dl>
      <h2>History</h2>
      <PersonalHistory data={data} />
      <h2>Your accounts</h2>
      <ul>
        {data.accounts.map((account) => (
          <li key={account.id}>
            {account.displayName} &lt;{account.email}&gt;
            {account.grants.length > 0
              ? ` — ${account.grants.map((g) => `${g.role} of ${g.bodyName}`).join(', ')}`
              : ''}
          </li>
        ))}
      </ul>
      <h2>Who read your record</h2>
      <RecordReads reads={data.recordReads} />
      <details>
        <summary>Everything else on the log about you ({plural(data.events.length, 'event')})</summary>
        <ul>
          {data.events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt)}</time>:{' '}
              <code>{event.type}</code> by {describeActor(event.actor)}
            </li>
          ))}
        </ul>
      </details>
    </>
  )
}
