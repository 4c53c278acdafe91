import { type Kysely, sql } from 'kysely'
import { postComment } from '../../src/core/deliberation/post-comment.ts'
import { raiseQuestion } from '../../src/core/deliberation/raise-question.ts'
import type { SeededRandom } from '../../src/core/demo/random.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { systemClock } from '../../src/core/shared/clock.ts'
import type { DB } from '../../src/db/schema.ts'
import type { CommentKind } from '../../src/db/schema-deliberation.ts'
import { saturate } from './deliberation-sampling.ts'

/** The word the search rows look for: in about one question title in ten, and nowhere else. */
export const SEARCH_WORD = 'harvest'

const WORDS = (
  'the committee proposal members district union factory wages bread grain tax kind congress ' +
  'report plan delegates vote organisation region cell discussion criticism press workers ' +
  'peasants supply transport fuel schools railway cooperative credit market price quota'
).split(' ')

const ctxOf = (db: Kysely<DB>) => ({ db, clock: systemClock, actor: cliActor })

/** Words a member might write: `sentences` sentences of 8–20 words from a small vocabulary. */
export function prose(random: SeededRandom, sentences: number): string {
  const out: string[] = []
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: random.int(8, 20) }, () => random.pick(WORDS))
    out.push(`${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`)
  }
  return out.join(' ')
}

/**
 * Raises `count` questions in the body through raiseQuestion (put by the body, so each opens its
 * discussion), each in its own committed transaction; the first `confidential` of them are
 * military secrets shown to `audience` only. About one title in ten carries SEARCH_WORD.
 */
export async function raiseManyQuestions(
  db: Kysely<DB>,
  random: SeededRandom,
  input: { bodyId: number; count: number; confidential: number; audience: readonly number[] },
): Promise<void> {
  for (let n = 0; n < input.count; n++) {
    const secret = n < input.confidential
    await db.transaction().execute((trx) =>
      raiseQuestion(ctxOf(trx), {
        bodyId: input.bodyId,
        title: `Question ${n + 1}: ${random.next() < 0.1 ? `${SEARCH_WORD} ` : ''}${prose(random, 1).slice(0, 120)}`,
        text: prose(random, 6),
        proposal: prose(random, 3),
        topic: secret ? 'military' : random.pick(['party-policy', 'economic-policy', 'press', 'schools']),
        origin: 'body',
        confidential: secret ? { audienceMemberIds: [...input.audience] } : null,
      }),
    )
  }
}

/** How the big discussion was built, for the report. */
export interface DiscussionFigures {
  readonly questionId: number
  /** Comments posted through postComment (each in its own transaction), and how fast. */
  readonly posted: number
  readonly postSeconds: number
  /** The rest, inserted as rows (no events), when posting would have taken too long. */
  readonly bulk: number
  readonly proposalSupports: number
  readonly commentSupports: number
  /** Ids of the comments in posting order. */
  readonly commentIds: readonly number[]
}

/**
 * A question of the body in discussion with `comments` comments by distinct members: about 7 % are
 * counter-proposals, 3 % amendments (diffed on read) and a quarter replies to an earlier comment.
 * They are posted through postComment, `concurrency` at a time, for up to `seconds`; the rest are
 * inserted as rows of the same shape. Then `supports` supports, also inserted as rows: half of the
 * proposal, half of comments, skewed to the earliest (the first page carries the most).
 */
export async function buildDiscussion(
  db: Kysely<DB>,
  random: SeededRandom,
  input: {
    bodyId: number
    comments: number
    supports: number
    authors: readonly number[]
    supporters: readonly number[]
    concurrency: number
    seconds: number
  },
): Promise<DiscussionFigures> {
  const sentences = Array.from({ length: 12 }, () => prose(random, 1))
  const proposal = sentences.join(' ')
  const question = await db.transaction().execute((trx) =>
    raiseQuestion(ctxOf(trx), {
      bodyId: input.bodyId,
      title: 'The tax in kind: the draft resolution for the congress',
      text: prose(random, 30),
      proposal,
      topic: 'economic-policy',
      origin: 'body',
    }),
  )
  // Drawn up front so both paths (use case and rows) write the same shapes in the same order.
  const shapes = Array.from({ length: input.comments }, (_, i) => {
    const roll = random.next()
    const kind: CommentKind = roll < 0.03 ? 'amendment' : roll < 0.1 ? 'counter-proposal' : 'comment'
    const changed = [...sentences]
    changed[random.int(0, changed.length - 1)] = prose(random, 1)
    return {
      author: input.authors[i] as number,
      kind,
      body: prose(random, random.int(2, 8)),
      amendedProposal: kind === 'amendment' ? changed.join(' ') : null,
      reply: random.next() < 0.25,
      parentPick: random.next(),
    }
  })
  const ids: number[] = []
  const parentFor = (shape: (typeof shapes)[number]) =>
    shape.reply && ids.length > 0 ? (ids[Math.floor(shape.parentPick * ids.length)] as number) : null

  const posting = await saturate(input.comments, input.concurrency, input.seconds, async (i) => {
    const shape = shapes[i] as (typeof shapes)[number]
    const comment = await db.transaction().execute((trx) =>
      postComment(ctxOf(trx), {
        questionId: question.id,
        memberId: shape.author,
        kind: shape.kind,
        body: shape.body,
        parentId: parentFor(shape),
        amendedProposal: shape.amendedProposal,
      }),
    )
    ids.push(comment.id)
  })
  const failed = Object.entries(posting.failures)
  if (failed.length > 0) throw new Error(`postComment failed: ${JSON.stringify(posting.failures)}`)

  const started = posting.done
  for (let from = started; from < input.comments; from += 500) {
    const batch = shapes.slice(from, Math.min(input.comments, from + 500))
    // One batch's rows may reply only to comments already written, as a real thread would.
    const rows = await db
      .insertInto('question_comments')
      .values(
        batch.map((shape) => ({
          question_id: question.id,
          region_id: question.region_id,
          parent_id: parentFor(shape),
          author_member_id: shape.author,
          kind: shape.kind,
          body: shape.body,
          amended_proposal: shape.amendedProposal,
          posted_at: new Date(),
          hidden_at: null,
          hidden_reason: null,
          hidden_note: null,
          hidden_by_account_id: null,
        })),
      )
      .returning('id')
      .execute()
    ids.push(...rows.map((row) => row.id))
  }
  ids.sort((a, b) => a - b)

  const proposalSupports = Math.floor(input.supports / 2)
  const commentSupports = input.supports - proposalSupports
  const proposalSupporters = input.supporters.slice(0, proposalSupports)
  for (let from = 0; from < proposalSupporters.length; from += 5000) {
    const batch = proposalSupporters.slice(from, from + 5000)
    await sql`insert into question_supports (question_id, member_id, region_id)
      select ${question.id}, id, ${question.region_id} from members where id in (${sql.join(batch)})`.execute(
      db,
    )
  }
  const commentSupporters = input.supporters.slice(proposalSupports, proposalSupports + commentSupports)
  for (let from = 0; from < commentSupporters.length; from += 5000) {
    const batch = commentSupporters.slice(from, from + 5000)
    await db
      .insertInto('comment_supports')
      .values(
        batch.map((memberId) => ({
          comment_id: ids[Math.floor(ids.length * random.next() ** 3)] as number,
          member_id: memberId,
          region_id: question.region_id,
        })),
      )
      .execute()
  }
  await sql`analyze question_comments`.execute(db)
  await sql`analyze question_supports`.execute(db)
  await sql`analyze comment_supports`.execute(db)
  await sql`analyze questions`.execute(db)
  return {
    questionId: question.id,
    posted: posting.done,
    postSeconds: posting.seconds,
    bulk: input.comments - posting.done,
    proposalSupports: proposalSupporters.length,
    commentSupports: commentSupporters.length,
    commentIds: ids,
  }
}
