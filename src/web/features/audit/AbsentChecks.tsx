import { FAMILY_HEADINGS } from '../charter/rule-families.ts'
import { KIND_FAMILIES } from './audit-format.ts'
import type { AuditSummary } from './types.ts'

/** The rules the audit cannot check yet, and the part of Charter each waits for: said, never faked. */
export function AbsentChecks({ absent }: { readonly absent: AuditSummary['absent'] }) {
  if (absent.length === 0) return null
  return (
    <section className="card" aria-labelledby="audit-absent-title">
      <h2 id="audit-absent-title">Not audited yet</h2>
      <p className="muted">
        These rules are in the charter, but Charter does not hold the records to check them against yet.
      </p>
      <ul className="plain-list absent-checks">
        {absent.map((entry) => (
          <li key={entry.kind}>
            <code className="kind-code">{entry.kind}</code> (
            {FAMILY_HEADINGS[KIND_FAMILIES[entry.kind]].title})
            <span className="muted"> — waits for {entry.waitsFor}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
