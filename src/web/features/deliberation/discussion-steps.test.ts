import { describe, expect, it } from 'vitest'
import { discussionSteps } from './discussion-steps.ts'
import type { Discussion } from './types.ts'

const OPENED = '1923-01-01T10:00:00.000Z'
const EARLIEST = '1923-01-15T10:00:00.000Z'
const LATEST = '1923-02-15T10:00:00.000Z'

function discussion(closed: Partial<Discussion>): Discussion {
  return {
    openedAt: OPENED,
    earliestCloseAt: EARLIEST,
    latestCloseAt: LATEST,
    closedAt: null,
    closeReason: null,
    limitsRuleId: 'deliberation.limits',
    minimumDays: 14,
    maximumDays: 45,
    open: true,
    ...closed,
  }
}

const maximum = (d: Discussion, now: string | null = null) =>
  discussionSteps(d, now).find((step) => step.key === 'latest')

describe('the discussion timeline’s maximum', () => {
  it('closes by itself at the maximum while the discussion is open', () => {
    const step = maximum(discussion({}), '1923-01-20T10:00:00.000Z')
    expect(step).toMatchObject({ title: 'Closes by itself at', status: 'current' })
    expect(step?.note).toBe('the maximum of 45 days; closes by itself in 26 days')
    expect(step?.warning).toBeUndefined()
  })

  it('reads as reached when the scheduler closed it there', () => {
    const step = maximum(discussion({ closedAt: LATEST, closeReason: 'maximum', open: false }))
    expect(step).toMatchObject({ title: 'Closes by itself at', status: 'done' })
    expect(step?.warning).toBeUndefined()
  })

  it('warns that a recorded discussion of 102 days ran 57 days past a 45-day maximum', () => {
    const step = maximum(
      discussion({ closedAt: '1923-04-13T10:00:00.000Z', closeReason: 'recorded', open: false }),
    )
    expect(step).toMatchObject({ title: 'Maximum', status: 'done' })
    expect(step?.warning).toBe('closed 57 days past the maximum')
  })

  it('says an early close came before the maximum, which was never reached', () => {
    const step = maximum(
      discussion({ closedAt: '1923-01-20T10:00:00.000Z', closeReason: 'early', open: false }),
    )
    expect(step).toMatchObject({ title: 'Maximum', status: 'later' })
    expect(step?.note).toMatch(/^the maximum of 45 days; closed early on 20 Jan 1923/)
    expect(step?.warning).toBeUndefined()
  })

  it('counts less than a day past the maximum as such', () => {
    const step = maximum(
      discussion({ closedAt: '1923-02-15T20:00:00.000Z', closeReason: 'recorded', open: false }),
    )
    expect(step?.warning).toBe('closed less than a day past the maximum')
  })
})
