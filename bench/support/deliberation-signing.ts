import type { Kysely } from 'kysely'
import { raiseQuestion } from '../../src/core/deliberation/raise-question.ts'
import { signQuestion } from '../../src/core/deliberation/sign-question.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { systemClock } from '../../src/core/shared/clock.ts'
import type { DB } from '../../src/db/schema.ts'
import { type SaturationFigures, saturate } from './deliberation-sampling.ts'

/** One pair of signing runs at one level of concurrency: one initiative, then as many signatures over many. */
export interface SigningPair {
  readonly concurrency: number
  readonly one: SaturationFigures
  readonly many: SaturationFigures
}

/** The signing runs of the bench, per level of concurrency, and one signer alone. */
export interface SigningFigures {
  readonly pairs: readonly SigningPair[]
  /** One initiative, one signature at a time: what a signature costs when nobody queues. */
  readonly serial: SaturationFigures
  readonly initiatives: number
  /** Signatures the root's initiatives need (the charter's share of the members in scope). */
  readonly required: number
  /** signatures_count on every initiative's row equals its signature rows. */
  readonly countsMatch: boolean
}

export interface SigningOptions {
  readonly rootId: number
  /** Distinct members in the root's scope who sign; none of them raises an initiative. */
  readonly signers: readonly number[]
  /** Members who raise the initiatives (and so sign them first): see `initiatorsNeeded`. */
  readonly initiators: readonly number[]
  readonly signatures: number
  /** Signatures in flight, one pair of runs per level (the first is the headline). */
  readonly levels: readonly number[]
  readonly initiatives: number
  readonly seconds: number
  readonly log: (line: string) => void
}

/** How many initiators measureSigning raises initiatives with. */
export function initiatorsNeeded(levels: number, initiatives: number): number {
  return 2 + levels * (1 + initiatives)
}

/** Raises an initiative in the root, committed, and returns its id and the signatures it needs. */
async function raiseInitiative(db: Kysely<DB>, rootId: number, memberId: number, n: number) {
  const question = await db.transaction().execute((trx) =>
    raiseQuestion(
      { db: trx, clock: systemClock, actor: cliActor },
      {
        bodyId: rootId,
        title: `Initiative ${n}: a congress on the tax in kind`,
        text: 'The members below ask the Central Committee to put the tax in kind to a congress.',
        proposal: 'Call an extraordinary congress on the tax in kind within three months.',
        topic: 'party-policy',
        origin: 'initiative',
        raisedByMemberId: memberId,
      },
    ),
  )
  return { id: question.id, required: question.signatures_required ?? 0 }
}

/** One signature in its own transaction, as the route runs it. */
function sign(db: Kysely<DB>, questionId: number, memberId: number) {
  return db
    .transaction()
    .execute((trx) =>
      signQuestion({ db: trx, clock: systemClock, actor: cliActor }, { questionId, memberId }),
    )
}

/**
 * Signing one initiative with `level` signers in flight, each in its own transaction, so every
 * signature queues on the one question row whose counter it increments (held from the UPDATE to
 * the commit); then the same number of signatures spread round-robin over `initiatives`
 * initiatives, where signers rarely meet on a row. The ratio of the two is the cost of the queue.
 * Each level gets fresh initiatives; the signers are the same members each time.
 */
export async function measureSigning(db: Kysely<DB>, options: SigningOptions): Promise<SigningFigures> {
  const { rootId, signers, log } = options
  let initiator = 0
  const raise = () => raiseInitiative(db, rootId, options.initiators[initiator] as number, initiator++)
  const raised: number[] = []
  const warm = await raise()
  raised.push(warm.id)
  let wanted = Math.min(options.signatures, signers.length)
  // Stay below the threshold: the signature that reaches it opens the discussion and ends collecting.
  if (wanted + 1 >= warm.required) {
    wanted = Math.max(1, warm.required - 2)
    log(`only ${warm.required} signatures open an initiative here: signing ${wanted} instead`)
  }
  log(`warming up: 200 signatures of a throwaway initiative (needs ${warm.required})…`)
  await saturate(Math.min(200, wanted), options.levels[0] ?? 1, options.seconds, (i) =>
    sign(db, warm.id, signers[i] as number),
  )

  const pairs: SigningPair[] = []
  for (const level of options.levels) {
    const single = await raise()
    raised.push(single.id)
    log(`one initiative: ${wanted} signatures, ${level} in flight…`)
    const one = await saturate(wanted, level, options.seconds, (i) =>
      sign(db, single.id, signers[i] as number),
    )
    log(
      `one initiative: ${one.done} in ${one.seconds.toFixed(1)} s (${Math.round(one.done / one.seconds)}/s)`,
    )
    // The same number of signatures the first run managed, so the two runs compare like with like.
    const spread: number[] = []
    for (let n = 0; n < options.initiatives; n++) spread.push((await raise()).id)
    raised.push(...spread)
    log(`${options.initiatives} initiatives: ${one.done} signatures, ${level} in flight…`)
    const many = await saturate(one.done, level, options.seconds, (i) =>
      sign(db, spread[i % spread.length] as number, signers[i] as number),
    )
    log(`${options.initiatives} initiatives: ${many.done} in ${many.seconds.toFixed(1)} s`)
    pairs.push({ concurrency: level, one, many })
  }

  const alone = await raise()
  raised.push(alone.id)
  log('one initiative, one signature at a time…')
  const serial = await saturate(Math.min(500, wanted), 1, options.seconds, (i) =>
    sign(db, alone.id, signers[i] as number),
  )

  const rows = await db
    .selectFrom('questions as q')
    .select(['q.id', 'q.signatures_count'])
    .select((eb) =>
      eb
        .selectFrom('question_signatures as s')
        .whereRef('s.question_id', '=', 'q.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('signed'),
    )
    .where('q.id', 'in', raised)
    .execute()
  const countsMatch = rows.every((row) => Number(row.signed) === row.signatures_count)
  return { pairs, serial, initiatives: options.initiatives, required: warm.required, countsMatch }
}
