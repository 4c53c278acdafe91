import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerMember } from '../members/register-member.ts'
import { closeDecisionVote, decisionTieBreakSeed } from './close-decision-vote.ts'
import { decisionSteps } from './decision-test-helpers.ts'
import { getDecision } from './get-decision.ts'
import { getDecisionVote } from './get-decision-vote.ts'
import { hideComment } from './hide-comment.ts'
import { postComment } from './post-comment.ts'
import { type DeliberationTest, openDeliberationTest } from './test-fixture.ts'

let t: DeliberationTest
let s: ReturnType<typeof decisionSteps>
/** Unit A2's five full members: anton and four more. */
let voters: number[]
beforeAll(async () => {
  t = await openDeliberationTest()
  s = decisionSteps(t)
  const more = await t.run(async (ctx) => {
    const ids: number[] = []
    for (const fullName of ['Pyotr Second', 'Daria Third', 'Fyodor Fourth', 'Galina Fifth']) {
      const member = await registerMember(ctx, {
        unitId: t.tree.unitA2.id,
        fullName,
        joinedOn: '1918-01-01',
        category: 'worker',
        status: 'full',
      })
      ids.push(member.id)
    }
    return ids
  })
  voters = [t.anton.id, ...more]
})
afterAll(async () => {
  await t.database.drop()
})

const counter = (questionId: number, memberId: number, body: string) =>
  t.run((ctx) => postComment(ctx, { questionId, memberId, kind: 'counter-proposal', body }))

describe('a choice between the proposal and its counter-proposals', () => {
  it('puts the proposal and every shown counter-proposal to the vote and adopts the Schulze winner', async () => {
    const question = await s.raise({ topic: 'canteen', bodyId: t.tree.unitA2.id, proposal: 'Open at seven.' })
    const [anton, pyotr, daria, fyodor, galina] = voters as [number, number, number, number, number]
    const atSix = await counter(question.id, pyotr, 'Open at six.')
    const spam = await counter(question.id, daria, 'Buy my boots.')
    const atEight = await counter(question.id, fyodor, 'Open at eight.')
    await t.run((ctx) => hideComment(ctx, { commentId: spam.id, reason: 'spam', moderatorMemberId: null }))
    t.clock.advanceDays(7)

    const opened = await s.open(question.id, 'choice')
    // The hidden counter-proposal is not an option: it was hidden for conduct.
    expect(opened.options).toEqual([{ commentId: null }, { commentId: atSix.id }, { commentId: atEight.id }])
    const view = await getDecisionVote(t.db, {
      questionId: question.id,
      viewerMemberId: anton,
      today: t.today(),
    })
    expect(view.options?.map((o) => o.text)).toEqual(['Open at seven.', 'Open at six.', 'Open at eight.'])
    expect(view.me).toEqual({ hasVoted: false, mayVote: true })

    // First preferences favour the proposal and "eight" (2 each, "six" 1), but "six" beats each
    // of them head to head (3 to 2): Schulze adopts it where a plurality count would not.
    await s.cast(question.id, anton, { ranking: [0, 1, 2] })
    await s.cast(question.id, pyotr, { ranking: [0, 1, 2] })
    await s.cast(question.id, daria, { ranking: [1, 2, 0] })
    await s.cast(question.id, fyodor, { ranking: [2, 1, 0] })
    await s.cast(question.id, galina, { ranking: [2, 1] })
    const decision = await t.run((ctx) => closeDecisionVote(ctx, { questionId: question.id }))
    expect(decision).toMatchObject({
      kind: 'vote',
      method: 'choice',
      outcome: 'adopted',
      chosen_comment_id: atSix.id,
      yes_count: null,
      present: 5,
      quorum_required: 3,
    })
    const votes = await t.db
      .selectFrom('question_votes')
      .select('opened_at')
      .where('question_id', '=', question.id)
      .executeTakeFirstOrThrow()
    const report = decision.count_report as { tieBreakSeed: string; elected: number[]; pairwise: unknown }
    expect(report.tieBreakSeed).toBe(decisionTieBreakSeed(question.id, new Date(votes.opened_at)))
    expect(report.elected).toEqual([1])
    expect(report.pairwise).toBeDefined()

    const detail = await getDecision(t.db, {
      decisionId: decision.id,
      viewerMemberId: anton,
      today: t.today(),
    })
    expect(detail).toMatchObject({
      redacted: false,
      options: [
        { index: 0, commentId: null, text: 'Open at seven.', chosen: false },
        { index: 1, commentId: atSix.id, text: 'Open at six.', chosen: true },
        { index: 2, commentId: atEight.id, text: 'Open at eight.', chosen: false },
      ],
    })
  })

  it('refuses a ranking with an unknown option, a repeat, or nothing ranked, and stores nothing', async () => {
    const question = await s.raise({ topic: 'canteen', bodyId: t.tree.unitA2.id })
    await counter(question.id, t.anton.id, 'Something else.')
    t.clock.advanceDays(7)
    await s.open(question.id, 'choice')
    for (const ranking of [[0, 2], [1, 1], [], [0, 987]]) {
      const error = await s.refused(s.cast(question.id, t.anton.id, { ranking }))
      expect(error.code).toBe('INVALID_BALLOT')
    }
    expect((await s.refused(s.cast(question.id, t.anton.id, { ranking: [-1] }))).code).toBe(
      'VALIDATION_FAILED',
    )
    expect((await s.refused(s.cast(question.id, t.anton.id, { choice: 'yes' }))).code).toBe('INVALID_BALLOT')
    expect(await s.ballotCount(question.id)).toBe(0)
    const cast = (await t.eventsOf('question', question.id)).filter((e) => e.type === 'decision.vote_cast')
    expect(cast).toHaveLength(0)
  })
})
