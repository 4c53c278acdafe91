import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import { AppError, type ErrorCode, isAppError } from '../core/shared/errors.ts'

/** Every domain error code and its HTTP status. Exhaustive: a new code fails the type check here. */
export const ERROR_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BODY_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  ACCOUNT_NOT_FOUND: 404,
  BODY_DISSOLVED: 409,
  LEVEL_MISMATCH: 422,
  INVALID_MOVE: 422,
  BODY_NOT_EMPTY: 409,
  INVALID_STATUS_TRANSITION: 409,
  NOT_A_UNIT: 422,
  DUPLICATE: 409,
  IMPORT_REJECTED: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
  ACCOUNT_NOT_LINKED: 404,
  ALREADY_ERASED: 409,
  CHARTER_INVALID: 422,
  CHARTER_NOT_ADOPTED: 409,
  UNKNOWN_POST: 422,
  NOT_ELIGIBLE: 422,
  APPOINTMENT_NOT_ALLOWED: 422,
  SEATS_FILLED: 409,
  MANDATE_ENDED: 409,
  MANDATE_NOT_FOUND: 404,
  ELECTION_NOT_FOUND: 404,
  ELECTION_WRONG_PHASE: 409,
  ELECTION_CLOSED: 409,
  NOT_IN_ELECTORATE: 403,
  ALREADY_VOTED: 409,
  INVALID_BALLOT: 422,
  RESULTS_HIDDEN: 409,
  NOMINATION_NOT_FOUND: 404,
  QUESTION_NOT_FOUND: 404,
  COMMENT_NOT_FOUND: 404,
  DECISION_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  MEETING_NOT_FOUND: 404,
  QUESTION_WRONG_PHASE: 409,
  DISCUSSION_TOO_EARLY: 409,
  DISCUSSION_REQUIRED: 422,
  QUORUM_NOT_MET: 422,
  MEETING_REQUIRED: 422,
  NOT_IN_SCOPE: 403,
  CRITICISM_PROTECTED: 409,
  ALREADY_SIGNED: 409,
  CONFIDENTIAL: 403,
  CONFIDENTIAL_NOT_ALLOWED: 422,
  REPORT_REQUIRED: 422,
  TASK_CLOSED: 409,
  NOT_AWAITING_RATIFICATION: 409,
  MEETING_WRONG_STATE: 409,
}

/** The one error shape every failing response carries. */
export interface ErrorBody {
  readonly code: ErrorCode
  readonly message: string
  readonly details: unknown
}

/** Renders an AppError as its status and `{ code, message, details }`. */
export function errorResponse(c: Context, error: AppError): Response {
  const body: ErrorBody = { code: error.code, message: error.message, details: error.details ?? {} }
  return c.json(body, ERROR_STATUS[error.code])
}

/** Zod issues as a VALIDATION_FAILED error: `{ target, issues: [{ path, message, code }] }`. */
export function validationError(error: ZodError, target: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    target,
    issues: error.issues.map((issue) => ({
      // The same path shape as the core's issues (field names only); `target` says which part
      // of the request (json, query, param) held the field.
      path: issue.path.join('.'),
      message: issue.message,
      code: issue.code,
    })),
  })
}

/** A driver error raised by PostgreSQL (pg or PGlite): both carry the five-character SQLSTATE. */
function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null
  const code = (error as { code: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null
}

/**
 * Maps anything thrown to an AppError. Bad input must never surface as a 500: PostgreSQL data
 * exceptions (class 22) and constraint violations (class 23) come from input the validators did not
 * catch, so they become 4xx; only genuine faults stay INTERNAL_ERROR.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large')
    if (error.status === 400) {
      return new AppError('VALIDATION_FAILED', error.message || 'Malformed request body', {
        reason: 'malformed',
      })
    }
    if (error.status === 404) return new AppError('NOT_FOUND', 'Not found')
    if (error.status === 401) return new AppError('UNAUTHENTICATED', 'Sign in first')
  }
  const state = sqlState(error)
  if (state === '23505') return new AppError('DUPLICATE', 'That already exists', { sqlState: state })
  if (state === '23503')
    return new AppError('CONFLICT', 'That refers to something missing or in use', { sqlState: state })
  if (state?.startsWith('22') || state?.startsWith('23')) {
    return new AppError('VALIDATION_FAILED', 'A value is out of range or malformed', { sqlState: state })
  }
  return new AppError('INTERNAL_ERROR', 'Something went wrong on the server', {})
}
