import { formatLongDate } from '../../shared/format.ts'
import { FAMILY_HEADINGS } from '../charter/rule-families.ts'
import { KIND_FAMILIES } from './audit-format.ts'
import type { AuditSummary } from './types.ts'

/** The findings counted by kind and severity, each kind with the rule family it reads. */
export function KindTable({ summary }: { readonly summary: AuditSummary }) {
  const { totals, byKind } = summary
  return (
    <section className="card" aria-labelledby="audit-kinds-title">
      <h2 id="audit-kinds-title">Findings by kind</h2>
      <div className="table-wrap">
        <table className="audit-table">
          <caption>
            What the audit found in {summary.body.name} and below, as of {formatLongDate(summary.asOf)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Rule family</th>
              <th scope="col" className="num">
                Violations
              </th>
              <th scope="col" className="num">
                Warnings
              </th>
              <th scope="col" className="num">
                Notices
              </th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {byKind.map((entry) => (
              <tr key={entry.kind} className={entry.total === 0 ? 'quiet' : undefined}>
                <th scope="row">
                  {entry.title} <code className="kind-code">{entry.kind}</code>
                </th>
                <td>{FAMILY_HEADINGS[KIND_FAMILIES[entry.kind]].title}</td>
                <td className="num">{entry.violation}</td>
                <td className="num">{entry.warning}</td>
                <td className="num">{entry.notice}</td>
                <td className="num">{entry.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                All kinds
              </th>
              <td className="num">{totals.violation}</td>
              <td className="num">{totals.warning}</td>
              <td className="num">{totals.notice}</td>
              <td className="num">{totals.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  )
}
