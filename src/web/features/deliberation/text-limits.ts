/**
 * The most (and, for a justification, the least) characters the API takes in each text field the
 * deliberation forms send, used as their maxLength/minLength. Copies of the core's limits (the web
 * bundle does not import the core); web-constants.test.ts keeps them equal.
 */
export const TEXT_LIMITS = {
  /** QUESTION_LIMITS (raise-question.ts), its topic slug, and the list's search (list-questions.ts). */
  question: { title: 200, topic: 60, text: 20_000, proposal: 20_000, search: 200 },
  /** COMMENT_LIMITS (post-comment.ts) and a moderator's note (hide-comment.ts). */
  comment: { body: 10_000, amendedProposal: 20_000, hideNote: 2_000 },
  /** MEETING_LIMITS (schedule-meeting.ts). */
  meeting: { title: 200, place: 200, minutes: 50_000 },
  /** TASK_LIMITS (task-lookups.ts). */
  task: { title: 300, report: 10_000 },
  /** URGENT_LIMITS (decide-urgently.ts). */
  urgent: { justificationMin: 20, justification: 5_000 },
} as const
