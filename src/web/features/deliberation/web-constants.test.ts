import { describe, expect, it } from 'vitest'
import { URGENT_LIMITS } from '../../../core/deliberation/decide-urgently.ts'
import { hideCommentInputSchema } from '../../../core/deliberation/hide-comment.ts'
import { listQuestionsInputSchema } from '../../../core/deliberation/list-questions.ts'
import { COMMENT_LIMITS } from '../../../core/deliberation/post-comment.ts'
import { QUESTION_LIMITS, topicSchema } from '../../../core/deliberation/raise-question.ts'
import { MEETING_LIMITS } from '../../../core/deliberation/schedule-meeting.ts'
import { TASK_LIMITS } from '../../../core/deliberation/task-lookups.ts'
import * as core from '../../../db/schema-deliberation.ts'
import { COMMENT_KIND_LABELS, HIDE_REASON_LABELS, QUESTION_STATE_LABELS } from './format.ts'
import { TEXT_LIMITS } from './text-limits.ts'
import { HIDE_REASONS, QUESTION_STATES } from './types.ts'

/** The longest text `accepts` takes: it takes `max` characters and refuses one more. */
function takesAtMost(max: number, accepts: (text: string) => boolean): void {
  expect(accepts('a'.repeat(max)), `${max} characters`).toBe(true)
  expect(accepts('a'.repeat(max + 1)), `${max + 1} characters`).toBe(false)
}

describe('the web’s copies of the core’s values', () => {
  it('has the question states and hide reasons of the schema, in order, each labelled', () => {
    expect(QUESTION_STATES).toEqual(core.QUESTION_STATES)
    expect(HIDE_REASONS).toEqual(core.HIDE_REASONS)
    expect(Object.keys(QUESTION_STATE_LABELS).sort()).toEqual([...core.QUESTION_STATES].sort())
    expect(Object.keys(HIDE_REASON_LABELS).sort()).toEqual([...core.HIDE_REASONS].sort())
    expect(Object.keys(COMMENT_KIND_LABELS).sort()).toEqual([...core.COMMENT_KINDS].sort())
  })

  it('limits the forms’ text to what the use cases take', () => {
    const { question, comment, meeting, task, urgent } = TEXT_LIMITS
    expect({ title: question.title, text: question.text, proposal: question.proposal }).toEqual(
      QUESTION_LIMITS,
    )
    expect({ body: comment.body, amendedProposal: comment.amendedProposal }).toEqual(COMMENT_LIMITS)
    expect(meeting).toEqual({
      title: MEETING_LIMITS.title,
      place: MEETING_LIMITS.place,
      minutes: MEETING_LIMITS.minutes,
    })
    expect(task).toEqual(TASK_LIMITS)
    expect(urgent).toEqual(URGENT_LIMITS)
  })

  it('limits the fields whose core limit is only in a schema to what that schema takes', () => {
    takesAtMost(TEXT_LIMITS.question.topic, (topic) => topicSchema().safeParse(topic).success)
    takesAtMost(
      TEXT_LIMITS.question.search,
      (q) =>
        listQuestionsInputSchema.safeParse({ bodyId: 1, viewerMemberId: null, today: '1923-01-01', q })
          .success,
    )
    takesAtMost(
      TEXT_LIMITS.comment.hideNote,
      (note) =>
        hideCommentInputSchema.safeParse({ commentId: 1, reason: 'abuse', note, moderatorMemberId: null })
          .success,
    )
  })
})
