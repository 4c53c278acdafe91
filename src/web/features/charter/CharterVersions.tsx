import { charterVersionHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate, humanise } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import type { AsyncState } from '../../shared/use-async.ts'
import type { CharterVersionList, VersionStatus } from './types.ts'

const STATUS_LABELS: Record<VersionStatus, string> = {
  'in-force': 'In force',
  scheduled: 'Scheduled',
  superseded: 'Superseded',
}

interface CharterVersionsProps {
  readonly versions: AsyncState<CharterVersionList> & { reload: () => void }
  /** The version whose source is open, if any. */
  readonly openId: number | null
}

/** Every adopted version: the decision, when decided, from when in force, and where it stands today. */
export function CharterVersions({ versions, openId }: CharterVersionsProps) {
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {versions.status === 'loading' ? <Loading label="Loading the versions…" /> : null}
      {versions.status === 'error' ? <ErrorMessage error={versions.error} onRetry={versions.reload} /> : null}
      {versions.status === 'ready' && versions.data.items.length === 0 ? (
        <p className="empty">No version of the charter has been adopted yet.</p>
      ) : null}
      {versions.status === 'ready' && versions.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="members versions-table">
            <caption className="visually-hidden">Charter versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Adopted by</th>
                <th scope="col">Decided on</th>
                <th scope="col">In force from</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Rules
                </th>
                <th scope="col">
                  <span className="visually-hidden">Source</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.data.items.map((version) => (
                <tr key={version.versionId} aria-current={openId === version.versionId ? 'true' : undefined}>
                  <td>{version.name}</td>
                  <td>
                    {version.decision.title}{' '}
                    <span className="muted">({humanise(version.decision.kind)})</span>
                  </td>
                  <td>{formatLongDate(version.decision.decidedOn)}</td>
                  <td>{formatLongDate(version.effectiveFrom)}</td>
                  <td>
                    <span className={`badge ${version.status}`}>{STATUS_LABELS[version.status]}</span>
                  </td>
                  <td className="num">{version.ruleCount}</td>
                  <td>
                    <a href={charterVersionHref(version.versionId)}>View source</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
