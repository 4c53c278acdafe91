import { useEffect, useRef } from 'react'
import { apiGet } from '../../api/client.ts'
import { CHARTER_HREF } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import type { CharterVersionDetail } from './types.ts'

/** One version's file as adopted, comments included, with its fingerprint. */
export function VersionSource({ versionId }: { readonly versionId: number }) {
  const version = useAsync(() => apiGet<CharterVersionDetail>(`/charter/versions/${versionId}`), [versionId])
  const section = useRef<HTMLElement>(null)
  useEffect(() => {
    if (version.status === 'ready') section.current?.scrollIntoView({ block: 'start' })
  }, [version.status])
  return (
    <section ref={section} className="card version-source" aria-labelledby="source-title">
      <a href={CHARTER_HREF} className="close" aria-label="Close the source">
        ×
      </a>
      {version.status === 'loading' ? <Loading label="Loading the source…" /> : null}
      {version.status === 'error' ? <ErrorMessage error={version.error} onRetry={version.reload} /> : null}
      {version.status === 'ready' ? (
        <>
          <h2 id="source-title">Source of “{version.data.name}”</h2>
          <p className="muted">
            As adopted by {version.data.decision.title} on {formatLongDate(version.data.decision.decidedOn)},
            in force from {formatLongDate(version.data.effectiveFrom)}. SHA-256{' '}
            <code className="hash">{version.data.sourceSha256}</code>
          </p>
          <pre className="charter-source">
            <code>{version.data.source}</code>
          </pre>
        </>
      ) : null}
    </section>
  )
}
