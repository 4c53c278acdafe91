import { plural } from '../../shared/format.ts'
import { COMMENT_KIND_LABELS, HIDE_REASON_LABELS, QUESTION_STATE_LABELS } from '../deliberation/format.ts'
import { day, type EventKind, instant, num, text } from './sentence-parts.ts'

/*
 * Sentences for the events of deliberation (src/core/deliberation/events.ts). Their payloads carry
 * ids, kinds, dates and counts, never a question's words or a comment's text (the log is sealed
 * and read by every officer over the body, so words there would leak confidential questions), so
 * these sentences name questions, comments, decisions, tasks and meetings by number.
 */

/** A label as it reads inside a sentence: 'In discussion' → 'in discussion'. */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1)
}

/** The label of `key` in `labels` (from the deliberation pages' word maps), if it names one. */
function labelOf<K extends string>(labels: Readonly<Record<K, string>>, key: unknown): string | undefined {
  return typeof key === 'string' && Object.hasOwn(labels, key) ? labels[key as K] : undefined
}

/** A question's state after "it was": the badge's words, except where a badge's word is no phrase. */
function stateWords(state: unknown): string {
  if (state === 'voting') return 'being voted on'
  const label = labelOf(QUESTION_STATE_LABELS, state)
  return label === undefined ? text(state) : inSentence(label)
}

/** A kind of criticism with its article: 'a counter-proposal', 'an amendment'. */
function commentKindWords(kind: unknown): string {
  const words = inSentence(labelOf(COMMENT_KIND_LABELS, kind) ?? 'Comment')
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`
}

/** A hide reason after "for": the moderator's label, with the article a threat needs. */
function hideReasonWords(reason: unknown): string {
  if (reason === 'threat') return 'a threat'
  const label = labelOf(HIDE_REASON_LABELS, reason)
  return label === undefined ? text(reason) : inSentence(label)
}

function question(payload: Readonly<Record<string, unknown>>): string {
  return `question #${num(payload.questionId)}`
}

function atMeeting(meetingId: unknown): string {
  return typeof meetingId === 'number' ? ` at meeting #${meetingId}` : ''
}

/** The "without a completed discussion (rule)" clause a decision carries when the charter wanted one. */
function withoutDiscussion(payload: Readonly<Record<string, unknown>>): string {
  if (payload.discussionCompleted !== false || typeof payload.discussionRuleId !== 'string') return ''
  return `; without a completed discussion (${payload.discussionRuleId})`
}

/** The decision's details: the exception, the quorum, the discussion, the ratification deadline. */
function decisionDetails(payload: Readonly<Record<string, unknown>>): string {
  const parts: string[] = []
  if (payload.exception === 'confidential') parts.push(', as a confidential question')
  if (typeof payload.present === 'number' && typeof payload.quorumRequired === 'number')
    parts.push(`; ${num(payload.present)} present, quorum ${num(payload.quorumRequired)}`)
  parts.push(withoutDiscussion(payload))
  if (typeof payload.ratifyBy === 'string') parts.push(`; to be ratified by ${day(payload.ratifyBy)}`)
  return parts.join('')
}

/** Every deliberation event type with its label and sentence. */
export const DELIBERATION_EVENT_KINDS: Readonly<Record<string, EventKind>> = {
  'question.raised': {
    label: 'Question raised',
    sentence: ({ actor, body, payload }) => {
      const confidential = payload.confidential === true ? ' (confidential)' : ''
      const by =
        payload.origin === 'initiative'
          ? `by initiative in ${body}, started by ${actor}`
          : `by ${actor} in ${body}`
      const topic = typeof payload.topic === 'string' ? ` on ${payload.topic}` : ''
      const major =
        payload.major === true
          ? ` (major${typeof payload.majorRuleId === 'string' ? `: ${payload.majorRuleId}` : ''})`
          : ''
      const signatures =
        typeof payload.signaturesRequired === 'number'
          ? `; ${plural(payload.signaturesRequired, 'signature')} needed`
          : ''
      return `Question #${num(payload.questionId)}${topic}${confidential} was raised ${by}${major}${signatures}`
    },
  },
  'question.signed': {
    label: 'Initiative signed',
    sentence: ({ payload }) =>
      `Member #${num(payload.memberId)} signed ${question(payload)} (${plural(num(payload.signatures), 'signature')} so far)`,
  },
  'question.withdrawn': {
    label: 'Question withdrawn',
    sentence: ({ actor, payload }) => {
      const from = stateWords(payload.fromState)
      return `${actor} withdrew ${question(payload)}${from ? ` (it was ${from})` : ''}`
    },
  },
  'question.recorded': {
    label: 'Past question recorded',
    sentence: ({ actor, payload }) =>
      `${actor} recorded ${question(payload)} from past practice` +
      (typeof payload.decisionId === 'number' ? `, with decision #${payload.decisionId}` : ''),
  },
  'question.declassified': {
    label: 'Question declassified',
    sentence: ({ payload }) =>
      `Question #${num(payload.questionId)} was declassified: every member in scope may now read it`,
  },
  'discussion.opened': {
    label: 'Discussion opened',
    sentence: ({ payload }) => {
      const latest =
        typeof payload.latestCloseAt === 'string'
          ? `closes by itself on ${day(payload.latestCloseAt)}`
          : 'has no maximum'
      const rule = typeof payload.ruleId === 'string' ? ` (${payload.ruleId})` : ''
      return (
        `The discussion of ${question(payload)} opened: it may close from ` +
        `${day(payload.earliestCloseAt)} and ${latest}${rule}`
      )
    },
  },
  'discussion.closed': {
    label: 'Discussion closed',
    sentence: ({ actor, payload }) =>
      payload.reason === 'maximum'
        ? `The discussion of ${question(payload)} closed by itself at its maximum`
        : `${actor} closed the discussion of ${question(payload)} early`,
  },
  'comment.posted': {
    label: 'Criticism posted',
    sentence: ({ actor, payload }) => {
      const kind = commentKindWords(payload.kind)
      const own = `${kind} (#${num(payload.commentId)})`
      return typeof payload.parentId === 'number'
        ? `${actor} replied with ${own} to comment #${payload.parentId} on ${question(payload)}`
        : `${actor} posted ${own} on ${question(payload)}`
    },
  },
  'comment.hidden': {
    label: 'Comment hidden',
    sentence: ({ actor, payload }) =>
      `${actor} hid comment #${num(payload.commentId)} on ${question(payload)} for ` +
      hideReasonWords(payload.reason),
  },
  'support.changed': {
    label: 'Support changed',
    sentence: ({ actor, payload }) => {
      const what =
        typeof payload.commentId === 'number'
          ? `comment #${payload.commentId} on ${question(payload)}`
          : `the proposal of ${question(payload)}`
      return payload.supported === true
        ? `${actor} supported ${what}`
        : `${actor} withdrew their support from ${what}`
    },
  },
  'decision.vote_opened': {
    label: 'Vote opened',
    sentence: ({ actor, payload }) => {
      const how =
        payload.method === 'choice'
          ? `a choice among ${plural(num(payload.options), 'option')}`
          : 'yes, no or abstain'
      return `${actor} opened the vote on ${question(payload)}${atMeeting(payload.meetingId)} (${how})`
    },
  },
  'decision.vote_cast': {
    label: 'Vote cast',
    sentence: ({ payload }) => `Member #${num(payload.memberId)} voted on ${question(payload)}`,
  },
  'decision.taken': {
    label: 'Decision taken',
    sentence: ({ actor, payload }) => {
      const decision = `decision #${num(payload.decisionId)}`
      // A confidential question's decision is logged without its content.
      if (payload.confidential === true)
        return `${actor} recorded ${decision} on confidential ${question(payload)}`
      const outcome = text(payload.outcome)
      const details = decisionDetails(payload)
      switch (payload.kind) {
        case 'urgent':
          return `${actor} decided ${question(payload)} urgently: ${outcome} (${decision})${details}`
        case 'recorded':
          return `${actor} recorded ${decision} on ${question(payload)}: ${outcome}${details}`
        default:
          return (
            `Question #${num(payload.questionId)} was decided by vote${atMeeting(payload.meetingId)}: ` +
            `${outcome} (${decision})${details}`
          )
      }
    },
  },
  'decision.ratified': {
    label: 'Decision ratified',
    sentence: ({ actor, payload }) =>
      payload.outcome === null
        ? `${actor} recorded the body's answer on confidential decision #${num(payload.decisionId)}`
        : payload.outcome === 'rejected'
          ? `${actor} recorded that the body refused to ratify decision #${num(payload.decisionId)}${atMeeting(payload.meetingId)}`
          : `${actor} recorded the ratification of decision #${num(payload.decisionId)}${atMeeting(payload.meetingId)}`,
  },
  'decision.ratification_overdue': {
    label: 'Ratification overdue',
    sentence: ({ payload }) =>
      `Urgent decision #${num(payload.decisionId)} was not ratified by ${day(payload.ratifyBy)}`,
  },
  'task.created': {
    label: 'Task created',
    sentence: ({ actor, payload, bodyName }) => {
      const owner =
        typeof payload.ownerMemberId === 'number'
          ? `member #${payload.ownerMemberId}`
          : bodyName(payload.ownerBodyId)
      return (
        `${actor} gave task #${num(payload.taskId)} on decision #${num(payload.decisionId)} to ${owner}, ` +
        `due ${day(payload.dueOn)}`
      )
    },
  },
  'task.reported': {
    label: 'Task reported on',
    sentence: ({ actor, payload }) =>
      payload.closes === true
        ? `${actor} closed task #${num(payload.taskId)} with a final report (${num(payload.progress)}% done)`
        : `${actor} reported ${num(payload.progress)}% progress on task #${num(payload.taskId)}`,
  },
  'task.overdue': {
    label: 'Task overdue',
    sentence: ({ payload }) => `Task #${num(payload.taskId)} is overdue: it was due ${day(payload.dueOn)}`,
  },
  'meeting.scheduled': {
    label: 'Meeting scheduled',
    sentence: ({ actor, body, payload }) => {
      const agenda = Array.isArray(payload.agenda) ? payload.agenda.length : 0
      return (
        `${actor} scheduled meeting #${num(payload.meetingId)} of ${body} for ` +
        `${instant(payload.startsAt)}, with ${plural(agenda, 'question')} on the agenda`
      )
    },
  },
  'meeting.attendance_recorded': {
    label: 'Attendance recorded',
    sentence: ({ actor, payload }) =>
      `${actor} recorded attendance at meeting #${num(payload.meetingId)}: ${num(payload.present)} of ` +
      `${plural(num(payload.decidingMembers), 'member')} present, quorum ${num(payload.quorumRequired)} ` +
      `(${payload.quorate === true ? 'quorate' : 'not quorate'})`,
  },
  'meeting.minutes_recorded': {
    label: 'Minutes recorded',
    sentence: ({ actor, payload }) => `${actor} recorded the minutes of meeting #${num(payload.meetingId)}`,
  },
  'meeting.cancelled': {
    label: 'Meeting cancelled',
    sentence: ({ actor, payload }) => `${actor} cancelled meeting #${num(payload.meetingId)}`,
  },
}
