/**
 * Response shapes of the deliberation routes (src/api/question-schemas.ts, comment-schemas.ts and,
 * below the questions, the decision, meeting and task schemas), as the web app reads them.
 */

/** collecting → discussion → discussed → voting → decided; withdrawn on the way. */
export type QuestionState = 'collecting' | 'discussion' | 'discussed' | 'voting' | 'decided' | 'withdrawn'
export const QUESTION_STATES: readonly QuestionState[] = [
  'collecting',
  'discussion',
  'discussed',
  'voting',
  'decided',
  'withdrawn',
]

export type QuestionOrigin = 'body' | 'initiative'

/** What the caller may do with a question (all false when they may not read it). */
export interface QuestionPermissions {
  readonly canSign: boolean
  /** Officer, in discussion, and the charter's minimum has passed. */
  readonly canCloseDiscussion: boolean
  readonly canWithdraw: boolean
  /** Officer over the body (deliberation.manage). */
  readonly canManage: boolean
  readonly canModerate: boolean
  readonly canComment: boolean
}

/** All that someone outside a confidential question's audience learns of it: it exists, where, when. */
export interface RedactedQuestion {
  readonly id: number
  readonly bodyId: number
  readonly raisedOn: string
  readonly confidential: true
  readonly redacted: true
}

/** A question in GET /bodies/:id/questions, readable by the caller. */
export interface QuestionSummary {
  readonly id: number
  readonly bodyId: number
  readonly bodyName: string
  readonly raisedOn: string
  readonly raisedAt: string
  readonly title: string
  readonly topic: string
  readonly origin: QuestionOrigin
  readonly state: QuestionState
  readonly major: boolean
  readonly majorRuleId: string | null
  readonly meetingRequired: boolean
  readonly confidential: boolean
  readonly declassifyOn: string | null
  readonly signaturesRequired: number | null
  readonly signaturesCount: number
  readonly discussionOpenedAt: string | null
  readonly discussionLatestCloseAt: string | null
  readonly discussionClosedAt: string | null
  readonly redacted: false
}

/** Questions per state among those the caller may read; `confidential` counts the others. */
export type QuestionCounts = Readonly<Record<QuestionState | 'confidential', number>>

/** GET /bodies/:id/questions: latest raised first. */
export interface QuestionListPage {
  readonly items: readonly (QuestionSummary | RedactedQuestion)[]
  readonly nextCursor: string | null
  readonly counts: QuestionCounts
  readonly permissions: {
    readonly canRaise: boolean
    readonly canStartInitiative: boolean
    readonly canExport: boolean
  }
}

/** The discussion phase: the limits copied when it opened, its times, and whether it takes contributions. */
export interface Discussion {
  readonly openedAt: string | null
  readonly earliestCloseAt: string | null
  readonly latestCloseAt: string | null
  readonly closedAt: string | null
  readonly closeReason: 'maximum' | 'early' | 'recorded' | null
  readonly limitsRuleId: string | null
  readonly minimumDays: number | null
  readonly maximumDays: number | null
  /** Contributions are taken now (in discussion, before the maximum). */
  readonly open: boolean
}

/** GET /questions/:id for a caller who may read it. */
export interface QuestionView {
  readonly id: number
  readonly redacted: false
  readonly body: { readonly id: number; readonly name: string; readonly path: string; readonly level: string }
  readonly title: string
  readonly text: string
  readonly proposal: string
  readonly topic: string
  readonly origin: QuestionOrigin
  readonly raisedByMemberId: number | null
  readonly raisedAt: string
  readonly raisedOn: string
  readonly state: QuestionState
  readonly major: boolean
  readonly majorRuleId: string | null
  readonly meetingRequired: boolean
  readonly confidential: boolean
  readonly declassifyOn: string | null
  readonly confidentialRuleId: string | null
  /** The named audience, shown only to its members. */
  readonly audience: readonly { readonly memberId: number; readonly fullName: string }[] | null
  readonly viewerInAudience: boolean
  readonly charterVersionId: number
  readonly signatures: {
    readonly required: number | null
    readonly count: number
    readonly signedByViewer: boolean
  }
  readonly discussion: Discussion
  readonly support: { readonly count: number; readonly supportedByViewer: boolean }
  readonly comments: { readonly visible: number; readonly hidden: number }
  readonly decisionId: number | null
  readonly permissions: QuestionPermissions
}

/** GET /questions/:id: the full view, or the redacted shape (its permissions all false). */
export type Question = QuestionView | (RedactedQuestion & { readonly permissions: QuestionPermissions })

export type CommentKind = 'comment' | 'counter-proposal' | 'amendment'

/** Charter's fixed list of conduct reasons; the charter's criticism rule allows a subset. */
export type HideReason = 'abuse' | 'threat' | 'personal-data' | 'spam'
export const HIDE_REASONS: readonly HideReason[] = ['abuse', 'threat', 'personal-data', 'spam']

/** One run of an amendment's word-level diff against the proposal. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed'
  readonly text: string
}

/** A hide: everyone sees the reason and date; the author and auditors also the note and who hid it. */
export interface CommentHidden {
  readonly reason: HideReason
  readonly hiddenAt: string
  readonly note?: string | null
  readonly hiddenBy?: { readonly accountId: number; readonly name: string } | null
}

/** One piece of criticism as the caller sees it. */
export interface Comment {
  readonly id: number
  readonly questionId: number
  readonly parentId: number | null
  /** 0 for a comment on the question, 1 for a reply, … */
  readonly depth: number
  readonly author: { readonly memberId: number; readonly name: string }
  readonly kind: CommentKind
  /** Null when hidden from the caller. */
  readonly body: string | null
  readonly amendedProposal: string | null
  readonly diff: readonly DiffPart[] | null
  readonly postedAt: string
  readonly support: { readonly count: number; readonly supportedByMe: boolean }
  readonly hidden: CommentHidden | null
  readonly permissions: { readonly canHide: boolean; readonly canSupport: boolean }
}

/** GET /questions/:id/comments: the thread in posting order (the tree is built from parentId). */
export interface CommentPage {
  readonly questionId: number
  readonly proposalSupport: { readonly count: number; readonly supportedByMe: boolean }
  readonly items: readonly Comment[]
  readonly nextCursor: string | null
  readonly permissions: {
    readonly canComment: boolean
    readonly canSupport: boolean
    readonly canModerate: boolean
    readonly canAudit: boolean
  }
}
