import type { ReactNode } from 'react'

/** A column of an audit table: its heading, and whether it holds numbers (right-aligned). */
export interface AuditColumn {
  readonly label: string
  readonly num?: boolean
}

/**
 * The audit page's tables as cards: a titled section around a scrollable table with its caption
 * and column headings; the rows (a `tbody`, and a `tfoot` if any) are the caller's.
 */
export function AuditTableCard({
  titleId,
  title,
  caption,
  columns,
  children,
}: {
  readonly titleId: string
  readonly title: ReactNode
  readonly caption: ReactNode
  readonly columns: readonly AuditColumn[]
  readonly children: ReactNode
}) {
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="table-wrap">
        <table className="audit-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.num ? 'num' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          {children}
        </table>
      </div>
    </section>
  )
}
