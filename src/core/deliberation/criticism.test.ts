import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { deleteComment } from './delete-comment.ts'
import { listComments } from './list-comments.ts'
import { type PostCommentInput, postComment } from './post-comment.ts'
import { raiseQuestion } from './raise-question.ts'
import { setSupport } from './set-support.ts'
import { type DeliberationTest, NOW, openDeliberationTest } from './test-fixture.ts'

const PROPOSAL = 'Raise the monthly dues by ten percent from the spring.'

let t: DeliberationTest
let question: QuestionRow
beforeAll(async () => {
  t = await openDeliberationTest()
  question = await raise()
})
afterAll(async () => {
  await t.database.drop()
})

/** A question put by District A (units A1 and A2 are in its scope; B1 is another region). */
function raise(overrides: Record<string, unknown> = {}) {
  return t.run((ctx) =>
    raiseQuestion(ctx, {
      bodyId: t.tree.districtA.id,
      title: 'Dues for the new year',
      text: 'The district treasury runs short.',
      proposal: PROPOSAL,
      topic: 'economic-policy',
      origin: 'body',
      ...overrides,
    }),
  )
}

function post(input: Partial<PostCommentInput> & { memberId: number | null }) {
  return t.run((ctx) =>
    postComment(ctx, { questionId: question.id, kind: 'comment', body: 'I object.', ...input }),
  )
}

function list(viewerMemberId: number | null, questionId = question.id, viewerMayAudit = false) {
  return listComments(t.db, { questionId, viewerMemberId, viewerMayAudit, today: t.today(), limit: 100 })
}

/** Rows and events of the thread, to show that a refusal changed nothing. */
async function footprint() {
  const comments = await t.db.selectFrom('question_comments').selectAll().orderBy('id').execute()
  const supports = await t.db.selectFrom('comment_supports').selectAll().execute()
  const proposalSupports = await t.db.selectFrom('question_supports').selectAll().execute()
  const events = await t.db.selectFrom('events').select('id').execute()
  return { comments, supports, proposalSupports, events: events.length }
}

describe('who may criticise', () => {
  it('refuses a member of another region, an applicant and an account with no member, citing the rule', async () => {
    const before = await footprint()
    for (const memberId of [t.boris.id, t.olga.id, null]) {
      const error = await t.refusal((ctx) =>
        postComment(ctx, { questionId: question.id, memberId, kind: 'comment', body: 'Let me in.' }),
      )
      expect(error.code).toBe('NOT_IN_SCOPE')
      expect(error.details).toMatchObject({ ruleId: 'deliberation.criticism' })
      const support = await t.refusal((ctx) =>
        setSupport(ctx, { questionId: question.id, commentId: null, memberId, supported: true }),
      )
      expect(support.code).toBe('NOT_IN_SCOPE')
      expect(support.details).toMatchObject({ ruleId: 'deliberation.criticism' })
    }
    expect(await footprint()).toEqual(before)
  })

  it('takes criticism from full members and candidates anywhere in the body’s scope', async () => {
    const fromA2 = await post({ memberId: t.anton.id, body: 'Unit A2 cannot pay more.' })
    const fromCandidate = await post({ memberId: t.kolya.id, body: 'Candidates pay half.' })
    expect(fromA2.author_member_id).toBe(t.anton.id)
    expect(fromCandidate.author_member_id).toBe(t.kolya.id)
    const events = await t.eventsOf('question', question.id)
    const posted = events.filter((e) => e.type === 'comment.posted').at(-1)
    // The log names the act, never its words.
    expect(posted?.payload).toEqual({
      questionId: question.id,
      commentId: fromCandidate.id,
      kind: 'comment',
      parentId: null,
    })
  })
})

describe('threads, counter-proposals and amendments', () => {
  it('keeps replies under their parents, in posting order, signed by their authors', async () => {
    const root = await post({ memberId: t.vera.id, body: 'Ten percent is too much for the mill.' })
    const reply = await post({ memberId: t.semyon.id, body: 'The mill got a raise.', parentId: root.id })
    const deeper = await post({ memberId: t.vera.id, body: 'Not all of it.', parentId: reply.id })
    const counter = await post({
      memberId: t.nina.id,
      kind: 'counter-proposal',
      body: 'Keep the dues and cut the district’s paper budget instead.',
    })
    const page = await list(t.lidia.id)
    const mine = page.items.filter((c) => [root.id, reply.id, deeper.id, counter.id].includes(c.id))
    expect(mine.map((c) => [c.id, c.parentId, c.depth, c.author.name, c.kind])).toEqual([
      [root.id, null, 0, 'Vera Veteran', 'comment'],
      [reply.id, root.id, 1, 'Semyon Second', 'comment'],
      [deeper.id, reply.id, 2, 'Vera Veteran', 'comment'],
      [counter.id, null, 0, 'Nina Third', 'counter-proposal'],
    ])
    expect(page.items.map((c) => c.id)).toEqual([...page.items.map((c) => c.id)].sort((a, b) => a - b))
  })

  it('pages the thread by a cursor without losing or repeating a comment', async () => {
    const all = await list(t.vera.id)
    const first = await listComments(t.db, {
      questionId: question.id,
      viewerMemberId: t.vera.id,
      viewerMayAudit: false,
      today: t.today(),
      limit: 2,
    })
    expect(first.nextCursor).not.toBeNull()
    const rest = await listComments(t.db, {
      questionId: question.id,
      viewerMemberId: t.vera.id,
      viewerMayAudit: false,
      today: t.today(),
      limit: 100,
      after: first.nextCursor ?? '',
    })
    expect([...first.items, ...rest.items].map((c) => c.id)).toEqual(all.items.map((c) => c.id))
    expect(rest.nextCursor).toBeNull()
  })

  it('refuses a reply to an unknown comment or to another question’s comment', async () => {
    const other = await raise({ title: 'Another question' })
    const elsewhere = await t.run((ctx) =>
      postComment(ctx, { questionId: other.id, memberId: t.vera.id, kind: 'comment', body: 'Elsewhere.' }),
    )
    const before = await footprint()
    for (const parentId of [elsewhere.id, 999_999]) {
      const error = await t.refusal((ctx) =>
        postComment(ctx, {
          questionId: question.id,
          memberId: t.vera.id,
          kind: 'comment',
          body: 'A reply.',
          parentId,
        }),
      )
      expect(error.code).toBe('COMMENT_NOT_FOUND')
    }
    expect(await footprint()).toEqual(before)
  })

  it('shows an amendment as the words it adds to and removes from the proposal', async () => {
    const amended = 'Raise the monthly dues by five percent from the autumn.'
    const amendment = await post({
      memberId: t.semyon.id,
      kind: 'amendment',
      body: 'Half the raise, and after the harvest.',
      amendedProposal: amended,
    })
    const view = (await list(t.nina.id)).items.find((c) => c.id === amendment.id)
    expect(view?.amendedProposal).toBe(amended)
    const diff = view?.diff ?? []
    expect(diff.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['ten', 'spring'])
    expect(diff.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['five', 'autumn'])
    // The unchanged and removed parts rebuild the proposal; the unchanged and added ones the amendment.
    expect(
      diff
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(PROPOSAL)
    expect(
      diff
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(amended)
  })

  it('refuses an amendment that changes nothing, and the amended text on anything but an amendment', async () => {
    const before = await footprint()
    const cases: PostCommentInput[] = [
      {
        questionId: question.id,
        memberId: t.vera.id,
        kind: 'amendment',
        body: 'No change.',
        amendedProposal: ` ${PROPOSAL} `,
      },
      { questionId: question.id, memberId: t.vera.id, kind: 'amendment', body: 'Forgot the text.' },
      {
        questionId: question.id,
        memberId: t.vera.id,
        kind: 'comment',
        body: 'Hi.',
        amendedProposal: 'Other text.',
      },
    ]
    for (const input of cases) {
      const error = await t.refusal((ctx) => postComment(ctx, input))
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.details).toMatchObject({ issues: [expect.objectContaining({ path: 'amendedProposal' })] })
    }
    expect(await footprint()).toEqual(before)
  })
})

describe('supports', () => {
  it('counts each member once for the proposal, and logs only real changes', async () => {
    const events = async () =>
      (await t.eventsOf('question', question.id)).filter((e) => e.type === 'support.changed').length
    const before = await events()
    const support = (memberId: number, supported: boolean) =>
      t.run((ctx) => setSupport(ctx, { questionId: question.id, commentId: null, memberId, supported }))
    expect(await support(t.vera.id, true)).toMatchObject({ count: 1, changed: true })
    expect(await support(t.vera.id, true)).toMatchObject({ count: 1, changed: false })
    expect(await support(t.anton.id, true)).toMatchObject({ count: 2, changed: true })
    expect(await support(t.vera.id, false)).toMatchObject({ count: 1, changed: true })
    expect(await support(t.vera.id, false)).toMatchObject({ count: 1, changed: false })
    expect(await events()).toBe(before + 3)
    const page = await list(t.anton.id)
    expect(page.proposalSupport).toEqual({ count: 1, supportedByMe: true })
    expect((await list(t.vera.id)).proposalSupport).toEqual({ count: 1, supportedByMe: false })
  })

  it('counts supports of a counter-proposal per member, and refuses a comment of another question', async () => {
    const counter = await post({
      memberId: t.lidia.id,
      kind: 'counter-proposal',
      body: 'Ask the trust instead.',
    })
    for (const memberId of [t.vera.id, t.vera.id, t.semyon.id, t.kolya.id]) {
      await t.run((ctx) =>
        setSupport(ctx, { questionId: question.id, commentId: counter.id, memberId, supported: true }),
      )
    }
    const view = (await list(t.semyon.id)).items.find((c) => c.id === counter.id)
    expect(view?.support).toEqual({ count: 3, supportedByMe: true })
    const other = await raise({ title: 'A third question' })
    const error = await t.refusal((ctx) =>
      setSupport(ctx, { questionId: other.id, commentId: counter.id, memberId: t.vera.id, supported: true }),
    )
    expect(error.code).toBe('COMMENT_NOT_FOUND')
  })
})

describe('protection of criticism', () => {
  it('refuses to delete criticism, citing the rule, and keeps the comment', async () => {
    const comment = await post({ memberId: t.nina.id, body: 'The secretary ignored the last vote.' })
    const before = await footprint()
    const error = await t.refusal((ctx) => deleteComment(ctx, { commentId: comment.id }))
    expect(error.code).toBe('CRITICISM_PROTECTED')
    expect(error.details).toMatchObject({ ruleId: 'deliberation.criticism' })
    expect(await footprint()).toEqual(before)
    const unknown = await t.refusal((ctx) => deleteComment(ctx, { commentId: 999_999 }))
    expect(unknown.code).toBe('COMMENT_NOT_FOUND')
  })
})

describe('bad input', () => {
  it('refuses empty, over-long and control-character text and unknown questions, changing nothing', async () => {
    const before = await footprint()
    for (const body of ['', '   ', 'x'.repeat(10_001), 'bell\u0007', 'broken \ud800 text']) {
      const error = await t.refusal((ctx) =>
        postComment(ctx, { questionId: question.id, memberId: t.vera.id, kind: 'comment', body }),
      )
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.details).toMatchObject({ issues: [expect.objectContaining({ path: 'body' })] })
    }
    const long = await t.refusal((ctx) =>
      postComment(ctx, {
        questionId: question.id,
        memberId: t.vera.id,
        kind: 'amendment',
        body: 'Long.',
        amendedProposal: 'y'.repeat(20_001),
      }),
    )
    expect(long.details).toMatchObject({ issues: [expect.objectContaining({ path: 'amendedProposal' })] })
    const unknown = await t.refusal((ctx) =>
      postComment(ctx, { questionId: 999_999, memberId: t.vera.id, kind: 'comment', body: 'Hello?' }),
    )
    expect(unknown.code).toBe('QUESTION_NOT_FOUND')
    expect(await footprint()).toEqual(before)
    // Exactly 10,000 characters is accepted.
    const longest = await post({ memberId: t.vera.id, body: 'z'.repeat(10_000) })
    expect(longest.body).toHaveLength(10_000)
  })
})

// Last: the scheduler's tick closes every discussion raised at the start.
describe('the limits of the discussion', () => {
  it('refuses criticism and support after the maximum, even before the scheduler has closed it', async () => {
    const late = await raise({ title: 'A question left running' })
    const before = await footprint()
    // 30 days and a minute later; the scheduler has not run (no tick), so the state is still open.
    t.clock.set('1924-01-01T09:01:00Z')
    try {
      const comment = await t.refusal((ctx) =>
        postComment(ctx, { questionId: late.id, memberId: t.vera.id, kind: 'comment', body: 'Too late?' }),
      )
      expect(comment.code).toBe('QUESTION_WRONG_PHASE')
      const support = await t.refusal((ctx) =>
        setSupport(ctx, { questionId: late.id, commentId: null, memberId: t.vera.id, supported: true }),
      )
      expect(support.code).toBe('QUESTION_WRONG_PHASE')
      const row = await t.db
        .selectFrom('questions')
        .select('state')
        .where('id', '=', late.id)
        .executeTakeFirst()
      expect(row?.state).toBe('discussion')
      expect(await footprint()).toEqual(before)
    } finally {
      t.clock.set(NOW)
    }
  })

  it('refuses criticism once the scheduler has closed the discussion', async () => {
    const closing = await raise({ title: 'A question that closes' })
    try {
      await t.tick('1924-01-02T00:00:00Z')
      const row = await t.db
        .selectFrom('questions')
        .select('state')
        .where('id', '=', closing.id)
        .executeTakeFirst()
      expect(row?.state).toBe('discussed')
      const error = await t.refusal((ctx) =>
        postComment(ctx, { questionId: closing.id, memberId: t.vera.id, kind: 'comment', body: 'After.' }),
      )
      expect(error.code).toBe('QUESTION_WRONG_PHASE')
    } finally {
      t.clock.set(NOW)
    }
  })
})
