import type { Database } from '../../db/client.ts'
import { createAccount } from '../accounts/create-account.ts'
import { grantRole } from '../accounts/grant-role.ts'
import { loadMembers } from '../members/bulk-load-members.ts'
import { configureOrganisation } from '../orgs/configure-organisation.ts'
import type { Actor } from '../shared/actor.ts'
import type { Clock } from '../shared/clock.ts'
import { AppError } from '../shared/errors.ts'
import { createTree } from './create-tree.ts'
import { distributeMembers } from './member-seeds.ts'
import { SeededRandom } from './random.ts'
import { SYNTHETIC_LEVELS, syntheticTree } from './synthetic-tree.ts'

export interface GenerateInput {
  readonly members: number
  readonly units: number
  readonly seed?: number
  readonly onProgress?: (membersLoaded: number, total: number) => void
  /** An administrator of the whole synthetic organisation, so its web app can be tried at scale. */
  readonly admin?: { readonly email: string; readonly password: string }
}

export interface GenerateSummary {
  readonly bodies: number
  readonly units: number
  readonly members: number
  readonly rootId: number
}

/**
 * A synthetic organisation in an empty database, for benchmarks: five levels, `units` base
 * organisations and `members` members, in one transaction through the same bulk loader as CSV
 * import (so its speed is the import path's speed).
 */
export async function generateOrganisation(
  database: Database,
  clock: Clock,
  actor: Actor,
  input: GenerateInput,
): Promise<GenerateSummary> {
  if (input.units > input.members) {
    throw new AppError('VALIDATION_FAILED', 'Give at least as many members as units', { ...input })
  }
  const random = new SeededRandom(input.seed ?? 1923)
  return database.bulkTransaction(async (trx, copyIn) => {
    const ctx = { db: trx, clock, actor }
    const existing = await trx.selectFrom('bodies').select('id').limit(1).executeTakeFirst()
    if (existing)
      throw new AppError(
        'CONFLICT',
        'The database already holds an organisation; generate needs an empty one',
      )
    await configureOrganisation(ctx, { name: 'Synthetic organisation', levels: SYNTHETIC_LEVELS })
    const nodes = syntheticTree(random, input.units)
    const ids = await createTree(ctx, nodes, 'generate')
    const places = nodes
      .filter((node) => node.level === 'unit')
      .map((node) => ({
        unitId: ids.get(node.key) as number,
        unitKind: node.kind ?? 'custom',
        rural: node.kind === 'village',
      }))
    const loaded = await loadMembers(
      trx,
      copyIn,
      clock,
      actor,
      distributeMembers(random, places, input.members, 100),
      {
        source: 'generate',
        onProgress: (progress) => input.onProgress?.(progress.rows, input.members),
      },
    )
    const rootId = ids.get('c') as number
    if (input.admin) {
      const account = await createAccount(ctx, { ...input.admin, displayName: 'Administrator' })
      await grantRole(ctx, { accountId: account.id, role: 'admin', bodyId: rootId })
    }
    return { bodies: nodes.length, units: places.length, members: loaded.count, rootId }
  })
}
