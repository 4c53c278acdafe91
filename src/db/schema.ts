import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { AuditTables } from './schema-audit.ts'
import type { DeliberationTables } from './schema-deliberation.ts'

/**
 * Table types for Kysely, kept by hand beside the migrations (one change, one place).
 * Dates without time are `YYYY-MM-DD` strings on both backends (see the type parsers in client.ts),
 * so a member's join date never shifts with the server's time zone.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>
type IdColumn = Generated<number>

export interface BodiesTable {
  id: IdColumn
  parent_id: number | null
  /** Materialised path of ancestor ids, '/1/5/23/'. Subtree = prefix match on an index. */
  path: string
  depth: number
  level: string
  kind: string | null
  name: string
  /** Id of the depth-1 ancestor (or the body itself at depth ≤ 1): the Citus distribution key. */
  region_id: number | null
  status: 'active' | 'dissolved'
  created_at: Timestamp
  dissolved_at: Timestamp | null
}

export interface MembersTable {
  id: IdColumn
  region_id: number
  unit_id: number
  /** Copy of the unit's path so standing queries over a subtree use one index. */
  unit_path: string
  card: string | null
  full_name: string
  email: string | null
  phone: string | null
  joined_on: string
  category: 'worker' | 'peasant' | 'employee' | 'other'
  status: 'applicant' | 'candidate' | 'full' | 'suspended' | 'left'
  status_since: string
  full_member_since: string | null
  fields_of_work: ColumnType<string[], string[] | undefined, string[]>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface MemberStatusChangesTable {
  id: IdColumn
  member_id: number
  region_id: number
  from_status: string
  to_status: string
  on_date: string
  reason: string | null
  event_id: number
}

export interface MemberTransfersTable {
  id: IdColumn
  member_id: number
  region_id: number
  from_unit_id: number
  to_unit_id: number
  on_date: string
  event_id: number
}

export interface ContactsTable {
  id: IdColumn
  body_id: number
  region_id: number | null
  full_name: string
  email: string | null
  phone: string | null
  category: string | null
  notes: string | null
  created_at: Timestamp
}

export interface EventsTable {
  id: Generated<number>
  /** Writing transaction's id: lets the sealer reason about commits still in flight. */
  tx_id: ColumnType<string, never, never>
  type: string
  occurred_at: Timestamp
  actor_kind: 'account' | 'system' | 'cli'
  actor_account_id: number | null
  body_id: number | null
  subject_kind: string | null
  subject_id: number | null
  region_id: number | null
  payload: ColumnType<unknown, string, string>
}

export interface SealsTable {
  id: IdColumn
  from_event_id: number
  to_event_id: number
  event_count: number
  /** The 32-byte SHA-256 digests of each sealed event, concatenated in id order. */
  digests: Buffer
  prev_hash: Buffer | null
  hash: Buffer
  sealed_at: Timestamp
  /** Ids in the range that were not sealed (rolled back), as 8-byte big-endian (start, end) pairs. */
  gap_ranges: ColumnType<Buffer, Buffer | undefined, never>
}

export interface AccountsTable {
  id: IdColumn
  email: string
  display_name: string
  password_hash: string
  member_id: number | null
  disabled: Generated<boolean>
  created_at: Timestamp
}

export interface RoleGrantsTable {
  id: IdColumn
  account_id: number
  role: 'member' | 'secretary' | 'admin' | 'auditor'
  body_id: number
  created_at: Timestamp
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database copy cannot be replayed as a session. */
  id: string
  account_id: number
  created_at: Timestamp
  expires_at: Timestamp
}

export interface SettingsTable {
  key: string
  value: ColumnType<unknown, string, string>
}

export interface CharterVersionsTable {
  id: IdColumn
  name: string
  /** The validated document (defaults filled in), as the engine reads it. */
  document: ColumnType<unknown, string, string>
  /** The file as adopted, comments included, so members can read the charter as written. */
  source: string
  source_sha256: string
  decision_kind: 'congress' | 'conference' | 'committee'
  decision_title: string
  decided_on: string
  decision_body_id: number
  effective_from: string
  adopted_at: Timestamp
  event_id: number
}

export interface MandatesTable {
  id: IdColumn
  region_id: number
  member_id: number
  body_id: number
  post: string
  starts_on: string
  /** Planned end: the end of the term, or the appointment's expiry. */
  ends_on: string
  ended_on: string | null
  end_reason: 'term-ended' | 'resigned' | 'recalled' | 'replaced' | null
  how: 'elected' | 'appointed'
  election_id: number | null
  appointed_by_body_id: number | null
  justification: string | null
  /** The charter rule that allowed an appointment (or required the election). */
  rule_id: string | null
  charter_version_id: number
  /** The member's first mandate: a new active worker "promoted from the ranks". */
  first_mandate: boolean
  event_id: number
  created_at: Timestamp
}

export interface DuesPaymentsTable {
  member_id: number
  /** First day of the month paid for. */
  month: string
  region_id: number
  paid_on: string
  event_id: number
}

export interface ScheduledJobsTable {
  id: IdColumn
  /** What to do, e.g. `election.open-voting`; a handler is registered per kind. */
  kind: string
  subject_id: number
  due_at: Timestamp
  state: Generated<'pending' | 'done' | 'failed' | 'cancelled'>
  attempts: Generated<number>
  last_error: string | null
  created_at: Timestamp
  done_at: Timestamp | null
}

export type ElectionState = 'called' | 'nominating' | 'voting' | 'closed' | 'cancelled'

export interface ElectionsTable {
  id: IdColumn
  region_id: number
  body_id: number
  title: string
  /** A counting method id (src/core/counting/counting-method.ts). */
  method: string
  state: ElectionState
  nominations_open_at: Timestamp
  nominations_close_at: Timestamp
  voting_open_at: Timestamp
  voting_close_at: Timestamp
  charter_version_id: number
  /** Seed of the recorded lot for ties the counting rules leave open; published with the result. */
  tie_break_seed: string
  electorate_size: number | null
  voters_count: number | null
  closed_at: Timestamp | null
  cancelled_at: Timestamp | null
  cancel_reason: string | null
  created_at: Timestamp
}

export interface ElectionContestsTable {
  id: IdColumn
  election_id: number
  post: string
  seats: number
}

export interface ElectionCandidatesTable {
  id: IdColumn
  contest_id: number
  member_id: number
  nominated_by_member_id: number | null
  state: 'nominated' | 'accepted' | 'declined' | 'withdrawn'
  nominated_at: Timestamp
  answered_at: Timestamp | null
}

export interface ElectionElectorsTable {
  election_id: number
  member_id: number
  region_id: number
  voice: 'vote' | 'consultative'
}

export interface ElectionResultsTable {
  contest_id: number
  election_id: number
  report: ColumnType<unknown, string, string>
  elected_member_ids: number[]
  counted_at: Timestamp
}

/** The voter roll: who voted. No time, no order, nothing of the ballot. */
export interface ElectionVotersTable {
  election_id: number
  member_id: number
  region_id: number
}

/** A ballot: candidate ids (election_candidates.id) in order of preference, and the tracker. */
export interface BallotsTable {
  election_id: number
  contest_id: number
  region_id: number
  preferences: number[]
  tracker: string
}

export interface DB extends DeliberationTables, AuditTables {
  bodies: BodiesTable
  members: MembersTable
  member_status_changes: MemberStatusChangesTable
  member_transfers: MemberTransfersTable
  contacts: ContactsTable
  events: EventsTable
  seals: SealsTable
  accounts: AccountsTable
  role_grants: RoleGrantsTable
  sessions: SessionsTable
  settings: SettingsTable
  charter_versions: CharterVersionsTable
  mandates: MandatesTable
  dues_payments: DuesPaymentsTable
  scheduled_jobs: ScheduledJobsTable
  elections: ElectionsTable
  election_contests: ElectionContestsTable
  election_candidates: ElectionCandidatesTable
  election_electors: ElectionElectorsTable
  election_results: ElectionResultsTable
  election_voters: ElectionVotersTable
  ballot_queue: BallotsTable
  ballot_box: BallotsTable
}

export type BodyRow = Selectable<BodiesTable>
export type MemberRow = Selectable<MembersTable>
export type NewMember = Insertable<MembersTable>
export type EventRow = Selectable<EventsTable>
export type SealRow = Selectable<SealsTable>
export type CharterVersionRow = Selectable<CharterVersionsTable>
export type MandateRow = Selectable<MandatesTable>
export type ElectionRow = Selectable<ElectionsTable>
