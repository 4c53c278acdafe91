import type { Principal } from '../core/accounts/principal.ts'
import { isFinished } from '../core/elections/election-lookups.ts'
import type { ElectionView } from '../core/elections/get-election.ts'
import { answerFor, loadEligibilityContext } from '../core/eligibility/check-eligibility.ts'
import { can } from '../core/policy/policy.ts'
import { toIsoDate } from '../core/shared/clock.ts'
import { isAppError } from '../core/shared/errors.ts'
import type { Executor } from '../db/client.ts'

/** What the caller may do with an election, as `ElectionPermissionsSchema` describes. */
export interface ElectionPermissions {
  readonly canManage: boolean
  readonly canNominate: boolean
  readonly canStand: boolean
  readonly canVote: boolean
}

/**
 * Whether the member may stand for some contest they are not yet nominated in (by the charter on
 * the voting-open date). The charter, body and member are loaded once for all the contests.
 */
async function eligibleForAnyContest(db: Executor, view: ElectionView, memberId: number): Promise<boolean> {
  const nominated = new Set(view.me?.nominations.map((n) => n.contestId) ?? [])
  const open = view.contests.filter((contest) => !nominated.has(contest.contestId))
  if (open.length === 0) return false
  // A post dropped from the charter, a dissolved body or no charter in force: nobody may stand.
  const refused = (error: unknown) => {
    if (!isAppError(error)) throw error
    return null
  }
  const context = await loadEligibilityContext(db, {
    memberId,
    bodyId: view.body.id,
    date: toIsoDate(new Date(view.votingOpenAt)),
  }).catch(refused)
  if (context === null) return false
  return open.some((contest) => {
    try {
      return answerFor(context, contest.post).eligible
    } catch (error) {
      return refused(error) ?? false
    }
  })
}

/**
 * The caller's permissions on an election: officers over its body manage it (and record any
 * nomination); a member of the body nominates and stands while nominations are open; a member
 * with a vote in the frozen electorate votes once while voting is open.
 */
export async function electionPermissions(
  db: Executor,
  principal: Principal,
  view: ElectionView,
): Promise<ElectionPermissions> {
  const finished = isFinished(view.state)
  const officer = can(principal, 'elections.manage', { kind: 'body', path: view.body.path })
  const ownMember = principal.memberId !== null && (principal.memberUnitPath ?? '').startsWith(view.body.path)
  return {
    canManage: officer && !finished,
    canNominate: view.nominationsOpen && (officer || ownMember),
    canStand:
      view.nominationsOpen &&
      ownMember &&
      principal.memberId !== null &&
      (await eligibleForAnyContest(db, view, principal.memberId)),
    canVote: view.votingOpen && view.me?.voice === 'vote' && !view.me.hasVoted,
  }
}
