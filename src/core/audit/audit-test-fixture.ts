import { charterInForce } from '../charter/charter-in-force.ts'
import type { CharterRule } from '../charter/document-schema.ts'
import { openDeliberationTest } from '../deliberation/test-fixture.ts'
import { sealEvents } from '../events/seal-events.ts'
import type { AuditCheck, AuditScope } from './audit-check.ts'
import { refreshFindings } from './refresh-findings.ts'
import { runAudit } from './run-audit.ts'
import { updateFindings } from './update-findings.ts'

/**
 * The audit tests' database: the deliberation test organisation (tree, charter with posts,
 * standing, elections and deliberation rules, members of unit A1 and beyond; clock on
 * 1923-12-02), with the audit's own steps: a live run, a stored full run, and one follower pass
 * (seal, then apply the sealed events), as the server does every second.
 */
export async function openAuditTest() {
  const t = await openDeliberationTest()

  /** A live audit as of a date (default today) over the whole organisation. */
  const audit = async (checks?: readonly AuditCheck[], asOf?: string, scope: AuditScope = { kind: 'all' }) =>
    (await runAudit(t.db, { asOf: asOf ?? t.today(), scope, ...(checks ? { checks } : {}) })).findings

  /** Recomputes and stores every finding of these checks (a full run). */
  const refreshAll = (checks?: readonly AuditCheck[]) =>
    t.db
      .transaction()
      .execute((trx) =>
        refreshFindings(trx, t.clock, { scope: { kind: 'all' }, ...(checks ? { checks } : {}) }),
      )

  /** One follower pass as the server makes it: seal what committed, then apply it to the findings. */
  const follow = async (checks?: readonly AuditCheck[]) => {
    await sealEvents(t.db, t.clock)
    return updateFindings(t.db, t.clock, checks)
  }

  /** The stored findings (of some kinds): id → when it was last checked (an untouched row keeps its time). */
  const stored = async (kinds?: readonly string[]): Promise<Map<string, string>> => {
    let query = t.db.selectFrom('audit_findings').select(['id', 'checked_at'])
    if (kinds && kinds.length > 0) query = query.where('kind', 'in', kinds)
    const rows = await query.execute()
    return new Map(rows.map((row) => [row.id, new Date(row.checked_at).toISOString()]))
  }

  /** The rules of the charter in force today, all families. */
  const charterRules = async (): Promise<readonly CharterRule[]> => {
    const version = await charterInForce(t.db, t.today())
    return Object.values(version.document.rules).flat()
  }

  /** Every member's name: findings must not carry them. */
  const memberNames = async () =>
    (await t.db.selectFrom('members').select('full_name').execute()).map((row) => row.full_name)

  return { ...t, audit, refreshAll, follow, stored, charterRules, memberNames }
}

export type AuditTest = Awaited<ReturnType<typeof openAuditTest>>
