import type {
  Kysely,
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { NoResultError, SelectQueryNode, sql } from 'kysely'
import { SeededRandom } from '../../src/core/demo/random.ts'
import { listEvents } from '../../src/core/events/list-events.ts'
import { logStatus } from '../../src/core/events/log-status.ts'
import { listMembers } from '../../src/core/members/list-members.ts'
import { searchBodies } from '../../src/core/orgs/search-bodies.ts'
import { readPersonalEvents } from '../../src/core/privacy/read-personal-events.ts'
import type { DB } from '../../src/db/schema.ts'

interface ExplainedNode extends OperationNode {
  readonly kind: 'ExplainNode'
  readonly options: OperationNode
}

/**
 * Turns every SELECT (or those `wanted` picks) into EXPLAIN (ANALYZE, BUFFERS) of itself, so the
 * plan shown is the plan of the exact SQL the use case builds, not a copy of it that could drift.
 * Other queries run as they are, so a use case that looks something up first still gets its rows.
 */
export class ExplainPlugin implements KyselyPlugin {
  readonly plans: string[] = []
  readonly #wanted: (node: RootOperationNode) => boolean
  readonly #explained = new WeakSet<QueryId>()
  constructor(wanted: (node: RootOperationNode) => boolean = () => true) {
    this.#wanted = wanted
  }
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(node) || !this.#wanted(node)) return node
    this.#explained.add(queryId)
    const explain: ExplainedNode = { kind: 'ExplainNode', options: sql`analyze, buffers`.toOperationNode() }
    return { ...node, explain } as RootOperationNode
  }
  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.#explained.has(queryId)) return result
    this.plans.push(result.rows.map((row) => String(row['QUERY PLAN'])).join('\n'))
    return { ...result, rows: [] }
  }
}

/** Whether a query reads the events table anywhere in it (joins and subqueries too). */
export function readsEvents(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(readsEvents)
  if (typeof node !== 'object' || node === null) return false
  const record = node as { kind?: unknown; table?: { identifier?: { name?: unknown } } }
  if (record.kind === 'TableNode' && record.table?.identifier?.name === 'events') return true
  return Object.values(node).some(readsEvents)
}

/** A collapsible markdown section holding plans. */
export function planSection(title: string, plans: readonly string[]): string {
  return `<details><summary>${title}</summary>\n\n\`\`\`\n${plans.join('\n\n')}\n\`\`\`\n</details>`
}

/** EXPLAIN ANALYZE of listMembers (standing ≥ 10 years, page of 50) at each scope level. */
export async function explainMemberQueries(db: Kysely<DB>, asOf: string): Promise<string> {
  const random = new SeededRandom(7)
  const sections: string[] = []
  for (const level of ['region', 'area', 'district', 'unit']) {
    const bodies = await db.selectFrom('bodies').select('path').where('level', '=', level).execute()
    const path = random.pick(bodies).path
    const plugin = new ExplainPlugin()
    await listMembers(db.withPlugin(plugin), { scopePath: path, asOf, minStandingYears: 10, limit: 50 })
    sections.push(planSection(`members of ${level} ${path}, standing ≥ 10 y, page of 50`, plugin.plans))
  }
  return sections.join('\n\n')
}

/** Where the newer reads' plans are taken: one scope per level and a member with readers. */
export interface NewerPlanTargets {
  readonly rootPath: string
  readonly scopes: readonly { readonly level: string; readonly path: string }[]
  readonly memberId: number | null
}

/**
 * EXPLAIN ANALYZE of body search (root, rare and common), the activity feed's events query at
 * each scope, the log status's unsealed count, and the personal-data document's events query,
 * which should use the events_member_reads GIN index for the member-list reads.
 */
export async function explainNewerReads(db: Kysely<DB>, targets: NewerPlanTargets): Promise<string> {
  const sections: string[] = []
  const explain = async (title: string, run: (db: Kysely<DB>) => Promise<unknown>, wanted = readsEvents) => {
    const plugin = new ExplainPlugin(wanted)
    // An explained query returns no rows, so a use case expecting one (a count) throws after it.
    await run(db.withPlugin(plugin)).catch((error: unknown) => {
      if (!(error instanceof NoResultError)) throw error
    })
    sections.push(planSection(title, plugin.plans))
  }
  for (const q of ['Unit 4711', 'factory']) {
    await explain(
      `body search "${q}" from the root, page of 20`,
      (db) => searchBodies(db, { scopePath: targets.rootPath, q, limit: 20 }),
      () => true,
    )
  }
  for (const { level, path } of [{ level: 'root', path: targets.rootPath }, ...targets.scopes]) {
    await explain(`activity feed of ${level} ${path}, page of 50`, (db) =>
      listEvents(db, { scopePath: path, limit: 50 }),
    )
  }
  await explain('log status: events above the newest seal', (db) => logStatus(db))
  if (targets.memberId !== null) {
    const memberId = targets.memberId
    await explain(`personal-data document: events about member ${memberId}`, (db) =>
      readPersonalEvents(db, memberId, []),
    )
  }
  return sections.join('\n\n')
}
