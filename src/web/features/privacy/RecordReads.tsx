import { describeActor, formatInstant } from './describe-actor.ts'
import type { PersonalData } from './types.ts'

/** Who read the member's record, when, and how (in a list or opened on its own), newest first. */
export function RecordReads({ reads }: { readonly reads: PersonalData['recordReads'] }) {
  if (reads.length === 0) return <p className="muted">Nobody has read your record yet.</p>
  return (
    <table className="members" aria-label="Who read your record">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">How</th>
        </tr>
      </thead>
      <tbody>
        {[...reads].reverse().map((read) => (
          <tr key={read.eventId}>
            <td>
              <time dateTime={read.at}>{formatInstant(read.at)}</time>
            </td>
            <td>{describeActor(read.reader)}</td>
            <td>
              {read.view === 'detail' ? 'Opened your record' : 'Saw you in a member list'}
              {read.scopeBodyName ? ` (${read.scopeBodyName})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
