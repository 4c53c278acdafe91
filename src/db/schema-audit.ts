import type { ColumnType } from 'kysely'

/** Table types of the audit (migration 0900), beside schema.ts like the deliberation tables. */

type Timestamp = ColumnType<Date, Date | string, Date | string>

export type FindingSeverity = 'notice' | 'warning' | 'violation'

export interface AuditFindingsTable {
  /** `<kind>:<subject kind>:<subject id>`: the same violation keeps its id from run to run. */
  id: string
  kind: string
  rule_id: string
  body_id: number
  body_path: string
  region_id: number
  subject_kind: string
  subject_id: number
  severity: FindingSeverity
  since: string
  evidence: number[]
  message: string
  checked_at: Timestamp
}

export interface AuditFollowerTable {
  id: number
  /** Every sealed event up to here has been applied to the findings. */
  last_event_id: number
  /** The organisation day of the last full run (time passing changes findings without events). */
  full_run_on: string | null
  updated_at: Timestamp
}

export interface AuditSnapshotsTable {
  body_id: number
  on_date: string
  region_id: number
  summary: ColumnType<unknown, string, string>
  taken_at: Timestamp
}

export interface AuditTables {
  audit_findings: AuditFindingsTable
  audit_follower: AuditFollowerTable
  audit_snapshots: AuditSnapshotsTable
}
