import {
  type Kysely,
  type KyselyPlugin,
  NoResultError,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely'
import { getQuestion } from '../../src/core/deliberation/get-question.ts'
import { listComments } from '../../src/core/deliberation/list-comments.ts'
import { listQuestions } from '../../src/core/deliberation/list-questions.ts'
import { raiseQuestion } from '../../src/core/deliberation/raise-question.ts'
import type { SeededRandom } from '../../src/core/demo/random.ts'
import { encodeCursor } from '../../src/core/members/schemas.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { systemClock, toIsoDate } from '../../src/core/shared/clock.ts'
import type { DB } from '../../src/db/schema.ts'
import type { DiscussionFigures } from './deliberation-discussion.ts'
import { SEARCH_WORD } from './deliberation-discussion.ts'
import { type LatencyFigures, sampleRow, timedRolledBack } from './deliberation-sampling.ts'
import { ExplainPlugin, planSection } from './explain.ts'
import { timed } from './latency.ts'

/** How each measured section samples, and whether it also takes plans. */
export interface SectionOptions {
  readonly samples: number
  readonly seconds: number
  readonly explain: boolean
  readonly log: (line: string) => void
}

/** Disjoint sets of random members in the root's scope (candidates and full members), by role. */
export interface BenchPeople {
  readonly signers: number[]
  readonly initiators: number[]
  readonly authors: number[]
  readonly supporters: number[]
  readonly audience: number[]
  readonly viewers: number[]
  /** Every picked member by region, to raise a region's initiative. */
  readonly byRegion: ReadonlyMap<number, readonly number[]>
}

/** Draws the bench's people: a deterministic shuffle of the members who take part, cut into roles. */
export async function pickMembers(
  db: Kysely<DB>,
  counts: Record<Exclude<keyof BenchPeople, 'byRegion'>, number>,
): Promise<BenchPeople> {
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const { rows } = await sql<{ id: number; region_id: number }>`
    select id, region_id from members where status in ('candidate', 'full')
    order by md5(id::text) limit ${total}`.execute(db)
  if (rows.length < total) throw new Error(`only ${rows.length} members take part; the bench needs ${total}`)
  let at = 0
  const take = (n: number) => {
    const slice = rows.slice(at, at + n).map((row) => Number(row.id))
    at += n
    return slice
  }
  const byRegion = new Map<number, number[]>()
  for (const row of rows)
    byRegion.set(Number(row.region_id), [...(byRegion.get(Number(row.region_id)) ?? []), Number(row.id)])
  return {
    signers: take(counts.signers),
    initiators: take(counts.initiators),
    authors: take(counts.authors),
    supporters: take(counts.supporters),
    audience: take(counts.audience),
    viewers: take(counts.viewers),
    byRegion,
  }
}

/** Whether a query reads one of the tables (joins and subqueries too). */
function reads(tables: readonly string[]) {
  const walk = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(walk)
    if (typeof node !== 'object' || node === null) return false
    const record = node as { kind?: unknown; table?: { identifier?: { name?: unknown } } }
    if (record.kind === 'TableNode' && tables.includes(String(record.table?.identifier?.name))) return true
    return Object.values(node).some(walk)
  }
  return (node: RootOperationNode) => walk(node)
}

/**
 * ExplainPlugin's twin for the SQL a use case writes by hand (sql`…`, a RawNode, which
 * ExplainPlugin leaves alone): prefixes EXPLAIN (ANALYZE, BUFFERS) to the exact text it runs.
 */
class RawExplainPlugin implements KyselyPlugin {
  readonly plans: string[] = []
  readonly #explained = new WeakSet<QueryId>()
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (!RawNode.is(node)) return node
    this.#explained.add(queryId)
    const [first = '', ...rest] = node.sqlFragments
    return { ...node, sqlFragments: [`explain (analyze, buffers) ${first}`, ...rest] }
  }
  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.#explained.has(queryId)) return result
    this.plans.push(result.rows.map((row) => String(row['QUERY PLAN'])).join('\n'))
    return { ...result, rows: [] }
  }
}

/**
 * The plans of one call's wanted SELECTs (and, with `raw`, of its hand-written SQL), as it runs.
 * An explained query returns no rows, so a use case expecting one may throw after the plans.
 */
async function plansOf(
  db: Kysely<DB>,
  title: string,
  wanted: (node: RootOperationNode) => boolean,
  run: (db: Kysely<DB>) => Promise<unknown>,
  raw = false,
): Promise<string> {
  const plugin = new ExplainPlugin(wanted)
  const rawPlugin = new RawExplainPlugin()
  const explained = raw ? db.withPlugin(plugin).withPlugin(rawPlugin) : db.withPlugin(plugin)
  await run(explained).catch((error: unknown) => {
    if (!(error instanceof NoResultError)) throw error
  })
  return planSection(title, [...plugin.plans, ...rawPlugin.plans])
}

const initiative = (bodyId: number, memberId: number) => ({
  bodyId,
  title: 'A congress on the tax in kind',
  text: 'The members below ask for an extraordinary congress.',
  proposal: 'Call an extraordinary congress within three months.',
  topic: 'party-policy',
  origin: 'initiative' as const,
  raisedByMemberId: memberId,
})

/**
 * Raising an initiative in the root and in a random region, each in a transaction rolled back
 * (the time is raiseQuestion's, inside the transaction: no commit). Its cost is the count of the
 * members in scope that sets the signature threshold; a question put by the body counts nobody and
 * is the baseline.
 */
export async function measureRaising(
  db: Kysely<DB>,
  random: SeededRandom,
  rootId: number,
  people: BenchPeople,
  options: SectionOptions,
): Promise<{ rows: LatencyFigures[]; plans: string[] }> {
  const ctx = (trx: Kysely<DB>) => ({ db: trx, clock: systemClock, actor: cliActor })
  const regions = [...people.byRegion.keys()]
  const rows = [
    await sampleRow(
      'raiseQuestion, initiative',
      'root (all members)',
      options,
      () =>
        timedRolledBack(db, (trx) =>
          raiseQuestion(ctx(trx), initiative(rootId, random.pick(people.viewers))),
        ),
      options.log,
    ),
    await sampleRow(
      'raiseQuestion, initiative',
      `random region (of ${regions.length})`,
      options,
      () => {
        const region = random.pick(regions)
        const member = random.pick(people.byRegion.get(region) ?? [])
        return timedRolledBack(db, (trx) => raiseQuestion(ctx(trx), initiative(region, member)))
      },
      options.log,
    ),
    await sampleRow(
      'raiseQuestion, put by the body (no count)',
      'root',
      options,
      () =>
        timedRolledBack(db, (trx) =>
          raiseQuestion(ctx(trx), { ...initiative(rootId, 1), origin: 'body', raisedByMemberId: null }),
        ),
      options.log,
    ),
  ]
  const plans: string[] = []
  if (options.explain) {
    // Only the count: the member lookup of the initiator reads members by primary key.
    const counting = (node: RootOperationNode) =>
      reads(['members'])(node) && JSON.stringify(node).includes('AggregateFunctionNode')
    for (const [scope, bodyId] of [
      ['root', rootId],
      ['a region', regions[0] as number],
    ] as const) {
      const member =
        scope === 'root' ? (people.viewers[0] as number) : (people.byRegion.get(bodyId)?.[0] ?? 0)
      await timedRolledBack(db, async (trx) => {
        plans.push(
          await plansOf(
            trx,
            `raiseQuestion (initiative) in ${scope}: the members in scope`,
            counting,
            (explained) => raiseQuestion(ctx(explained), initiative(bodyId, member)),
          ),
        )
      })
    }
  }
  return { rows, plans }
}

/**
 * The reads of a big discussion and of a long list of questions, by random members in scope who
 * are in no confidential question's audience (so 100 of the root's questions come back redacted).
 */
export async function measureReads(
  db: Kysely<DB>,
  random: SeededRandom,
  input: { rootId: number; discussion: DiscussionFigures; viewers: readonly number[] },
  options: SectionOptions,
): Promise<{ rows: LatencyFigures[]; plans: string[] }> {
  const today = toIsoDate(systemClock.now())
  const questionId = input.discussion.questionId
  const ids = input.discussion.commentIds
  const middle = encodeCursor([ids[Math.floor(ids.length / 2) - 1] ?? 0])
  const viewer = () => random.pick(input.viewers)
  const page = (after?: string) => (db2: Kysely<DB>) =>
    listComments(db2, {
      questionId,
      viewerMemberId: viewer(),
      viewerMayAudit: false,
      today,
      limit: 50,
      after,
    })
  const questions = (q?: string) => (db2: Kysely<DB>) =>
    listQuestions(db2, { bodyId: input.rootId, viewerMemberId: viewer(), today, q, limit: 50 })
  const comments = `${ids.length.toLocaleString('en-GB')} comments`
  const shapes: [string, string, (db2: Kysely<DB>) => Promise<unknown>][] = [
    ['listComments, first page of 50', comments, page()],
    ['listComments, middle page of 50 (cursor)', comments, page(middle)],
    [
      'getQuestion',
      'the discussed question',
      (db2) => getQuestion(db2, { questionId, viewerMemberId: viewer(), now: systemClock.now() }),
    ],
    ['listQuestions, page of 50', 'root body, not in any audience', questions()],
    [
      `listQuestions, search "${SEARCH_WORD}", page of 50`,
      'root body, not in any audience',
      questions(SEARCH_WORD),
    ],
  ]
  const rows: LatencyFigures[] = []
  for (const [what, scope, run] of shapes)
    rows.push(await sampleRow(what, scope, options, () => timed(() => run(db)), options.log))
  const plans: string[] = []
  if (options.explain) {
    const thread = reads(['question_comments', 'question_supports'])
    plans.push(await plansOf(db, 'listComments, first page of 50: rows, proposal support', thread, page()))
    // Apart: with the rows explained away, the page is empty and the depths are never asked.
    plans.push(await plansOf(db, 'listComments, first page of 50: depths', () => false, page(), true))
    plans.push(
      await plansOf(db, 'listComments, middle page of 50: rows, proposal support', thread, page(middle)),
    )
    plans.push(
      await plansOf(
        db,
        'getQuestion: its counts',
        () => false,
        (db2) => getQuestion(db2, { questionId, viewerMemberId: viewer(), now: systemClock.now() }),
        true,
      ),
    )
    plans.push(await plansOf(db, 'listQuestions, page of 50', reads(['questions']), questions()))
    plans.push(
      await plansOf(
        db,
        `listQuestions, search "${SEARCH_WORD}"`,
        reads(['questions']),
        questions(SEARCH_WORD),
      ),
    )
  }
  return { rows, plans }
}
