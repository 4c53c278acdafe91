import type { Migration } from 'kysely'
import * as settings from './20261126_0400_settings.ts'
import * as bodies from './20261126_0401_bodies.ts'
import * as members from './20261126_0402_members.ts'
import * as memberHistory from './20261126_0403_member_history.ts'
import * as contacts from './20261126_0404_contacts.ts'
import * as events from './20261126_0405_events.ts'
import * as seals from './20261126_0406_seals.ts'
import * as accounts from './20261126_0407_accounts.ts'
import * as oneRoot from './20261126_0500_one_root.ts'
import * as membersJoined from './20261126_0510_members_joined.ts'
import * as sealGaps from './20261126_0520_seal_gaps.ts'
import * as memberReadsIndex from './20261126_0540_member_reads_index.ts'
import * as bodySearch from './20261126_0550_body_search.ts'
import * as charterVersions from './20261126_0600_charter_versions.ts'
import * as mandates from './20261126_0601_mandates.ts'
import * as duesPayments from './20261126_0602_dues_payments.ts'
import * as scheduledJobs from './20261126_0700_scheduled_jobs.ts'
import * as elections from './20261126_0701_elections.ts'
import * as ballots from './20261126_0702_ballots.ts'
import * as castBallotFunction from './20261126_0703_cast_ballot_function.ts'
import * as auditorRole from './20261126_0800_auditor_role.ts'
import * as questions from './20261126_0801_questions.ts'
import * as comments from './20261126_0802_comments.ts'
import * as meetings from './20261126_0803_meetings.ts'
import * as decisions from './20261126_0804_decisions.ts'
import * as tasks from './20261126_0805_tasks.ts'
import * as auditFindings from './20261126_0900_audit_findings.ts'
import * as auditFollower from './20261126_0901_audit_follower.ts'
import * as auditSnapshots from './20261126_0902_audit_snapshots.ts'
import * as membersPending from './20261126_0903_members_pending.ts'

/**
 * Forward-only migrations, listed statically so the same set runs from tests, the CLI and the
 * server without scanning the file system. Names sort by their timestamp prefix.
 */
export const migrations: Record<string, Migration> = {
  '20261126_0400_settings': settings,
  '20261126_0401_bodies': bodies,
  '20261126_0402_members': members,
  '20261126_0403_member_history': memberHistory,
  '20261126_0404_contacts': contacts,
  '20261126_0405_events': events,
  '20261126_0406_seals': seals,
  '20261126_0407_accounts': accounts,
  '20261126_0500_one_root': oneRoot,
  '20261126_0510_members_joined': membersJoined,
  '20261126_0520_seal_gaps': sealGaps,
  '20261126_0540_member_reads_index': memberReadsIndex,
  '20261126_0550_body_search': bodySearch,
  '20261126_0600_charter_versions': charterVersions,
  '20261126_0601_mandates': mandates,
  '20261126_0602_dues_payments': duesPayments,
  '20261126_0700_scheduled_jobs': scheduledJobs,
  '20261126_0701_elections': elections,
  '20261126_0702_ballots': ballots,
  '20261126_0703_cast_ballot_function': castBallotFunction,
  '20261126_0800_auditor_role': auditorRole,
  '20261126_0801_questions': questions,
  '20261126_0802_comments': comments,
  '20261126_0803_meetings': meetings,
  '20261126_0804_decisions': decisions,
  '20261126_0805_tasks': tasks,
  '20261126_0900_audit_findings': auditFindings,
  '20261126_0901_audit_follower': auditFollower,
  '20261126_0902_audit_snapshots': auditSnapshots,
  '20261126_0903_members_pending': membersPending,
}
