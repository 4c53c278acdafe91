/** Response shapes of the decision routes (src/api/decision-schemas.ts), as the web app reads them. */

import type { QuestionState, RedactedQuestion } from './types.ts'

export type DecisionMethod = 'yes-no' | 'choice'
export type DecisionKind = 'vote' | 'urgent' | 'recorded'
export type DecisionOutcome = 'adopted' | 'rejected'
export type DecisionException = 'urgent' | 'confidential'
/** pending → overdue once its deadline passed; ratified and rejected keep whether it was late. */
export type RatificationState = 'pending' | 'overdue' | 'ratified' | 'rejected'
export type YesNoChoice = 'yes' | 'no' | 'abstain'

/** The quorum as the charter counts it: of the deciding members, so many required, so many present. */
export interface DecisionQuorum {
  readonly decidingMembers: number
  readonly required: number
  readonly present: number
  readonly ruleId: string | null
}

/** The question a decision settled, for those who may read it. */
export interface DecisionQuestion {
  readonly id: number
  readonly bodyId: number
  readonly raisedOn: string
  readonly title: string
  readonly topic: string
  readonly major: boolean
  readonly confidential: boolean
  readonly state: QuestionState
  readonly redacted: false
}

export interface Ratification {
  readonly state: RatificationState
  readonly ratifyBy: string
  readonly ratifiedAt: string | null
  /** Ratified or rejected after the deadline. */
  readonly late: boolean
  readonly meetingId: number | null
}

/** A decision in GET /bodies/:id/decisions, for those who may read its question. */
export interface DecisionSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly question: DecisionQuestion
  readonly kind: DecisionKind
  readonly outcome: DecisionOutcome
  readonly exception: DecisionException | null
  readonly discussionCompleted: boolean
  /** The `major` rule that required a discussion. */
  readonly discussionRuleId: string | null
  readonly method: DecisionMethod | null
  /** The counter-proposal adopted (null: the proposal). */
  readonly chosenCommentId: number | null
  readonly meetingId: number | null
  readonly counts: { readonly yes: number; readonly no: number; readonly abstain: number } | null
  readonly quorum: DecisionQuorum | null
  /** Urgent decisions only. */
  readonly ratification: Ratification | null
  readonly justification: string | null
  /** Records of past practice: where the record comes from. */
  readonly recordedSource: string | null
  readonly charterVersionId: number
  readonly decidedAt: string
  readonly redacted: false
}

/**
 * A confidential question's decision seen from outside its audience: that it was taken, by which
 * body and on which day, and nothing of what was decided or how.
 */
export interface RedactedDecision {
  readonly id: number
  readonly bodyId: number
  readonly decidedOn: string
  readonly confidential: true
  readonly redacted: true
  readonly question: RedactedQuestion
}

/** An entry of GET /bodies/:id/decisions, and what GET /decisions/:id gives. */
export type DecisionListItem = DecisionSummary | RedactedDecision

/** One option of a choice vote as decided. */
export interface DecidedOption {
  readonly index: number
  readonly commentId: number | null
  /** Null when a moderator later hid the counter-proposal for conduct. */
  readonly text: string | null
  readonly chosen: boolean
}

/** GET /decisions/:id, for those who may read its question (see RedactedDecision for the others). */
export interface Decision extends DecisionSummary {
  readonly options: readonly DecidedOption[] | null
  /** The Schulze count's report (see SchulzeReport); null otherwise. */
  readonly countReport: unknown
  readonly permissions: { readonly canRatify: boolean }
}

/** GET /bodies/:id/decisions: latest first, or the unratified urgent ones, overdue first. */
export interface DecisionListPage {
  readonly items: readonly DecisionListItem[]
  readonly nextCursor: string | null
  readonly permissions: { readonly canManage: boolean }
}

/** What a choice ballot ranks: the proposal (index 0), then the counter-proposals. */
export interface VoteOption {
  readonly index: number
  readonly commentId: number | null
  readonly text: string | null
}

/** GET /questions/:id/vote: the open vote as the caller sees it. */
export interface DecisionVote {
  readonly questionId: number
  readonly method: DecisionMethod | null
  readonly meetingId: number | null
  readonly openedAt: string
  readonly options: readonly VoteOption[] | null
  readonly votesCast: number | null
  readonly decidingMembers: number | null
  /** What closing needs: at a meeting its deciding members present, otherwise those who voted. */
  readonly quorum: DecisionQuorum | null
  readonly me: { readonly hasVoted: boolean; readonly mayVote: boolean }
  readonly redacted: boolean
  readonly permissions: { readonly canVote: boolean; readonly canClose: boolean }
}

/** The parts of a choice vote's count report the page shows (close-decision-vote.ts writes it). */
export interface SchulzeReport {
  readonly method: 'schulze'
  readonly tieBreakSeed: string
  readonly ballots: number
  /** Best first; options tied after every tie-break share a group. */
  readonly ranking?: readonly (readonly number[])[]
  readonly pairwise?: {
    readonly preferences: readonly (readonly number[])[]
    readonly strengths: readonly (readonly number[])[]
  }
  readonly tieBreaks?: readonly { readonly between: readonly number[]; readonly chosen: number }[]
}

/** The report as a Schulze count, when it is one. */
export function schulzeReport(report: unknown): SchulzeReport | null {
  if (typeof report !== 'object' || report === null) return null
  const candidate = report as { method?: unknown; ballots?: unknown }
  return candidate.method === 'schulze' && typeof candidate.ballots === 'number'
    ? (report as SchulzeReport)
    : null
}
