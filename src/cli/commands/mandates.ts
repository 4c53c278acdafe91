import { appointToPost } from '../../core/mandates/appoint-to-post.ts'
import { endMandate } from '../../core/mandates/end-mandate.ts'
import { type BodyPosts, listBodyPosts, type PostHolder } from '../../core/mandates/list-body-posts.ts'
import { recordElectedMandate } from '../../core/mandates/record-elected-mandate.ts'
import { getBody } from '../../core/orgs/get-body.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import type { UseCaseContext } from '../../core/shared/context.ts'
import type { MandateRow } from '../../db/schema.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

/** Runs one write in a transaction as the CLI operator, on the organisation's clock. */
async function inTransaction<T>(
  options: DataOptions,
  work: (ctx: UseCaseContext, today: string) => Promise<T>,
): Promise<T> {
  const { database, clock } = await openRuntime(options)
  try {
    return await database.db
      .transaction()
      .execute((trx) => work({ db: trx, clock, actor: cliActor }, toIsoDate(clock.now())))
  } finally {
    await database.close()
  }
}

function describeMandate(mandate: MandateRow): string {
  const first = mandate.first_mandate ? ', promoted from the ranks' : ''
  return `mandate ${mandate.id}: member ${mandate.member_id} is ${mandate.post} of body ${mandate.body_id}, ${mandate.how}, ${mandate.starts_on} → ${mandate.ends_on}${first}`
}

/** `charter appoint`: appoints a member to a post, as the charter in force allows. */
export async function appointCommand(
  options: DataOptions & {
    member: number
    post: string
    body: number
    by: number
    justification?: string
    on?: string
  },
): Promise<void> {
  const mandate = await inTransaction(options, (ctx, today) =>
    appointToPost(ctx, {
      memberId: options.member,
      bodyId: options.body,
      post: options.post,
      appointedByBodyId: options.by,
      justification: options.justification ?? null,
      startsOn: options.on ?? today,
    }),
  )
  const why = mandate.justification
    ? ` (justification ${mandate.justification}, rule ${mandate.rule_id})`
    : ''
  console.log(`${describeMandate(mandate)}, by body ${mandate.appointed_by_body_id}${why}`)
}

/** `charter elect`: records a mandate won in an election held outside Charter. */
export async function electCommand(
  options: DataOptions & { member: number; post: string; body: number; on?: string },
): Promise<void> {
  const result = await inTransaction(options, (ctx, today) =>
    recordElectedMandate(ctx, {
      memberId: options.member,
      bodyId: options.body,
      post: options.post,
      startsOn: options.on ?? today,
      electionId: null,
    }),
  )
  console.log(describeMandate(result.mandate))
  for (const id of result.replacedMandateIds) console.log(`  replaces appointed mandate ${id}`)
}

/** `charter end-mandate`: ends a mandate (term ended, resigned, recalled). */
export async function endMandateCommand(
  options: DataOptions & { mandate: number; reason: 'term-ended' | 'resigned' | 'recalled'; on?: string },
): Promise<void> {
  const ended = await inTransaction(options, (ctx, today) =>
    endMandate(ctx, { mandateId: options.mandate, reason: options.reason, onDate: options.on ?? today }),
  )
  console.log(`mandate ${ended.id} ended on ${ended.ended_on} (${ended.end_reason})`)
}

function holderLine(holder: PostHolder): string {
  const parts = [`${holder.memberName} (member ${holder.memberId})`]
  if (holder.how === 'elected') {
    parts.push(`ELECTED${holder.electionId === null ? '' : ` in election ${holder.electionId}`}`)
  } else {
    parts.push(`APPOINTED by ${holder.appointedBy?.name ?? '?'} (body ${holder.appointedBy?.id ?? '?'})`)
    if (holder.justification) {
      const text = holder.justification.text ? `: "${holder.justification.text}"` : ''
      parts.push(`justification ${holder.justification.id}${text}`)
    }
  }
  parts.push(`${holder.startsOn} → ${holder.endsOn}`)
  if (holder.expired) parts.push('EXPIRED, election overdue')
  if (holder.firstMandate) parts.push('promoted from the ranks')
  return `    - ${parts.join('; ')}  [mandate ${holder.mandateId}]`
}

/** The posts listing as text: one block per post, holders beneath. */
export function formatBodyPosts(listing: BodyPosts, bodyName: string): string {
  const lines = [
    `${bodyName} (body ${listing.bodyId}) on ${listing.date}, charter version ${listing.charterVersionId ?? 'none in force'}`,
  ]
  if (listing.posts.length === 0) lines.push('  no posts defined at this level')
  for (const post of listing.posts) {
    const rules = [post.ruleIds.post, ...post.ruleIds.standing, post.ruleIds.election].filter(Boolean)
    const kind = post.defined ? (post.elective ? 'elective' : 'not elective') : 'no longer in the charter'
    lines.push(
      `  ${post.post}: ${post.title}, ${post.seats} seat(s), ${post.vacant} vacant, ${kind}` +
        (rules.length > 0 ? `  [${rules.join(', ')}]` : ''),
    )
    for (const holder of post.holders) lines.push(holderLine(holder))
  }
  return lines.join('\n')
}

/** `charter mandates --body ID`: the body's posts and their holders on a date. */
export async function mandatesCommand(
  options: DataOptions & { body: number; date?: string; json?: boolean },
): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const date = options.date ?? toIsoDate(clock.now())
    const listing = await listBodyPosts(database.db, { bodyId: options.body, date })
    if (options.json) {
      console.log(JSON.stringify(listing, null, 2))
      return
    }
    const body = await getBody(database.db, options.body)
    console.log(formatBodyPosts(listing, body.name))
  } finally {
    await database.close()
  }
}
