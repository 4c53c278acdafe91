import { randomBytes } from 'node:crypto'
import { createAccount } from '../../core/accounts/create-account.ts'
import { grantRole } from '../../core/accounts/grant-role.ts'
import { configureOrganisation } from '../../core/orgs/configure-organisation.ts'
import { createBody } from '../../core/orgs/create-body.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { AppError } from '../../core/shared/errors.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

/**
 * `charter init`: a real organisation on the real clock, its root body and a first administrator
 * with a generated password (printed once; only its argon2id hash is stored).
 */
export async function initCommand(
  options: DataOptions & { name: string; levels: string; adminEmail: string },
): Promise<void> {
  const { database, clock } = await openRuntime(options)
  const password = randomBytes(12).toString('base64url')
  try {
    const levels = options.levels.split(',').map((level) => level.trim())
    const result = await database.db.transaction().execute(async (trx) => {
      const ctx = { db: trx, clock, actor: cliActor }
      if (await trx.selectFrom('bodies').select('id').limit(1).executeTakeFirst()) {
        throw new AppError('CONFLICT', 'This database already holds an organisation')
      }
      await configureOrganisation(ctx, { name: options.name, levels })
      const root = await createBody(ctx, { parentId: null, name: options.name })
      const admin = await createAccount(ctx, {
        email: options.adminEmail,
        displayName: 'Administrator',
        password,
      })
      await grantRole(ctx, { accountId: admin.id, role: 'admin', bodyId: root.id })
      return { root, admin }
    })
    console.log(
      `organisation "${options.name}" created with root body ${result.root.id} (${levels.join(' → ')})`,
    )
    console.log(`administrator ${options.adminEmail}, password: ${password}  (shown once)`)
  } finally {
    await database.close()
  }
}
