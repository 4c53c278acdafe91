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

  it('fall back to the type for an event this build does not know', () => {
    expect(describeEvent(event('ballot.cast', {}), names)).toBe(
      'Moscow Gubernia secretary: ballot.cast in Dynamo Works',
    )
  })
})
