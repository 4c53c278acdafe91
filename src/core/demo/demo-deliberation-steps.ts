import { deliberationJobHandlers } from '../deliberation/deliberation-jobs.ts'
import { getBody } from '../orgs/get-body.ts'
import { inSubtree } from '../orgs/tree.ts'
import type { Actor } from '../shared/actor.ts'
import type { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import type { TreeNode } from './create-tree.ts'
import type { SeededRandom } from './random.ts'

/**
 * What the demo's deliberation stories share: the replay's context on a hand-moved clock, the
 * seeded random, the tree's bodies by key, and the accounts that act for the bodies.
 */
export interface DeliberationScene {
  /** The replay's context: the hand-moved clock, acting as the system (members' own acts). */
  readonly ctx: UseCaseContext
  readonly clock: ManualClock
  readonly random: SeededRandom
  /** A body's id by its demo tree key (`moscow`, `moscow/2`, `moscow/2/11`). */
  readonly bodyId: (key: string) => number
  /** The demo tree, to find units by kind (a region's regiments, a district's factories). */
  readonly nodes: readonly TreeNode[]
  /** The sign-in accounts acting for the bodies: the Central Committee's and the two secretaries'. */
  readonly accounts: { readonly admin: number; readonly moscow: number; readonly yekaterinoslav: number }
}

/** An instant on a day of the organisation's (UTC) calendar: `at('1923-11-22', '10:00')`. */
export function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00Z`)
}

/** The scene's context acting as a sign-in account (a secretary entering what the body did). */
export function actingAs(scene: DeliberationScene, accountId: number): UseCaseContext {
  const actor: Actor = { kind: 'account', accountId }
  return { ...scene.ctx, actor }
}

const JOB_KINDS = Object.keys(deliberationJobHandlers)

/**
 * Moves the clock to `to`, first running every deliberation job due by then through the
 * scheduler's own handlers, each at its due time (so a discussion closed at its maximum, or a
 * task logged overdue, carries the time the server would have given it), and marking it done as
 * the runner does. runDueJobs itself cannot serve: it opens a transaction per job, and the demo is
 * built in one. Moving back in time runs nothing (what fell due was run when the clock passed it).
 */
export async function moveTo(scene: DeliberationScene, to: Date): Promise<void> {
  const { ctx, clock } = scene
  const due = await ctx.db
    .selectFrom('scheduled_jobs')
    .select(['id', 'kind', 'subject_id', 'due_at'])
    .where('kind', 'in', JOB_KINDS)
    .where('state', '=', 'pending')
    .where('due_at', '<=', to)
    .orderBy('due_at')
    .orderBy('id')
    .execute()
  for (const job of due) {
    const handler = deliberationJobHandlers[job.kind]
    if (!handler) throw new Error(`the demo has no handler for the job ${job.kind}`)
    const dueAt = new Date(job.due_at)
    clock.set(dueAt)
    await handler(ctx, job.subject_id)
    await ctx.db
      .updateTable('scheduled_jobs')
      .set((eb) => ({ state: 'done', done_at: dueAt, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', job.id)
      .execute()
  }
  clock.set(to)
}

/** A member who may take part on a date, with the name their criticism is signed with. */
export interface DemoParticipant {
  readonly id: number
  readonly fullName: string
}

/**
 * The members of a body's subtree who were in the party on `on` with one of `statuses` (a full
 * member since then, where `full` is asked for alone), in id order: the pool a story draws its
 * speakers, signers and voters from, so nobody acts before they joined.
 */
export async function membersOn(
  ctx: UseCaseContext,
  bodyId: number,
  on: string,
  statuses: readonly ('candidate' | 'full')[] = ['candidate', 'full'],
): Promise<DemoParticipant[]> {
  const body = await getBody(ctx.db, bodyId)
  let query = ctx.db
    .selectFrom('members')
    .select(['id', 'full_name'])
    .where(inSubtree('unit_path', body.path))
    .where('status', 'in', [...statuses])
    .where('joined_on', '<=', on)
  if (statuses.length === 1 && statuses[0] === 'full') query = query.where('full_member_since', '<=', on)
  const rows = await query.orderBy('id').execute()
  return rows.map((row) => ({ id: row.id, fullName: row.full_name }))
}

/** `count` distinct members drawn from `pool` (all of them when it is smaller), seeded. */
export function draw<T>(random: SeededRandom, pool: readonly T[], count: number): T[] {
  return random.shuffled(pool).slice(0, count)
}

/**
 * `count` instants on the days from `fromDate` to `toDate`, each at a waking hour (07:00–22:00),
 * drawn seeded and returned in order: when members write after their shift, not at dawn.
 */
export function daytimes(random: SeededRandom, fromDate: string, toDate: string, count: number): Date[] {
  return Array.from({ length: count }, () => {
    const minutes = random.int(7 * 60, 22 * 60)
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    return at(random.dateBetween(fromDate, toDate), time)
  }).sort((a, b) => a.getTime() - b.getTime())
}

/** The member holding `post` in a body on a date, if one does (the demo leaves some posts vacant). */
export async function holderOf(
  ctx: UseCaseContext,
  bodyId: number,
  post: string,
  on: string,
): Promise<number | null> {
  const row = await ctx.db
    .selectFrom('mandates')
    .select('member_id')
    .where('body_id', '=', bodyId)
    .where('post', '=', post)
    .where('starts_on', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]))
    .orderBy('starts_on')
    .executeTakeFirst()
  return row?.member_id ?? null
}

/**
 * The members holding any post of a body on a date, in id order: a committee's roll, who decide
 * its questions (deciding-members.ts counts them the same way).
 */
export async function postHoldersOf(ctx: UseCaseContext, bodyId: number, on: string): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('mandates')
    .select('member_id')
    .distinct()
    .where('body_id', '=', bodyId)
    .where('starts_on', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]))
    .orderBy('member_id')
    .execute()
  return rows.map((row) => row.member_id)
}

/** The ids of the units of one kind (`army`, `factory`) under a tree key (`turkestan`, `moscow/0`). */
export function unitsOfKind(scene: DeliberationScene, underKey: string, kind: string): number[] {
  return scene.nodes
    .filter((node) => node.level === 'unit' && node.kind === kind && node.key.startsWith(`${underKey}/`))
    .map((node) => scene.bodyId(node.key))
}
