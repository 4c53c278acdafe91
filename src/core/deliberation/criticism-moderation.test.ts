import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuestionRow } from '../../db/schema-deliberation.ts'
import { hideComment } from './hide-comment.ts'
import { getComment, listComments } from './list-comments.ts'
import { postComment } from './post-comment.ts'
import { raiseQuestion } from './raise-question.ts'
import { setSupport } from './set-support.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
let question: QuestionRow
beforeAll(async () => {
  t = await openDeliberationTest()
  question = await t.run((ctx) =>
    raiseQuestion(ctx, {
      bodyId: t.tree.districtA.id,
      title: 'A new district secretary',
      text: 'The post is vacant.',
      proposal: 'Appoint comrade Petrov from the region.',
      topic: 'party-policy',
      origin: 'body',
    }),
  )
})
afterAll(async () => {
  await t.database.drop()
})

function comment(memberId: number, body: string, questionId = question.id) {
  return t.run((ctx) => postComment(ctx, { questionId, memberId, kind: 'comment', body }))
}

function view(commentId: number, viewerMemberId: number | null, viewerMayAudit = false) {
  return getComment(t.db, { commentId, viewerMemberId, viewerMayAudit, today: t.today() })
}

describe('hiding criticism for conduct', () => {
  it('shows members that something was hidden and why, and the author and auditors the text', async () => {
    const rude = await comment(t.semyon.id, 'Petrov is a [insult] and so are you.')
    await t.run((ctx) =>
      hideComment(ctx, {
        commentId: rude.id,
        reason: 'abuse',
        note: 'Insult removed',
        moderatorMemberId: null,
      }),
    )
    const member = await view(rude.id, t.nina.id)
    expect(member.body).toBeNull()
    expect(member.hidden).toEqual({ reason: 'abuse', hiddenAt: '1923-12-02T09:00:00.000Z' })
    // Still signed and counted: hiding does not unmake the comment.
    expect(member.author).toEqual({ memberId: t.semyon.id, name: 'Semyon Second' })

    const author = await view(rude.id, t.semyon.id)
    expect(author.body).toBe('Petrov is a [insult] and so are you.')
    expect(author.hidden).toMatchObject({ reason: 'abuse', note: 'Insult removed' })

    const auditor = await view(rude.id, null, true)
    expect(auditor.body).toBe('Petrov is a [insult] and so are you.')
    expect(auditor.hidden).toMatchObject({ reason: 'abuse', note: 'Insult removed', hiddenBy: null })

    const row = await t.db
      .selectFrom('question_comments')
      .selectAll()
      .where('id', '=', rude.id)
      .executeTakeFirst()
    expect(row?.body).toBe('Petrov is a [insult] and so are you.')
    const hidden = (await t.eventsOf('question', question.id)).filter((e) => e.type === 'comment.hidden')
    expect(hidden.map((e) => e.payload)).toEqual([
      { questionId: question.id, commentId: rude.id, reason: 'abuse' },
    ])
  })

  it('hides an amendment’s text and diff from members too', async () => {
    const amendment = await t.run((ctx) =>
      postComment(ctx, {
        questionId: question.id,
        memberId: t.lidia.id,
        kind: 'amendment',
        body: 'Here is his address.',
        amendedProposal: 'Appoint comrade Petrov of 5 Mill Street.',
      }),
    )
    await t.run((ctx) =>
      hideComment(ctx, { commentId: amendment.id, reason: 'personal-data', moderatorMemberId: null }),
    )
    const page = await listComments(t.db, {
      questionId: question.id,
      viewerMemberId: t.vera.id,
      viewerMayAudit: false,
      today: t.today(),
      limit: 100,
    })
    const seen = page.items.find((c) => c.id === amendment.id)
    expect(seen).toMatchObject({
      body: null,
      amendedProposal: null,
      diff: null,
      hidden: { reason: 'personal-data' },
    })
    const audited = await view(amendment.id, null, true)
    expect(audited.diff?.some((p) => p.kind === 'added' && p.text.includes('Mill'))).toBe(true)
  })

  it('refuses a reason outside the charter’s list, citing the rule and the reasons allowed', async () => {
    const dissent = await comment(t.vera.id, 'Petrov has never set foot in our district.')
    const before = await t.db.selectFrom('events').select('id').execute()
    for (const reason of ['disagreement', 'off-topic', '']) {
      const error = await t.refusal((ctx) =>
        hideComment(ctx, { commentId: dissent.id, reason, moderatorMemberId: null }),
      )
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.details).toMatchObject({
        ruleId: 'deliberation.criticism',
        allowed: ['abuse', 'threat', 'personal-data', 'spam'],
        issues: [expect.objectContaining({ path: 'reason' })],
      })
    }
    expect((await view(dissent.id, t.nina.id)).hidden).toBeNull()
    expect(await t.db.selectFrom('events').select('id').execute()).toHaveLength(before.length)
  })

  it('hides a comment once, and refuses an unknown comment', async () => {
    const spam = await comment(t.kolya.id, 'Buy boots at the market!')
    await t.run((ctx) => hideComment(ctx, { commentId: spam.id, reason: 'spam', moderatorMemberId: null }))
    const again = await t.refusal((ctx) =>
      hideComment(ctx, { commentId: spam.id, reason: 'abuse', moderatorMemberId: null }),
    )
    expect(again.code).toBe('CONFLICT')
    expect((await view(spam.id, null, true)).hidden?.reason).toBe('spam')
    const unknown = await t.refusal((ctx) =>
      hideComment(ctx, { commentId: 999_999, reason: 'spam', moderatorMemberId: null }),
    )
    expect(unknown.code).toBe('COMMENT_NOT_FOUND')
  })
})

describe('a confidential question', () => {
  let secret: QuestionRow
  beforeAll(async () => {
    secret = await t.run((ctx) =>
      raiseQuestion(ctx, {
        bodyId: t.tree.districtA.id,
        title: 'Guarding the depot',
        text: 'Details of the guard.',
        proposal: 'Double the night guard.',
        topic: 'military',
        origin: 'body',
        confidential: { audienceMemberIds: [t.vera.id] },
      }),
    )
  })

  it('takes criticism only from its audience, and shows its thread to nobody else', async () => {
    const fromAudience = await comment(t.vera.id, 'Three guards, not two.', secret.id)
    const before = await t.db.selectFrom('question_comments').select('id').execute()
    const posted = await t.refusal((ctx) =>
      postComment(ctx, {
        questionId: secret.id,
        memberId: t.semyon.id,
        kind: 'comment',
        body: 'What guard?',
      }),
    )
    expect(posted.code).toBe('CONFIDENTIAL')
    const supported = await t.refusal((ctx) =>
      setSupport(ctx, { questionId: secret.id, commentId: null, memberId: t.semyon.id, supported: true }),
    )
    expect(supported.code).toBe('CONFIDENTIAL')
    // Auditors and moderators are not exempt: outside the audience they read nothing and hide nothing.
    for (const [viewer, audit] of [
      [t.semyon.id, false],
      [null, true],
    ] as const) {
      await expect(
        listComments(t.db, {
          questionId: secret.id,
          viewerMemberId: viewer,
          viewerMayAudit: audit,
          today: t.today(),
          limit: 10,
        }),
      ).rejects.toMatchObject({ code: 'CONFIDENTIAL' })
      await expect(view(fromAudience.id, viewer, audit)).rejects.toMatchObject({ code: 'CONFIDENTIAL' })
    }
    const hidden = await t.refusal((ctx) =>
      hideComment(ctx, { commentId: fromAudience.id, reason: 'abuse', moderatorMemberId: t.semyon.id }),
    )
    expect(hidden.code).toBe('CONFIDENTIAL')
    expect(await t.db.selectFrom('question_comments').select('id').execute()).toEqual(before)
    const page = await listComments(t.db, {
      questionId: secret.id,
      viewerMemberId: t.vera.id,
      viewerMayAudit: false,
      today: t.today(),
      limit: 10,
    })
    expect(page.items.map((c) => c.body)).toEqual(['Three guards, not two.'])
  })

  it('opens its thread in scope after the declassification date', async () => {
    // The charter's default: within 365 days.
    t.clock.set('1924-12-02T09:00:00Z')
    const page = await listComments(t.db, {
      questionId: secret.id,
      viewerMemberId: t.semyon.id,
      viewerMayAudit: false,
      today: t.today(),
      limit: 10,
    })
    expect(page.items.map((c) => c.body)).toEqual(['Three guards, not two.'])
  })
})
