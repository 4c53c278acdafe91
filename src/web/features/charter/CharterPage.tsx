import { useState } from 'react'
import { ApiError, apiGet, queryString } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate, humanise, plural } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { Field } from '../../shared/forms/Field.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { AdoptVersionForm } from './AdoptVersionForm.tsx'
import { CharterVersions } from './CharterVersions.tsx'
import { RuleFamilySection } from './RuleFamilySection.tsx'
import type { CharterInForce, CharterVersionDetail, CharterVersionList } from './types.ts'
import { VersionSource } from './VersionSource.tsx'
import './charter.css'

/**
 * The charter: the version in force on a date (the organisation's today unless another is
 * picked) with its rules by family, every adopted version, one version's source, and for admins
 * on the root the form that adopts a new version.
 */
export function CharterPage({ versionId }: { readonly versionId: number | null }) {
  const today = useOrganisationToday()
  const [picked, setPicked] = useState<string | null>(null)
  const [adopted, setAdopted] = useState<CharterVersionDetail | null>(null)
  const [version, setVersion] = useState(0)
  const date = picked ?? today ?? ''
  const inForce = useAsync(() => apiGet<CharterInForce>(`/charter${queryString({ date })}`), [date], version)
  const versions = useAsync(() => apiGet<CharterVersionList>('/charter/versions'), [], version)
  const canAdopt = versions.status === 'ready' && versions.data.permissions.canAdopt
  const notAdopted =
    inForce.status === 'error' &&
    inForce.error instanceof ApiError &&
    inForce.error.code === 'CHARTER_NOT_ADOPTED'

  return (
    <div className="charter-page">
      <section className="card" aria-labelledby="charter-title">
        <div className="charter-head">
          <div>
            <p className="muted">The charter in force on {date ? formatLongDate(date) : 'today'}</p>
            <h1 id="charter-title">{inForce.status === 'ready' ? inForce.data.name : 'Charter'}</h1>
          </div>
          <Field label="Rules in force on">
            {(id) => (
              <input
                id={id}
                type="date"
                value={date}
                onChange={(event) => {
                  if (event.target.value) setPicked(event.target.value)
                }}
              />
            )}
          </Field>
        </div>
        {inForce.status === 'loading' ? <Loading label="Loading the charter…" /> : null}
        {notAdopted ? (
          <p className="empty">No version of the charter was in force on {formatLongDate(date)}.</p>
        ) : null}
        {inForce.status === 'error' && !notAdopted ? (
          <ErrorMessage error={inForce.error} onRetry={inForce.reload} />
        ) : null}
        {inForce.status === 'ready' ? (
          <dl className="charter-facts">
            <dt>Adopted by</dt>
            <dd>
              {inForce.data.decision.title} ({humanise(inForce.data.decision.kind)}), on{' '}
              {formatLongDate(inForce.data.decision.decidedOn)}
            </dd>
            <dt>In force from</dt>
            <dd>{formatLongDate(inForce.data.effectiveFrom)}</dd>
            <dt>Levels</dt>
            <dd>{inForce.data.levels.map(humanise).join(' → ')}</dd>
            <dt>Rules</dt>
            <dd>{plural(inForce.data.ruleCount, 'rule')}; each has an id to cite it by.</dd>
          </dl>
        ) : null}
      </section>
      {adopted ? (
        <p className="success" role="status">
          Adopted “{adopted.name}” by {adopted.decision.title}, in force from{' '}
          {formatLongDate(adopted.effectiveFrom)}.
        </p>
      ) : null}
      {inForce.status === 'ready'
        ? inForce.data.families
            .filter((family) => family.rules.length > 0)
            .map((family) => (
              <RuleFamilySection
                key={family.family}
                family={family.family}
                rules={family.rules}
                document={inForce.data.document}
              />
            ))
        : null}
      <CharterVersions versions={versions} openId={versionId} />
      {versionId !== null ? <VersionSource key={versionId} versionId={versionId} /> : null}
      {canAdopt ? (
        <section className="card" aria-labelledby="adopt-title">
          <h2 id="adopt-title">Adopt a new version</h2>
          <p className="muted">
            A new version takes effect on its date; the rules in force before it stay on record and still
            answer for their dates.
          </p>
          <ActionBar
            label="Adopt a new version"
            actions={[
              {
                id: 'adopt',
                label: 'Adopt a new version',
                render: (close) => (
                  <AdoptVersionForm
                    inForceVersionId={inForce.status === 'ready' ? inForce.data.versionId : null}
                    onAdopted={(detail) => {
                      setAdopted(detail)
                      setVersion((n) => n + 1)
                      close()
                    }}
                  />
                ),
              },
            ]}
          />
        </section>
      ) : null}
    </div>
  )
}
