/** Response shapes of the election routes (src/api/routes/elections.ts, src/api/election-schemas.ts). */

import type { ElectionState } from './election-format.ts'

export type CandidateState = 'nominated' | 'accepted' | 'declined' | 'withdrawn'
export type NominationAnswer = 'accepted' | 'declined' | 'withdrawn'

/** A candidate who accepted, as a contest lists them. */
export interface Candidate {
  readonly candidateId: number
  readonly memberId: number
  readonly fullName: string
}

/** One contest: a post, its seats, and the candidates standing. */
export interface Contest {
  readonly contestId: number
  readonly post: string
  /** The post's title in the election's charter version. */
  readonly title: string
  readonly seats: number
  readonly candidates: readonly Candidate[]
}

/** A nomination of the caller's own member. */
export interface OwnNomination {
  readonly candidateId: number
  readonly contestId: number
  readonly post: string
  readonly state: CandidateState
  readonly nominatedByMemberId: number | null
  readonly nominatedAt: string
}

/** What the caller may do with an election. */
export interface ElectionPermissions {
  /** Cancel it, and record any nomination. */
  readonly canManage: boolean
  /** Nominations are open and the caller may nominate. */
  readonly canNominate: boolean
  /** Nominations are open and the caller is eligible for a post. */
  readonly canStand: boolean
  /** Voting is open, the caller has a vote and has not voted. */
  readonly canVote: boolean
}

/** GET /elections/:id (and POST /bodies/:id/elections, POST /elections/:id/cancel). */
export interface Election {
  readonly id: number
  readonly body: { readonly id: number; readonly name: string; readonly path: string; readonly level: string }
  readonly title: string
  readonly method: string
  readonly state: ElectionState
  readonly nominationsOpenAt: string
  readonly nominationsCloseAt: string
  readonly votingOpenAt: string
  readonly votingCloseAt: string
  readonly nominationsOpen: boolean
  readonly votingOpen: boolean
  readonly charterVersionId: number
  /** Published once the election is closed. */
  readonly tieBreakSeed: string | null
  readonly electorateSize: number | null
  /** Who voted is counted openly; what they voted is secret. */
  readonly votersCount: number
  readonly contests: readonly Contest[]
  readonly createdAt: string
  readonly closedAt: string | null
  readonly cancelledAt: string | null
  readonly cancelReason: string | null
  /** The caller's own voice, vote taken or not, and nominations (accounts linked to a member). */
  readonly me: {
    readonly memberId: number
    readonly voice: 'vote' | 'consultative' | null
    readonly hasVoted: boolean
    readonly nominations: readonly OwnNomination[]
  } | null
  readonly permissions: ElectionPermissions
}

/** An election in GET /bodies/:id/elections. */
export interface ElectionSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly title: string
  readonly method: string
  readonly state: ElectionState
  readonly posts: readonly string[]
  readonly nominationsOpenAt: string
  readonly nominationsCloseAt: string
  readonly votingOpenAt: string
  readonly votingCloseAt: string
  readonly electorateSize: number | null
}

/** GET /bodies/:id/elections: latest voting close first. */
export interface ElectionSummaryPage {
  readonly items: readonly ElectionSummary[]
  readonly nextCursor: string | null
  readonly permissions: { readonly canCall: boolean }
}

/** POST /elections/:id/nominations (201) and POST /nominations/:id/answer. */
export interface Nomination {
  readonly id: number
  readonly contestId: number
  readonly memberId: number
  readonly nominatedByMemberId: number | null
  readonly state: CandidateState
  readonly nominatedAt: string
  readonly answeredAt: string | null
}
