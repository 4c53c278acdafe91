import { describe, expect, it } from 'vitest'
import type { QuestionView } from './types.ts'
import { mayPutToVote } from './vote-readiness.ts'

const LATEST = '1923-02-15T10:00:00.000Z'
const BEFORE = '1923-02-01T10:00:00.000Z'
const AFTER = '1923-02-16T10:00:00.000Z'

function question(fields: Pick<QuestionView, 'state' | 'major' | 'confidential'>): QuestionView {
  // Only what the rule reads; the rest of the view does not matter to it.
  return { ...fields, discussion: { latestCloseAt: LATEST } } as QuestionView
}

describe('“Put to the vote” is offered only where the server would open the vote', () => {
  it('is offered once the discussion closed', () => {
    expect(mayPutToVote(question({ state: 'discussed', major: true, confidential: false }), BEFORE)).toBe(
      true,
    )
  })

  it('is not offered on a major public question still in discussion, until its maximum', () => {
    const major = question({ state: 'discussion', major: true, confidential: false })
    expect(mayPutToVote(major, BEFORE)).toBe(false)
    expect(mayPutToVote(major, null)).toBe(false)
    expect(mayPutToVote(major, AFTER)).toBe(true)
  })

  it('is offered in discussion on a minor question, and on a confidential one (the exception)', () => {
    expect(mayPutToVote(question({ state: 'discussion', major: false, confidential: false }), BEFORE)).toBe(
      true,
    )
    expect(mayPutToVote(question({ state: 'discussion', major: true, confidential: true }), BEFORE)).toBe(
      true,
    )
  })

  it('is not offered before the discussion or once the vote is open or over', () => {
    for (const state of ['collecting', 'voting', 'decided', 'withdrawn'] as const)
      expect(mayPutToVote(question({ state, major: false, confidential: false }), AFTER)).toBe(false)
  })
})
