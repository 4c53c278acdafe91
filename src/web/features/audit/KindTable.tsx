import { formatLongDate } from '../../shared/format.ts'
import { FAMILY_HEADINGS } from '../charter/rule-families.ts'
import { AuditTableCard } from './AuditTableCard.tsx'
import { KIND_FAMILIES } from './audit-format.ts'
import type { AuditSummary } from './types.ts'

const KIND_COLUMNS = [
  { label: 'Kind' },
  { label: 'Rule family' },
  { label: 'Violations', num: true },
  { label: 'Warnings', num: true },
  { label: 'Notices', num: true },
  { label: 'Total', num: true },
] as const

/** The findings counted by kind and severity, each kind with the rule family it reads. */
export function KindTable({ summary }: { readonly summary: AuditSummary }) {
  const { totals, byKind } = summary
  return (
    <AuditTableCard
      titleId="audit-kinds-title"
      title="Findings by kind"
      caption={
        <>
          What the audit found in {summary.body.name} and below, as of {formatLongDate(summary.asOf)}
        </>
      }
      columns={KIND_COLUMNS}
    >
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
    </AuditTableCard>
  )
}
