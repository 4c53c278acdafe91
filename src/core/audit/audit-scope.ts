import { type RawBuilder, sql } from 'kysely'
import { inSubtree } from '../orgs/tree.ts'
import { daysAfter } from '../shared/clock.ts'
import type { AuditScope } from './audit-check.ts'

/**
 * The scope as a predicate over a joined `bodies` row (by alias): every check filters its
 * findings' bodies with it, so a subtree run is one range scan on the path index and an
 * incremental run touches only the bodies an event named.
 */
export function bodyInScope(scope: AuditScope, alias = 'b'): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`true`
    case 'subtree':
      return inSubtree(`${alias}.path`, scope.path)
    case 'bodies':
      return sql<boolean>`${sql.ref(`${alias}.id`)} = any(${sql.val(scope.bodyIds.map(Number))}::bigint[])`
  }
}

/** Bodies that existed, undissolved, at the end of the audit's day (by alias). */
export function bodyActiveAt(asOfEnd: Date, alias = 'b'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.status`)} = 'active' or ${sql.ref(`${alias}.dissolved_at`)} >= ${asOfEnd})`
}

/** The first instant after the audit's day (midnight UTC): rows stamped before it had happened by then. */
export function auditDayEnd(asOf: string): Date {
  return new Date(`${daysAfter(asOf, 1)}T00:00:00.000Z`)
}
