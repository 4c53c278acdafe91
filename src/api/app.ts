import { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import pino, { type Logger } from 'pino'
import type { Clock } from '../core/shared/clock.ts'
import { AppError } from '../core/shared/errors.ts'
import type { Database } from '../db/client.ts'
import { SESSION_COOKIE, sessionMiddleware } from './auth.ts'
import { renderDocs } from './docs.ts'
import type { AppEnv } from './env.ts'
import { errorResponse, toAppError, validationError } from './errors.ts'
import { registerAccountRoutes } from './routes/accounts.ts'
import { registerAuditRoutes } from './routes/audit.ts'
import { registerBallotRoutes } from './routes/ballots.ts'
import { registerBodyRoutes } from './routes/bodies.ts'
import { registerBodySearchRoutes } from './routes/body-search.ts'
import { registerCharterRoutes } from './routes/charter.ts'
import { registerCommentRoutes } from './routes/comments.ts'
import { registerContactRoutes } from './routes/contacts.ts'
import { registerDecisionRoutes } from './routes/decisions.ts'
import { registerElectionRoutes } from './routes/elections.ts'
import { registerEligibilityRoutes } from './routes/eligibility.ts'
import { registerEventRoutes } from './routes/events.ts'
import { registerImportExportRoutes } from './routes/import-export.ts'
import { registerMandateRoutes } from './routes/mandates.ts'
import { registerMeetingRoutes } from './routes/meetings.ts'
import { registerMemberRoutes } from './routes/members.ts'
import { registerOrganisationRoutes } from './routes/organisation.ts'
import { registerPrivacyRoutes } from './routes/privacy.ts'
import { registerQuestionRoutes } from './routes/questions.ts'
import { registerSessionRoutes } from './routes/session.ts'
import { registerTaskRoutes } from './routes/tasks.ts'

export interface CreateAppOptions {
  readonly database: Database
  readonly clock: Clock
  readonly logger?: Logger
  readonly secureCookies?: boolean
}

/** JSON bodies: generous for any form, small enough that a flood cannot exhaust memory. */
export const JSON_LIMIT = 1024 * 1024
/** CSV imports: a region's full member list (about 2 million rows) fits. */
export const CSV_LIMIT = 256 * 1024 * 1024

const IMPORT_PATH = /^\/api\/bodies\/[^/]+\/members\/import$/
const tooLarge = new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large')
const jsonLimit = bodyLimit({ maxSize: JSON_LIMIT, onError: (c) => errorResponse(c, tooLarge) })
const csvLimit = bodyLimit({ maxSize: CSV_LIMIT, onError: (c) => errorResponse(c, tooLarge) })

/**
 * State-changing requests must be JSON (text/csv for the import). A cross-site HTML form can only
 * send form encodings or text/plain, and SameSite=Strict keeps the session cookie off cross-site
 * requests anyway: together they are the CSRF defence, with no token to manage.
 */
const contentTypeGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
    const wanted = IMPORT_PATH.test(c.req.path) ? 'text/csv' : 'application/json'
    if (type !== wanted) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send ${wanted}`, {
        expected: wanted,
        received: type || null,
      })
    }
  }
  await next()
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * JSON must be UTF-8 (RFC 8259). The body parser would quietly turn invalid bytes into U+FFFD and
 * store the damage; refusing them says what is wrong. The body was size-checked before this.
 */
const utf8Guard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json' && c.req.raw.body) {
    try {
      strictUtf8.decode(await c.req.arrayBuffer())
    } catch (error) {
      if (error instanceof TypeError) {
        throw new AppError('VALIDATION_FAILED', 'The request body is not valid UTF-8', {
          reason: 'invalid-utf8',
        })
      }
      throw error
    }
  }
  await next()
}

/** The printable audit report: server-rendered HTML with its own inline style, like the docs page. */
const AUDIT_REPORT_PATH = /^\/api\/bodies\/[^/]+\/audit\/report$/

const TRACKER_PATH = /^(\/api\/elections\/[^/]+\/trackers\/)[^/]+$/

/** A request path as logs may show it: a ballot tracker in it is masked (see requestLog). */
function loggedPath(path: string): string {
  return path.replace(TRACKER_PATH, '$1:tracker')
}

/**
 * Request log: method, path, status and duration only. Never request bodies, query strings or
 * cookies: a body can hold a ballot and a cookie names the voter, and a log joining the two
 * would break ballot secrecy (see SPEC, secrecy pitfalls).
 */
function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    logger.info(
      {
        method: c.req.method,
        // A tracker in a path is a ballot's receipt: logged beside a client address it would
        // name the voter, so it is never written down.
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  }
}

/**
 * Browser hardening for the API and the web app: everything comes from this origin, nothing
 * inline (the Vite build has no inline script or style), no framing (clickjacking), no referrer
 * leaking member ids in URLs. The docs page and the audit report, plain server-rendered HTML, allow
 * their inline style.
 */
const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  crossOriginEmbedderPolicy: false,
})
const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  crossOriginEmbedderPolicy: false,
})

/** Builds the Charter HTTP API (all under /api) with its OpenAPI 3.1 document and docs page. */
export function createApp(options: CreateAppOptions): OpenAPIHono<AppEnv> {
  const logger = options.logger ?? pino({ enabled: false })
  const deps = {
    database: options.database,
    clock: options.clock,
    logger,
    secureCookies: options.secureCookies ?? false,
  }
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target)
    },
  })

  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', (c, next) =>
    c.req.path === '/api/docs' || AUDIT_REPORT_PATH.test(c.req.path)
      ? docsHeaders(c, next)
      : securityHeaders(c, next),
  )
  app.use('/api/*', requestLog(logger))
  app.use('/api/*', contentTypeGuard)
  app.use('/api/*', (c, next) => (IMPORT_PATH.test(c.req.path) ? csvLimit(c, next) : jsonLimit(c, next)))
  app.use('/api/*', utf8Guard)
  app.use('/api/*', sessionMiddleware)

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  })
  registerSessionRoutes(app)
  registerOrganisationRoutes(app)
  registerBodyRoutes(app)
  registerMemberRoutes(app)
  registerImportExportRoutes(app)
  registerContactRoutes(app)
  registerAccountRoutes(app)
  registerBodySearchRoutes(app)
  registerPrivacyRoutes(app)
  registerEventRoutes(app)
  registerCharterRoutes(app)
  registerMandateRoutes(app)
  registerEligibilityRoutes(app)
  registerElectionRoutes(app)
  registerBallotRoutes(app)
  registerQuestionRoutes(app)
  registerCommentRoutes(app)
  registerDecisionRoutes(app)
  registerMeetingRoutes(app)
  registerTaskRoutes(app)
  registerAuditRoutes(app)

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Charter API',
      version: '0.1.0',
      description:
        'Self-governance for member organisations. Sign in with POST /api/session; the session is an ' +
        'HTTP-only cookie. Roles are granted on a body and reach its subtree. An unknown id is 404; an ' +
        'existing id outside your scope is 403.',
    },
  }
  app.doc31('/api/openapi.json', documentConfig)
  app.get('/api/docs', (c) => c.html(renderDocs(app.getOpenAPI31Document(documentConfig))))
  // The conventional top-level addresses, so a newcomer finds them without knowing the prefix.
  app.get('/openapi.json', (c) => c.redirect('/api/openapi.json'))
  app.get('/docs', (c) => c.redirect('/api/docs'))

  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', `No route ${c.req.method} ${c.req.path}`)))
  app.onError((error, c) => {
    const appError = toAppError(error)
    if (appError.code === 'INTERNAL_ERROR') {
      logger.error({ err: error, method: c.req.method, path: loggedPath(c.req.path) }, 'unhandled error')
    }
    return errorResponse(c, appError)
  })
  return app
}
