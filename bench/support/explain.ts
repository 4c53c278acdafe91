import type { Kysely, KyselyPlugin, OperationNode, RootOperationNode, UnknownRow } from 'kysely'
import { SelectQueryNode, sql } from 'kysely'
import { SeededRandom } from '../../src/core/demo/random.ts'
import { listMembers } from '../../src/core/members/list-members.ts'
import type { DB } from '../../src/db/schema.ts'

interface ExplainedNode extends OperationNode {
  readonly kind: 'ExplainNode'
  readonly options: OperationNode
}

/**
 * Turns every SELECT into EXPLAIN (ANALYZE, BUFFERS) of itself, so the plan shown is the plan of
 * the exact SQL the use case builds, not a copy of it that could drift.
 */
class ExplainPlugin implements KyselyPlugin {
  readonly plans: string[] = []
  transformQuery({ node }: { node: RootOperationNode }): RootOperationNode {
    if (!SelectQueryNode.is(node)) return node
    const explain: ExplainedNode = { kind: 'ExplainNode', options: sql`analyze, buffers`.toOperationNode() }
    return { ...node, explain } as RootOperationNode
  }
  async transformResult({ result }: { result: { rows: UnknownRow[] } }) {
    this.plans.push(result.rows.map((row) => String(row['QUERY PLAN'])).join('\n'))
    return { ...result, rows: [] }
  }
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
    sections.push(
      `<details><summary>members of ${level} ${path}, standing ≥ 10 y, page of 50</summary>\n\n\`\`\`\n${plugin.plans.join('\n\n')}\n\`\`\`\n</details>`,
    )
  }
  return sections.join('\n\n')
}
