import { describe, expect, it } from 'vitest'
import { EVENT_TYPES } from '../../../core/events/event-types.ts'
import { describeEvent, EVENT_KINDS } from './event-sentences.ts'
import type { LoggedEvent } from './types.ts'

function event(type: string, payload: unknown, more: Partial<LoggedEvent> = {}): LoggedEvent {
  return {
    id: 1,
    type,
    occurredAt: '1923-12-02T10:00:00.000Z',
    actor: { kind: 'account', accountId: 7, displayName: 'Moscow Gubernia secretary' },
    bodyId: 12,
    bodyName: 'Dynamo Works',
    subject: null,
    payload,
    ...more,
  }
}

const names = { '12': 'Dynamo Works', '5': 'Zamoskvorechye District', '6': 'Ural Region' }

describe('event sentences', () => {
  it('know every event type of the catalogue, and no other', () => {
    expect(Object.keys(EVENT_KINDS).sort()).toEqual([...EVENT_TYPES].sort())
  })

  it('say who did what, where, in words', () => {
    const registered = event(
      'member.registered',
      { unitId: 12, category: 'worker', status: 'candidate', joinedOn: '1923-11-01', fieldsOfWork: [] },
      { subject: { kind: 'member', id: 123 } },
    )
    expect(describeEvent(registered, names)).toBe(
      'Moscow Gubernia secretary registered member #123 (candidate, worker) in the unit Dynamo Works',
    )
    const imported = event('members.imported', { source: 'csv', count: 2, firstMemberId: 1, lastMemberId: 2 })
    expect(
      describeEvent({ ...imported, actor: { kind: 'cli', accountId: null, displayName: null } }, {}),
    ).toBe('The command line imported 2 members from CSV')
    const read = event('member_records.read', { view: 'list', scopeBodyId: 5, memberIds: [1, 2, 3] })
    expect(
      describeEvent({ ...read, actor: { kind: 'account', accountId: 1, displayName: 'Admin' } }, names),
    ).toBe('Admin read 3 member records of Zamoskvorechye District')
    const transferred = event('member.transferred', { fromUnitId: 99, toUnitId: 12, onDate: '1923-12-01' })
    expect(describeEvent({ ...transferred, subject: { kind: 'member', id: 4 } }, names)).toBe(
      'Moscow Gubernia secretary transferred member #4 from body #99 to Dynamo Works on 1 Dec 1923',
    )
    expect(describeEvent(event('body.renamed', { from: 'Dynamo', to: 'Dynamo Works' }), names)).toBe(
      'Moscow Gubernia secretary renamed Dynamo to Dynamo Works',
    )
  })

  it('say what happened in a deliberation from the ids, kinds and dates its payloads carry', () => {
    const raised = event('question.raised', {
      questionId: 12,
      origin: 'initiative',
      major: true,
      majorRuleId: 'deliberation.major',
      confidential: false,
      topic: 'economic-policy',
      signaturesRequired: 3,
      charterVersionId: 1,
    })
    expect(describeEvent(raised, names)).toBe(
      'Question #12 on economic-policy was raised by initiative in Dynamo Works, started by Moscow Gubernia ' +
        'secretary (major: deliberation.major); 3 signatures needed',
    )
    // A confidential question's event carries no topic: the sentence says only that it is confidential.
    const secret = event('question.raised', {
      questionId: 13,
      origin: 'body',
      major: false,
      majorRuleId: null,
      confidential: true,
      topic: null,
      signaturesRequired: null,
      charterVersionId: 1,
    })
    expect(describeEvent(secret, names)).toBe(
      'Question #13 (confidential) was raised by Moscow Gubernia secretary in Dynamo Works',
    )
    const opened = event('discussion.opened', {
      questionId: 12,
      ruleId: 'deliberation.limits',
      earliestCloseAt: '1923-12-09T10:00:00.000Z',
      latestCloseAt: '1924-01-01T10:00:00.000Z',
    })
    expect(describeEvent(opened, names)).toBe(
      'The discussion of question #12 opened: it may close from 9 Dec 1923 and closes by itself on ' +
        '1 Jan 1924 (deliberation.limits)',
    )
    const reply = event('comment.posted', { questionId: 12, commentId: 34, kind: 'amendment', parentId: 33 })
    expect(describeEvent(reply, names)).toBe(
      'Moscow Gubernia secretary replied with an amendment (#34) to comment #33 on question #12',
    )
    const hidden = event('comment.hidden', { questionId: 12, commentId: 34, reason: 'abuse' })
    expect(describeEvent(hidden, names)).toBe(
      'Moscow Gubernia secretary hid comment #34 on question #12 for abuse',
    )
    // The words come from the deliberation pages' labels, put into the sentence.
    const privateData = event('comment.hidden', { questionId: 12, commentId: 35, reason: 'personal-data' })
    expect(describeEvent(privateData, names)).toBe(
      'Moscow Gubernia secretary hid comment #35 on question #12 for another person’s private data',
    )
    const counter = event('comment.posted', { questionId: 12, commentId: 36, kind: 'counter-proposal' })
    expect(describeEvent(counter, names)).toBe(
      'Moscow Gubernia secretary posted a counter-proposal (#36) on question #12',
    )
    const withdrawn = event('question.withdrawn', { questionId: 12, fromState: 'discussed' })
    expect(describeEvent(withdrawn, names)).toBe(
      'Moscow Gubernia secretary withdrew question #12 (it was awaiting the vote)',
    )
    const decided = event('decision.taken', {
      decisionId: 5,
      questionId: 12,
      kind: 'recorded',
      outcome: 'adopted',
      exception: null,
      discussionCompleted: false,
      discussionRuleId: 'deliberation.major',
      meetingId: null,
      quorumRequired: null,
      present: null,
      ratifyBy: null,
    })
    expect(describeEvent(decided, names)).toBe(
      'Moscow Gubernia secretary recorded decision #5 on question #12: adopted; without a completed ' +
        'discussion (deliberation.major)',
    )
    const task = event('task.created', {
      taskId: 7,
      decisionId: 5,
      ownerMemberId: null,
      ownerBodyId: 6,
      dueOn: '1923-12-20',
    })
    expect(describeEvent(task, names)).toBe(
      'Moscow Gubernia secretary gave task #7 on decision #5 to Ural Region, due 20 Dec 1923',
    )
  })

  it('never print undefined, NaN or an object, even for a payload missing its fields', () => {
    for (const type of EVENT_TYPES) {
      const sentence = describeEvent(event(type, {}, { subject: { kind: 'question', id: 3 } }), names)
      expect(sentence, type).not.toMatch(/undefined|NaN|\[object/)
    }
  })

  it('fall back to the type for an event this build does not know', () => {
    expect(describeEvent(event('ballot.cast', {}), names)).toBe(
      'Moscow Gubernia secretary: ballot.cast in Dynamo Works',
    )
  })
})
