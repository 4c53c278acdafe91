import { describe, expect, it } from 'vitest'
import { decisionHref, meetingHref, parseRoute, questionHref, taskHref } from '../../app/router.ts'

describe('the deliberation pages have their own links', () => {
  it('parses a question, a decision, a meeting and a task, as their hrefs write them', () => {
    expect(parseRoute('#/questions/3')).toEqual({ page: 'question', questionId: 3 })
    expect(parseRoute('#/decisions/4')).toEqual({ page: 'decision', decisionId: 4 })
    expect(parseRoute('#/meetings/5')).toEqual({ page: 'meeting', meetingId: 5 })
    expect(parseRoute('#/tasks/6')).toEqual({ page: 'task', taskId: 6 })
    expect(parseRoute(questionHref(3))).toEqual(parseRoute('#/questions/3'))
    expect(parseRoute(decisionHref(4))).toEqual(parseRoute('#/decisions/4'))
    expect(parseRoute(meetingHref(5))).toEqual(parseRoute('#/meetings/5'))
    expect(parseRoute(taskHref(6))).toEqual(parseRoute('#/tasks/6'))
  })

  it('sends anything near them to not found', () => {
    expect(parseRoute('#/questions/x')).toEqual({ page: 'not-found', hash: '/questions/x' })
    expect(parseRoute('#/questions/3/comments')).toEqual({ page: 'not-found', hash: '/questions/3/comments' })
    expect(parseRoute('#/motions/3')).toEqual({ page: 'not-found', hash: '/motions/3' })
  })
})
