import { randomBytes } from 'node:crypto'
import { generateOrganisation } from '../../core/demo/generate-organisation.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { progressBar } from '../progress.ts'
import { type DataOptions, describeDatabase, openRuntime } from '../runtime.ts'

/** `charter generate`: a synthetic organisation of the given size, with a progress bar. */
export async function generateCommand(
  options: DataOptions & { members: number; units: number; seed: number },
) {
  const { database, clock, config } = await openRuntime(options)
  const bar = progressBar('members', options.members)
  const started = performance.now()
  const admin = { email: 'admin@synthetic.invalid', password: randomBytes(12).toString('base64url') }
  try {
    const summary = await generateOrganisation(database, clock, cliActor, {
      members: options.members,
      units: options.units,
      seed: options.seed,
      onProgress: (done) => bar.update(done),
      admin,
    })
    bar.stop()
    const seconds = (performance.now() - started) / 1000
    console.log(
      `generated ${summary.bodies} bodies (${summary.units} units) and ${summary.members} members ` +
        `in ${seconds.toFixed(1)} s (${Math.round(summary.members / seconds)} members/s) into ${describeDatabase(config)}`,
    )
    console.log(`administrator ${admin.email}, password: ${admin.password}  (shown once)`)
  } finally {
    bar.stop()
    await database.close()
  }
}
