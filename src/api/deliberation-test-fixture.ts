import { expect } from 'vitest'
import { createAccount } from '../core/accounts/create-account.ts'
import { grantRole } from '../core/accounts/grant-role.ts'
import { adoptCharter } from '../core/charter/adopt-charter.ts'
import { deliberationJobHandlers } from '../core/deliberation/deliberation-jobs.ts'
import { DELIBERATION_RULES_YAML } from '../core/deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../core/mandates/test-charter.ts'
import { registerMember } from '../core/members/register-member.ts'
import { runDueJobs } from '../core/scheduler/run-due-jobs.ts'
import { systemActor } from '../core/shared/actor.ts'
import type { UseCaseContext } from '../core/shared/context.ts'
import type { DeliberationTables } from '../db/schema-deliberation.ts'
import { openApiTest, PASSWORD } from './test-fixture.ts'

/**
 * Every table of deliberation, typed so that a table added to the schema fails the type check
 * until it is listed here (and so is counted by the "nothing changed" snapshot).
 */
const DELIBERATION_TABLES: Record<keyof DeliberationTables, true> = {
  questions: true,
  question_audience: true,
  question_signatures: true,
  question_supports: true,
  question_comments: true,
  comment_supports: true,
  meetings: true,
  meeting_agenda: true,
  meeting_attendance: true,
  question_votes: true,
  decision_ballots: true,
  decisions: true,
  decision_tasks: true,
  task_reports: true,
}

/** The one error shape of every refusal. */
export interface ErrorBody {
  code: string
  message: string
  details: Record<string, unknown>
}

/** The people of the deliberation API tests, by the name a test signs them in with. */
export type Who = 'admin' | 'secretary' | 'anna' | 'fyodor' | 'galina' | 'auditor'
const EMAILS: Record<Who, string> = {
  admin: 'admin@example.org',
  secretary: 'sec.a@example.org',
  anna: 'anna@example.org',
  fyodor: 'fyodor@example.org',
  galina: 'galina@example.org',
  auditor: 'auditor@example.org',
}

/**
 * The API test organisation (src/api/test-fixture.ts) with the deliberation charter adopted, and
 * in Mill A four more full members: Fyodor (whose account is also secretary over District A1, so
 * he both belongs to confidential audiences and manages the body), Galina (a member account),
 * Ivan and Pyotr (no accounts). Plus an auditor granted on the root, with no member of his own.
 * Anna (the base fixture's member of Mill A), the region's secretary and the root admin are the
 * usual outsiders of a confidential question.
 */
export async function openDeliberationApiTest() {
  const t = await openApiTest()
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
    t.database.db.transaction().execute((trx) => work({ db: trx, clock: t.clock, actor: systemActor }))
  const members = await run(async (ctx) => {
    await adoptCharter(ctx, {
      source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
      fileName: 'charter.yaml',
      decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
      effectiveFrom: '1920-01-01',
    })
    const member = (fullName: string) =>
      registerMember(ctx, {
        unitId: t.tree.unitA.id,
        fullName,
        joinedOn: '1918-01-01',
        category: 'worker',
        status: 'full',
      })
    const fyodor = await member('Fyodor F')
    const galina = await member('Galina G')
    const ivan = await member('Ivan I')
    const pyotr = await member('Pyotr P')
    const accounts = [
      ['fyodor', fyodor.id, 'secretary', t.tree.districtA.id],
      ['galina', galina.id, 'member', t.tree.unitA.id],
      ['auditor', null, 'auditor', t.tree.root.id],
    ] as const
    for (const [who, memberId, role, bodyId] of accounts) {
      const account = await createAccount(ctx, {
        email: EMAILS[who],
        displayName: who,
        password: PASSWORD,
        ...(memberId === null ? {} : { memberId }),
      })
      await grantRole(ctx, { accountId: account.id, role, bodyId })
    }
    return { anna: t.tree.memberA.id, fyodor: fyodor.id, galina: galina.id, ivan: ivan.id, pyotr: pyotr.id }
  })

  const cookies = new Map<Who, string>()
  /** Signs everyone in (again after the clock moved by days, which expires sessions). */
  async function signIn() {
    for (const who of Object.keys(EMAILS) as Who[]) cookies.set(who, await t.signInAs(EMAILS[who]))
  }
  await signIn()

  const headers = (who: Who | null): Record<string, string> =>
    who === null ? {} : { cookie: cookies.get(who) ?? '' }
  const get = (path: string, who: Who | null) => t.app.request(path, { headers: headers(who) })
  /** A request as `who`, exactly as given otherwise (for bodies that are not JSON, or not valid). */
  const raw = (path: string, init: RequestInit, who: Who) =>
    t.app.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...headers(who) },
    })
  /** A state-changing request with a JSON body (`{}` when none is given). */
  const send = (method: string, path: string, who: Who, body: unknown = {}) =>
    t.app.request(path, {
      method,
      headers: { ...headers(who), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  /** The JSON of a response that must have `status` (the test fails with the body otherwise). */
  async function ok<T = { id: number }>(res: Response | Promise<Response>, status = 200): Promise<T> {
    const response = await res
    if (response.status !== status) {
      throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`)
    }
    return (await response.json()) as T
  }
  /** The error body of a response that must be refused with `status`. */
  async function refused(res: Response | Promise<Response>, status: number): Promise<ErrorBody> {
    const response = await res
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text) as ErrorBody
  }
  /** Moves the clock and runs the jobs that fell due, as the server's scheduler would. */
  async function tick(to: string) {
    t.clock.set(to)
    const result = await runDueJobs({ db: t.database.db, clock: t.clock }, deliberationJobHandlers)
    await signIn()
    return result
  }

  /**
   * Every row of every deliberation table, the number of events and of scheduled jobs: what a
   * refused request must leave exactly as it was (an update shows, not only an insert).
   */
  async function snapshot() {
    const db = t.database.db
    const tables: Record<string, unknown[]> = {}
    for (const table of Object.keys(DELIBERATION_TABLES) as (keyof DeliberationTables)[]) {
      tables[table] = await db.selectFrom(table).selectAll().execute()
    }
    const count = async (table: 'events' | 'scheduled_jobs') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return JSON.parse(
      JSON.stringify({ tables, events: await count('events'), jobs: await count('scheduled_jobs') }),
    ) as unknown
  }

  return { ...t, run, members, get, raw, send, ok, refused, tick, snapshot, signIn }
}

export type DeliberationApiTest = Awaited<ReturnType<typeof openDeliberationApiTest>>

interface OpenApiParameter {
  name: string
  in: string
  schema?: { enum?: unknown[] }
}
type OpenApiDocument = {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: unknown }>>
}

/** Every operation of the app's own OpenAPI document, as method, path template and parameters. */
export async function openApiOperations(t: DeliberationApiTest) {
  const doc = await t.ok<OpenApiDocument>(t.get('/api/openapi.json', null))
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method,
      path,
      parameters: op.parameters ?? [],
      readsBody: op.requestBody !== undefined,
    })),
  )
}

/** One answer of a sweep: the request, its status, and its body as text. */
export interface SweptResponse {
  readonly request: string
  readonly status: number
  readonly text: string
}

/** What a sweep fills in: ids per path family (`bodies`, `questions`, …) and values per query parameter. */
export interface SweepInput {
  /** Ids for `{id}` by the path's first segment after /api/; other families and parameters get `fallback`. */
  readonly ids: Readonly<Record<string, readonly number[]>>
  readonly fallback: readonly number[]
  /** Values to try for named query parameters; enumerated ones are tried with each value of their enum instead. */
  readonly queryValues: Readonly<Record<string, readonly string[]>>
}

/** iCalendar folds long lines (RFC 5545 §3.1); unfold them so a word split at a fold is still found. */
function unfold(text: string): string {
  return text.replace(/\r?\n[ \t]/g, '')
}

/**
 * Requests every GET operation of the OpenAPI document as `who`: each path with every id of its
 * family, without a query and with each query value worth trying (alone, and with
 * includeSubtree=true where the operation takes it), following `nextCursor` / `nextAfter` pages.
 * A GET added to the app is swept without touching the test.
 */
export async function sweepGets(
  t: DeliberationApiTest,
  who: Who,
  input: SweepInput,
): Promise<SweptResponse[]> {
  const answers: SweptResponse[] = []
  for (const op of await openApiOperations(t)) {
    if (op.method !== 'get') continue
    const family = /^\/api\/([a-z-]+)/.exec(op.path)?.[1] ?? ''
    let paths = [op.path]
    for (const name of op.path.match(/\{[^}]+\}/g) ?? []) {
      const values = (name === '{id}' ? input.ids[family] : undefined) ?? input.fallback
      paths = paths.flatMap((path) => values.map((value) => path.replace(name, String(value))))
    }
    const queries: Record<string, string>[] = [{}]
    const query = op.parameters.filter((p) => p.in === 'query')
    const subtree = query.some((p) => p.name === 'includeSubtree')
    for (const parameter of query) {
      const values = parameter.schema?.enum?.map(String) ?? input.queryValues[parameter.name] ?? []
      for (const value of values) {
        queries.push({ [parameter.name]: value })
        if (subtree && parameter.name !== 'includeSubtree') {
          queries.push({ [parameter.name]: value, includeSubtree: 'true' })
        }
      }
    }
    for (const path of paths) {
      for (const params of queries) answers.push(...(await readAllPages(t, who, path, params)))
    }
  }
  return answers
}

/** One request and the pages after it. */
async function readAllPages(t: DeliberationApiTest, who: Who, path: string, params: Record<string, string>) {
  const answers: SweptResponse[] = []
  let query = { ...params }
  for (let page = 0; page < 50; page++) {
    const search = new URLSearchParams(query).toString()
    const request = `GET ${path}${search ? `?${search}` : ''}`
    const res = await t.get(`${path}${search ? `?${search}` : ''}`, who)
    const text = unfold(await res.text())
    answers.push({ request, status: res.status, text })
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('json')) break
    const next = JSON.parse(text) as { nextCursor?: unknown; nextAfter?: unknown }
    const after = next.nextCursor ?? next.nextAfter
    if (after === null || after === undefined) break
    query = { ...params, after: String(after) }
  }
  return answers
}

/** The words of `markers` found in the answers, case-insensitively, each with the request that gave it away. */
export function leaksIn(answers: readonly SweptResponse[], markers: readonly string[]): string[] {
  const found: string[] = []
  for (const answer of answers) {
    const text = answer.text.toLowerCase()
    for (const marker of markers) {
      if (text.includes(marker.toLowerCase())) found.push(`${marker} in ${answer.request} (${answer.status})`)
    }
  }
  return found
}

/** Which of `markers` occur anywhere in the answers, case-insensitively. */
export function markersIn(answers: readonly SweptResponse[], markers: readonly string[]): string[] {
  const texts = answers.map((answer) => answer.text.toLowerCase())
  return markers.filter((marker) => texts.some((text) => text.includes(marker.toLowerCase())))
}
