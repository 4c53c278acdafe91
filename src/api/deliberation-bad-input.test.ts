import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorCode } from '../core/shared/errors.ts'
import { JSON_LIMIT } from './app.ts'
import {
  type DeliberationApiTest,
  type ErrorBody,
  openApiOperations,
  openDeliberationApiTest,
} from './deliberation-test-fixture.ts'

/**
 * Bad input to any write of the deliberation API is a 4xx with { code, message, details }, never
 * a 500, and changes nothing (every deliberation table, the event log and the job queue are
 * compared before and after). One row per route; the last test proves the table is complete
 * against the OpenAPI document, and that each row's good input is accepted (so the refusals are
 * the bad input's doing, not the target's state).
 */

let t: DeliberationApiTest
type Target = 'comment' | 'close' | 'withdraw' | 'open' | 'voting' | 'urgent' | 'decided' | 'initiative'
/** The ids of the targets, filled before the tests. */
const id = {} as Record<
  Target | 'supported' | 'rude' | 'started' | 'later' | 'decision' | 'reported' | 'closed',
  number
>
const UNKNOWN = 987_654

type Body = Record<string, unknown>
interface Route {
  /** `METHOD /path/{id}` exactly as the OpenAPI document names it. */
  readonly route: string
  /** The id the route acts on, and the code for an unknown one. */
  readonly target: () => number
  readonly missing: ErrorCode
  /** A good body and the status it gets (the routes run in table order; ({}) where none is read). */
  readonly valid: () => Body
  readonly status: number
  /** Fields an empty object must be refused for (400 naming each). */
  readonly required?: readonly string[]
  /** Every field with a value of the wrong type. */
  readonly wrong?: Body
  /** Free-text fields: each refused empty, too large and with invalid UTF-8. */
  readonly text?: readonly string[]
  /** Overrides of the good body naming ids that do not exist, with the code they get. */
  readonly unknown?: readonly [() => Body, ErrorCode][]
}

const words = {
  title: 'Canteen hours',
  text: 'When should it open?',
  proposal: 'At seven.',
  topic: 'canteen',
}
const meeting = () => ({
  title: 'General meeting',
  startsAt: '1923-12-20T18:00:00Z',
  endsAt: '1923-12-20T20:00:00Z',
  place: 'Canteen',
  agendaQuestionIds: [id.comment],
})
const past = {
  ...words,
  source: 'Minutes, book 3',
  raisedOn: '1921-03-01',
  discussion: { openedOn: '1921-03-01', closedOn: '1921-03-10' },
  decision: { decidedOn: '1921-03-12', outcome: 'adopted' },
}
const justification = 'The mill closes on Friday unless we answer.'
const task = () => ({ title: 'Paint the hall', ownerMemberId: t.members.galina, dueOn: '1924-01-01' })
const QUESTION_TEXT = ['title', 'text', 'proposal']
const bodyId = () => t.tree.unitA.id

/** Every write of the deliberation API (each runs its good input once, in this order, at the end). */
// biome-ignore format: one route a line, so that adding a route is adding a line
const ROUTES: Route[] = [
  { route: 'POST /api/bodies/{id}/questions', target: bodyId, missing: 'BODY_NOT_FOUND', valid: () => words, status: 201, required: ['title', 'text', 'proposal', 'topic'], wrong: { title: 1, text: [], proposal: {}, topic: 7, confidential: 'yes' }, text: QUESTION_TEXT, unknown: [[() => ({ topic: 'military', confidential: { audienceMemberIds: [UNKNOWN] } }), 'MEMBER_NOT_FOUND']] },
  { route: 'POST /api/bodies/{id}/initiatives', target: bodyId, missing: 'BODY_NOT_FOUND', valid: () => words, status: 201, required: ['title', 'text', 'proposal', 'topic'], wrong: { title: true, text: 2, proposal: null, topic: [] }, text: QUESTION_TEXT },
  { route: 'POST /api/questions/{id}/signatures', target: () => id.initiative, missing: 'QUESTION_NOT_FOUND', valid: () => ({}), status: 201 },
  { route: 'POST /api/questions/{id}/discussion/close', target: () => id.close, missing: 'QUESTION_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'POST /api/questions/{id}/withdraw', target: () => id.withdraw, missing: 'QUESTION_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'POST /api/questions/{id}/comments', target: () => id.comment, missing: 'QUESTION_NOT_FOUND', valid: () => ({ body: 'Too late.' }), status: 201, required: ['body'], wrong: { kind: 3, body: 5, parentId: 'x', amendedProposal: 9 }, text: ['body'], unknown: [[() => ({ parentId: UNKNOWN }), 'COMMENT_NOT_FOUND']] },
  { route: 'PUT /api/questions/{id}/support', target: () => id.comment, missing: 'QUESTION_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'DELETE /api/questions/{id}/support', target: () => id.comment, missing: 'QUESTION_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'PUT /api/comments/{id}/support', target: () => id.supported, missing: 'COMMENT_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'DELETE /api/comments/{id}/support', target: () => id.supported, missing: 'COMMENT_NOT_FOUND', valid: () => ({}), status: 200 },
  // Criticism is never deleted: its "good input" is refused too, citing the rule.
  { route: 'DELETE /api/comments/{id}', target: () => id.supported, missing: 'COMMENT_NOT_FOUND', valid: () => ({}), status: 409 },
  { route: 'POST /api/comments/{id}/hide', target: () => id.rude, missing: 'COMMENT_NOT_FOUND', valid: () => ({ reason: 'abuse', note: 'Rude.' }), status: 200, required: ['reason'], wrong: { reason: 1, note: 2 }, text: ['note'] },
  { route: 'POST /api/questions/{id}/vote', target: () => id.open, missing: 'QUESTION_NOT_FOUND', valid: () => ({ method: 'yes-no' }), status: 201, required: ['method'], wrong: { method: 1, meetingId: 'x' }, unknown: [[() => ({ meetingId: UNKNOWN }), 'MEETING_NOT_FOUND']] },
  { route: 'POST /api/questions/{id}/votes', target: () => id.voting, missing: 'QUESTION_NOT_FOUND', valid: () => ({ choice: 'yes' }), status: 201, wrong: { choice: 1, ranking: 'x' } },
  { route: 'POST /api/questions/{id}/vote/close', target: () => id.voting, missing: 'QUESTION_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'POST /api/questions/{id}/urgent-decision', target: () => id.urgent, missing: 'QUESTION_NOT_FOUND', valid: () => ({ justification }), status: 201, required: ['justification'], wrong: { justification: 5, outcome: 1, meetingId: 'x' }, text: ['justification'], unknown: [[() => ({ meetingId: UNKNOWN }), 'MEETING_NOT_FOUND']] },
  { route: 'POST /api/decisions/{id}/ratification', target: () => id.decision, missing: 'DECISION_NOT_FOUND', valid: () => ({ outcome: 'ratified', meetingId: id.started }), status: 200, required: ['outcome'], wrong: { outcome: true, meetingId: 'x' }, unknown: [[() => ({ meetingId: UNKNOWN }), 'MEETING_NOT_FOUND']] },
  { route: 'POST /api/bodies/{id}/past-deliberations', target: bodyId, missing: 'BODY_NOT_FOUND', valid: () => past, status: 201, required: ['title', 'text', 'proposal', 'topic', 'source', 'raisedOn'], wrong: { ...past, title: 1, source: [], raisedOn: 19210301, discussion: 'yes', decision: 1 }, text: [...QUESTION_TEXT, 'source'] },
  { route: 'POST /api/bodies/{id}/meetings', target: bodyId, missing: 'BODY_NOT_FOUND', valid: meeting, status: 201, required: ['title', 'startsAt', 'endsAt'], wrong: { title: 1, startsAt: 5, endsAt: true, place: [], agendaQuestionIds: 'all' }, text: ['title', 'place'], unknown: [[() => ({ agendaQuestionIds: [UNKNOWN] }), 'QUESTION_NOT_FOUND']] },
  { route: 'PUT /api/meetings/{id}/attendance', target: () => id.started, missing: 'MEETING_NOT_FOUND', valid: () => ({ memberIds: [t.members.fyodor, t.members.galina] }), status: 200, required: ['memberIds'], wrong: { memberIds: 'all' }, unknown: [[() => ({ memberIds: [UNKNOWN] }), 'MEMBER_NOT_FOUND']] },
  { route: 'PUT /api/meetings/{id}/minutes', target: () => id.started, missing: 'MEETING_NOT_FOUND', valid: () => ({ minutes: 'Agreed.' }), status: 200, required: ['minutes'], wrong: { minutes: 1 }, text: ['minutes'] },
  { route: 'POST /api/meetings/{id}/cancel', target: () => id.later, missing: 'MEETING_NOT_FOUND', valid: () => ({}), status: 200 },
  { route: 'POST /api/decisions/{id}/tasks', target: () => id.decision, missing: 'DECISION_NOT_FOUND', valid: task, status: 201, required: ['title', 'dueOn'], wrong: { title: 1, ownerMemberId: 'x', ownerBodyId: [], dueOn: 5 }, text: ['title'], unknown: [[() => ({ ownerMemberId: UNKNOWN }), 'MEMBER_NOT_FOUND'], [() => ({ ownerMemberId: undefined, ownerBodyId: UNKNOWN }), 'BODY_NOT_FOUND']] },
  { route: 'POST /api/tasks/{id}/reports', target: () => id.reported, missing: 'TASK_NOT_FOUND', valid: () => ({ text: 'Half done.', progress: 50 }), status: 201, required: ['text', 'progress'], wrong: { text: 1, progress: 'x', closes: 'y' }, text: ['text'] },
  // A close without a report is a rule's refusal (422 REPORT_REQUIRED), so `report` is not "required" input.
  { route: 'POST /api/tasks/{id}/close', target: () => id.closed, missing: 'TASK_NOT_FOUND', valid: () => ({ report: 'Done.' }), status: 200, wrong: { report: 1, progress: 'x' }, text: ['report'] },
]

/** Targets in the state each route's good input needs. Fyodor, a member of Mill A and secretary over it, acts. */
beforeAll(async () => {
  t = await openDeliberationApiTest()
  const made = async (res: Response | Promise<Response>, status = 201) => (await t.ok(res, status)).id
  const raise = () => made(t.send('POST', `/api/bodies/${bodyId()}/questions`, 'fyodor', words))
  for (const name of ['comment', 'close', 'withdraw', 'open', 'voting', 'urgent', 'decided'] as const)
    id[name] = await raise()
  id.initiative = await made(t.send('POST', `/api/bodies/${bodyId()}/initiatives`, 'galina', words))
  const comment = (body: string) =>
    t.send('POST', `/api/questions/${id.comment}/comments`, 'galina', { body })
  id.supported = await made(comment('Seven is too late.'))
  id.rude = await made(comment('You fools.'))
  const schedule = (startsAt: string, endsAt: string) =>
    made(t.send('POST', `/api/bodies/${bodyId()}/meetings`, 'fyodor', { ...meeting(), startsAt, endsAt }))
  id.started = await schedule('1923-12-05T18:00:00Z', '1923-12-05T20:00:00Z')
  id.later = await schedule('1923-12-20T18:00:00Z', '1923-12-20T20:00:00Z')

  // Past the discussions' minimum: they may close, and minor questions go to the vote.
  await t.tick('1923-12-10T09:00:00Z')
  await t.ok(t.send('POST', `/api/questions/${id.voting}/vote`, 'fyodor', { method: 'yes-no' }), 201)
  // Two of Mill A's five vote now; Fyodor's vote (the good input) makes the quorum for the close.
  for (const who of ['anna', 'galina'] as const) {
    await t.ok(t.send('POST', `/api/questions/${id.voting}/votes`, who, { choice: 'yes' }), 201)
  }
  id.decision = await made(
    t.send('POST', `/api/questions/${id.decided}/urgent-decision`, 'fyodor', { justification }),
  )
  // The started meeting sat on the 5th with three of Mill A's five: quorate to ratify the decision.
  const quorate = { memberIds: [t.members.fyodor, t.members.galina, t.members.anna] }
  await t.ok(t.send('PUT', `/api/meetings/${id.started}/attendance`, 'fyodor', quorate))
  id.reported = await made(t.send('POST', `/api/decisions/${id.decision}/tasks`, 'fyodor', task()))
  id.closed = await made(t.send('POST', `/api/decisions/${id.decision}/tasks`, 'fyodor', task()))
}, 120_000)
afterAll(async () => t?.database.drop())

const methodOf = (route: Route) => route.route.split(' ')[0] ?? ''
const pathOf = (route: Route, targetId: number | string = route.target()) =>
  (route.route.split(' ')[1] ?? '').replace('{id}', String(targetId))
/** Whether the OpenAPI document gives the route a request body (the others ignore theirs). */
const readsBody = new Map<string, boolean>()

/** One bad request and what its refusal must say (at least a 4xx with the error shape). */
interface BadRequest {
  readonly name: string
  readonly path: string
  readonly init: RequestInit
  readonly status?: number
  readonly code?: ErrorCode
  /** Fields the refusal's issues must name. */
  readonly fields?: readonly string[]
  readonly reason?: string
}

/** A JSON text with `bytes` spliced into the value of `field`: invalid UTF-8 inside a string. */
function withBytes(body: Body, field: string, bytes: number[]): Uint8Array {
  const [before, after] = JSON.stringify({ ...body, [field]: '\u0001' }).split('\\u0001')
  const encoder = new TextEncoder()
  return new Uint8Array([...encoder.encode(before), 0x41, ...bytes, 0x42, ...encoder.encode(after)])
}

/** The bad requests every route gets: empty, wrong types, 1 MB, invalid UTF-8, unknown ids, blank text, a form. */
function badRequests(route: Route): BadRequest[] {
  const method = methodOf(route)
  const path = pathOf(route)
  const good = route.valid()
  const json = (body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : JSON.stringify(body),
  })
  const invalid = { status: 400, code: 'VALIDATION_FAILED' } as const
  const field = route.text?.[0] ?? 'padding'
  const cases: BadRequest[] = [
    {
      name: '1 MB of text',
      path,
      init: json({ ...good, [field]: 'x'.repeat(JSON_LIMIT) }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'invalid UTF-8',
      path,
      init: json(withBytes(good, field, [0xff, 0xc3, 0x28])),
      ...invalid,
      reason: 'invalid-utf8',
    },
    {
      name: 'an unknown id',
      path: pathOf(route, UNKNOWN),
      init: json(good),
      status: 404,
      code: route.missing,
    },
  ]
  for (const wrongId of ['abc', '0', '-1', '1.5', '9223372036854775808']) {
    cases.push({
      name: `id ${wrongId}`,
      path: pathOf(route, wrongId),
      init: json(good),
      ...invalid,
      fields: ['id'],
    })
  }
  if (Object.keys(good).length > 0) {
    const fields = route.required?.length ? { ...invalid, fields: route.required } : {}
    cases.push({ name: 'an empty object', path, init: json({}), ...fields })
  } else if (readsBody.get(route.route)) {
    cases.push({ name: 'an array for its object', path, init: json([1]), ...invalid })
  }
  if (route.wrong) {
    const fields = Object.keys(route.wrong).filter((key) => route.wrong?.[key] !== good[key])
    cases.push({ name: 'wrong types', path, init: json(route.wrong), ...invalid, fields })
  }
  for (const [override, code] of route.unknown ?? []) {
    cases.push({
      name: `unknown ${Object.keys(override())}`,
      path,
      init: json({ ...good, ...override() }),
      status: 404,
      code,
    })
  }
  for (const text of route.text ?? []) {
    for (const blank of ['', ' \t '])
      cases.push({ name: `blank ${text}`, path, init: json({ ...good, [text]: blank }), fields: [text] })
  }
  if (method !== 'DELETE') {
    const form = { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }
    cases.push({ name: 'a form post', path, init: form, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' })
  }
  return cases
}

/** Writes of deliberation in the OpenAPI document: the paths of questions, criticism, decisions, meetings and tasks. */
const DELIBERATION_PATH =
  /^\/api\/(?:bodies\/\{id\}\/)?(?:questions|initiatives|comments|decisions|past-deliberations|meetings|tasks)\b/

describe('bad input to every write of the deliberation API', () => {
  beforeAll(async () => {
    for (const op of await openApiOperations(t))
      readsBody.set(`${op.method.toUpperCase()} ${op.path}`, op.readsBody)
  })

  it.each(ROUTES.map((route) => [route.route, route] as const))(
    '%s: a 4xx with { code, message, details }, never a 500, and nothing changes',
    async (_, route) => {
      const before = await t.snapshot()
      for (const bad of badRequests(route)) {
        const res = await t.raw(bad.path, bad.init, 'fyodor')
        const text = await res.text()
        const label = `${route.route} with ${bad.name}: ${res.status} ${text.slice(0, 400)}`
        expect(res.status >= 400 && res.status < 500, label).toBe(true)
        const body = JSON.parse(text) as ErrorBody
        expect(body, label).toEqual({
          code: expect.any(String),
          message: expect.any(String),
          details: expect.any(Object),
        })
        if (bad.status) expect(res.status, label).toBe(bad.status)
        if (bad.code) expect(body.code, label).toBe(bad.code)
        const issues = (body.details.issues ?? []) as { path: string }[]
        if (bad.fields)
          expect(
            issues.map((issue) => issue.path),
            label,
          ).toEqual(expect.arrayContaining([...bad.fields]))
        if (bad.reason) expect(body.details.reason, label).toBe(bad.reason)
        expect(await t.snapshot(), label).toEqual(before)
      }
    },
  )

  it('covers every deliberation write of the OpenAPI document, and each row’s good input is accepted', async () => {
    const writes = (await openApiOperations(t))
      .filter((op) => op.method !== 'get' && DELIBERATION_PATH.test(op.path))
      .map((op) => `${op.method.toUpperCase()} ${op.path}`)
    expect(writes.length).toBeGreaterThan(20)
    expect([...ROUTES.map((route) => route.route)].sort()).toEqual([...writes].sort())
    for (const route of ROUTES) {
      const res = await t.send(methodOf(route), pathOf(route), 'fyodor', route.valid())
      expect(res.status, `${route.route}: ${await res.text()}`).toBe(route.status)
    }
  })
})
