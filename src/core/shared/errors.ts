/**
 * Domain error codes. Each maps to one HTTP status in api/errors.ts (an exhaustive record), and
 * the CLI prints the same code and message.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'BODY_NOT_FOUND',
  'MEMBER_NOT_FOUND',
  'ACCOUNT_NOT_FOUND',
  'BODY_DISSOLVED',
  'LEVEL_MISMATCH',
  'INVALID_MOVE',
  'BODY_NOT_EMPTY',
  'INVALID_STATUS_TRANSITION',
  'NOT_A_UNIT',
  'DUPLICATE',
  'IMPORT_REJECTED',
  'CONFLICT',
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL_ERROR',
  'ACCOUNT_NOT_LINKED',
  'ALREADY_ERASED',
  /** A charter document that does not validate; details list every problem with path and line. */
  'CHARTER_INVALID',
  /** No charter version is in force at the date asked about. */
  'CHARTER_NOT_ADOPTED',
  /** The post does not exist in the charter in force (or not at the body's level). */
  'UNKNOWN_POST',
  /** The member may not hold the post; details carry the reasons with their rule ids. */
  'NOT_ELIGIBLE',
  /** The charter requires election and allows no appointment with the justification given. */
  'APPOINTMENT_NOT_ALLOWED',
  /** Every seat of the post is held. */
  'SEATS_FILLED',
  /** The mandate has already ended. */
  'MANDATE_ENDED',
  'MANDATE_NOT_FOUND',
  'ELECTION_NOT_FOUND',
  /** The election is not in the phase the act needs (details: state, and the phase expected). */
  'ELECTION_WRONG_PHASE',
  /** The election is closed or cancelled: nothing more can be cast, nominated or changed. */
  'ELECTION_CLOSED',
  /** The member is not in the election's frozen electorate with a vote. */
  'NOT_IN_ELECTORATE',
  'ALREADY_VOTED',
  /** A malformed ballot: unknown candidate, a candidate twice, too many marks for the method. */
  'INVALID_BALLOT',
  /** Results and ballots stay hidden until the close. */
  'RESULTS_HIDDEN',
  'NOMINATION_NOT_FOUND',
  'QUESTION_NOT_FOUND',
  'COMMENT_NOT_FOUND',
  'DECISION_NOT_FOUND',
  'TASK_NOT_FOUND',
  'MEETING_NOT_FOUND',
  /** The question is not in the phase the act needs (details: state, and the states expected). */
  'QUESTION_WRONG_PHASE',
  /** The discussion's minimum has not passed (details: ruleId, earliestCloseAt). */
  'DISCUSSION_TOO_EARLY',
  /** A major question without a completed discussion, and no exception applies (details: ruleId). */
  'DISCUSSION_REQUIRED',
  /** Too few deciding members present or voting (details: ruleId, required, present). */
  'QUORUM_NOT_MET',
  /** The charter says the question is decided at a meeting of the body (details: ruleId). */
  'MEETING_REQUIRED',
  /** The member is not in the body's scope, so may not take part (details: ruleId). */
  'NOT_IN_SCOPE',
  /** Criticism cannot be deleted, only hidden for conduct (details: ruleId). */
  'CRITICISM_PROTECTED',
  /** Each member signs an initiative once. */
  'ALREADY_SIGNED',
  /** A confidential question, and the caller is not in its audience. */
  'CONFIDENTIAL',
  /** The topic is not one the charter lets be kept confidential (details: ruleId, topics). */
  'CONFIDENTIAL_NOT_ALLOWED',
  /** Closing a task needs a report. */
  'REPORT_REQUIRED',
  /** The task is done: nothing more can be reported on it. */
  'TASK_CLOSED',
  /** The decision is not an urgent decision awaiting ratification. */
  'NOT_AWAITING_RATIFICATION',
  /** The meeting is not in the state the act needs (details: state). */
  'MEETING_WRONG_STATE',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** An expected failure with a stable code, a human message and structured details. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details: unknown = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

/** One problem with one input field; `path` is the field's dotted name, without any transport prefix. */
export interface InputIssue {
  readonly path: string
  readonly message: string
}

/**
 * VALIDATION_FAILED in the one shape every layer uses, `{ issues: [{ path, message }], …extra }`,
 * so a form can put each message beside its field whichever layer refused the input.
 */
export function invalidInput(message: string, issues: readonly InputIssue[], extra: object = {}): AppError {
  return new AppError('VALIDATION_FAILED', message, { ...extra, issues })
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
