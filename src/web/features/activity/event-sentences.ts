import { humanise, plural } from '../../shared/format.ts'
import { DELIBERATION_EVENT_KINDS } from './deliberation-sentences.ts'
import { day, type EventKind, num, type Parts, subjectRef, text } from './sentence-parts.ts'
import type { LoggedEvent } from './types.ts'

const STATUS_WORDS: Readonly<Record<string, string>> = {
  applicant: 'applicant',
  candidate: 'candidate',
  full: 'full member',
  suspended: 'suspended',
  left: 'left',
}

function statusWord(value: unknown): string {
  return STATUS_WORDS[text(value)] ?? text(value)
}

const END_WORDS: Readonly<Record<string, string>> = {
  'term-ended': 'term ended',
  resigned: 'resigned',
  recalled: 'recalled',
  replaced: 'replaced by an elected holder',
}

/** 'unit-secretary' → 'unit secretary'. */
function postWords(value: unknown): string {
  return text(value).replaceAll('-', ' ')
}

/** A nominee's answer as a verb phrase ('withdrawn' is a state; the sentence needs 'withdrew'). */
const ANSWER_WORDS: Readonly<Record<string, string>> = {
  accepted: 'accepted the nomination',
  declined: 'declined the nomination',
  withdrawn: 'withdrew their candidacy',
}

const SOURCES: Readonly<Record<string, string>> = {
  csv: 'from CSV',
  generate: 'by the generator',
  demo: 'for the demo',
}

/**
 * One sentence per event type of the catalogue (src/core/<capability>/events.ts); the test beside
 * this file fails when the catalogue gains a type this table does not know.
 */
export const EVENT_KINDS: Readonly<Record<string, EventKind>> = {
  'organisation.configured': {
    label: 'Organisation configured',
    sentence: ({ actor, payload }) => {
      const levels = Array.isArray(payload.levels) ? payload.levels.map(text).join(' → ') : ''
      return `${actor} configured the organisation “${text(payload.name)}”${levels ? ` with levels ${levels}` : ''}`
    },
  },
  'body.created': {
    label: 'Body created',
    sentence: ({ actor, payload, bodyName }) => {
      const kind = payload.kind ? `, ${humanise(text(payload.kind)).toLowerCase()}` : ''
      const under = payload.parentId === null ? ' as the root' : ` under ${bodyName(payload.parentId)}`
      return `${actor} created ${text(payload.name)} (${text(payload.level)}${kind})${under}`
    },
  },
  'body.renamed': {
    label: 'Body renamed',
    sentence: ({ actor, payload }) => `${actor} renamed ${text(payload.from)} to ${text(payload.to)}`,
  },
  'body.moved': {
    label: 'Body moved',
    sentence: ({ actor, body, payload, bodyName }) =>
      `${actor} moved ${body} from ${bodyName(payload.fromParentId)} to ${bodyName(payload.toParentId)} ` +
      `(${plural(num(payload.bodiesMoved), 'body', 'bodies')}, ${plural(num(payload.membersMoved), 'member')})`,
  },
  'body.dissolved': {
    label: 'Body dissolved',
    sentence: ({ actor, body, payload, bodyName }) => {
      const members = num(payload.membersAffected)
      const moved =
        payload.membersTransferredTo === null
          ? members > 0
            ? `; ${plural(members, 'member')} affected`
            : ''
          : `; ${plural(members, 'member')} transferred to ${bodyName(payload.membersTransferredTo)}`
      return `${actor} dissolved ${body} (${plural(num(payload.bodiesDissolved), 'body', 'bodies')}${moved})`
    },
  },
  'member.registered': {
    label: 'Member registered',
    sentence: ({ actor, event, payload, bodyName }) =>
      `${actor} registered ${subjectRef(event, 'member')} (${statusWord(payload.status)}, ` +
      `${text(payload.category)}) in the unit ${bodyName(payload.unitId)}`,
  },
  'members.imported': {
    label: 'Members imported',
    sentence: ({ actor, payload }) =>
      `${actor} imported ${plural(num(payload.count), 'member')} ${SOURCES[text(payload.source)] ?? ''}`.trim(),
  },
  'member.updated': {
    label: 'Member updated',
    sentence: ({ actor, event, payload }) => {
      const fields = Array.isArray(payload.fields) ? payload.fields.map(text).join(', ') : ''
      return `${actor} updated ${subjectRef(event, 'member')}${fields ? ` (${fields})` : ''}`
    },
  },
  'member.status_changed': {
    label: 'Member status changed',
    sentence: ({ actor, event, payload }) =>
      `${actor} changed ${subjectRef(event, 'member')} from ${statusWord(payload.from)} to ` +
      `${statusWord(payload.to)} on ${day(payload.onDate)}` +
      // The free-text reason stays off the log (it may name people); the log says one was given.
      (payload.reasonGiven === true || payload.reason ? ', with a recorded reason' : ''),
  },
  'member.transferred': {
    label: 'Member transferred',
    sentence: ({ actor, event, payload, bodyName }) =>
      `${actor} transferred ${subjectRef(event, 'member')} from ${bodyName(payload.fromUnitId)} to ` +
      `${bodyName(payload.toUnitId)} on ${day(payload.onDate)}`,
  },
  'members.exported': {
    label: 'Members exported',
    sentence: ({ actor, payload, bodyName }) =>
      `${actor} exported ${plural(num(payload.count), 'member record')} of ${bodyName(payload.scopeBodyId)} as CSV`,
  },
  'member_records.read': {
    label: 'Member records read',
    sentence: ({ actor, payload, bodyName }) => {
      const ids = Array.isArray(payload.memberIds) ? payload.memberIds : []
      if (payload.view === 'detail' && ids.length === 1)
        return `${actor} read the record of member #${num(ids[0])}`
      return `${actor} read ${plural(ids.length, 'member record')} of ${bodyName(payload.scopeBodyId)}`
    },
  },
  'contact.added': {
    label: 'Contact added',
    sentence: ({ actor, event, payload, bodyName }) =>
      `${actor} added ${subjectRef(event, 'contact')} to ${bodyName(payload.bodyId)}`,
  },
  'account.created': {
    label: 'Account created',
    sentence: ({ actor, event, payload }) =>
      `${actor} created ${subjectRef(event, 'account')}` +
      (payload.memberId !== null && payload.memberId !== undefined
        ? ` for member #${num(payload.memberId)}`
        : ''),
  },
  'role.granted': {
    label: 'Role granted',
    sentence: ({ actor, event, payload, bodyName }) =>
      `${actor} made ${subjectRef(event, 'account')} ${text(payload.role)} of ${bodyName(payload.bodyId)}`,
  },
  'role.revoked': {
    label: 'Role revoked',
    sentence: ({ actor, event, payload, bodyName }) =>
      `${actor} withdrew the ${text(payload.role)} role on ${bodyName(payload.bodyId)} from ${subjectRef(event, 'account')}`,
  },
  'account.signed_in': {
    label: 'Signed in',
    sentence: ({ actor }) => `${actor} signed in`,
  },
  'account.password_changed': {
    label: 'Password changed',
    sentence: ({ actor, event }) =>
      event.subject && event.subject.id !== event.actor.accountId
        ? `${actor} changed the password of ${subjectRef(event, 'account')}`
        : `${actor} changed their password`,
  },
  'bodies.bulk_created': {
    label: 'Bodies created in bulk',
    sentence: ({ actor, payload }) =>
      `${actor} created ${plural(num(payload.count), 'body', 'bodies')} ${SOURCES[text(payload.source)] ?? ''}`.trim(),
  },
  'meetings.recorded': {
    label: 'Meetings recorded in bulk',
    sentence: ({ actor, payload }) =>
      `${actor} recorded ${plural(num(payload.count), 'past meeting')} (${day(payload.from)} to ${day(payload.to)}) ${SOURCES[text(payload.source)] ?? ''}`.trim(),
  },
  'personal_data.exported': {
    label: 'Personal data exported',
    sentence: ({ actor, payload }) =>
      `${actor} downloaded everything held about member #${num(payload.memberId)}`,
  },
  'member.erased': {
    label: 'Member erased',
    sentence: ({ actor, payload }) =>
      `${actor} erased the personal data of member #${num(payload.memberId)} (${humanise(text(payload.reason)).replaceAll('_', ' ')})`,
  },
  'charter.adopted': {
    label: 'Charter adopted',
    sentence: ({ actor, payload }) => {
      const decision = (payload.decision ?? {}) as Record<string, unknown>
      return (
        `${actor} recorded “${text(payload.name)}”, adopted by ${text(decision.title)} on ` +
        `${day(decision.decidedOn)}, in force from ${day(payload.effectiveFrom)}`
      )
    },
  },
  'mandate.elected': {
    label: 'Mandate (elected)',
    sentence: ({ actor, payload, bodyName }) =>
      `${actor} recorded member #${num(payload.memberId)} elected ${postWords(payload.post)} of ` +
      `${bodyName(payload.bodyId)} from ${day(payload.startsOn)}` +
      (payload.firstMandate === true ? ', promoted from the ranks' : ''),
  },
  'mandate.appointed': {
    label: 'Mandate (appointed)',
    sentence: ({ actor, payload, bodyName }) =>
      `${actor} recorded member #${num(payload.memberId)} appointed ${postWords(payload.post)} of ` +
      `${bodyName(payload.bodyId)} by ${bodyName(payload.appointedByBodyId)}, from ` +
      `${day(payload.startsOn)} until ${day(payload.endsOn)}` +
      (payload.justification ? ` (${text(payload.justification)})` : ''),
  },
  'mandate.ended': {
    label: 'Mandate ended',
    sentence: ({ actor, event, payload }) =>
      `${actor} ended ${subjectRef(event, 'mandate')} on ${day(payload.onDate)} ` +
      `(${END_WORDS[text(payload.reason)] ?? text(payload.reason)})`,
  },
  'member.dues_paid': {
    label: 'Dues paid',
    sentence: ({ actor, event, payload }) =>
      `${actor} recorded ${plural(Array.isArray(payload.months) ? payload.months.length : 0, 'month')} of dues ` +
      `paid by ${subjectRef(event, 'member')} on ${day(payload.paidOn)}`,
  },
  'election.called': {
    label: 'Election called',
    sentence: ({ actor, event, body, payload }) => {
      const contests = Array.isArray(payload.contests) ? (payload.contests as Record<string, unknown>[]) : []
      const posts = contests.map((c) => `${postWords(c.post)} (${plural(num(c.seats), 'seat')})`).join(', ')
      return (
        `${actor} called ${subjectRef(event, 'election')} “${text(payload.title)}” in ${body} for ${posts}; ` +
        `voting ${day(payload.votingOpenAt)} – ` +
        `${day(payload.votingCloseAt)}`
      )
    },
  },
  'election.nominations_opened': {
    label: 'Nominations opened',
    sentence: ({ event, body }) => `Nominations opened for ${subjectRef(event, 'election')} in ${body}`,
  },
  'election.nominations_closed': {
    label: 'Nominations closed',
    sentence: ({ event, payload }) =>
      `Nominations closed for ${subjectRef(event, 'election')} with ${plural(num(payload.candidates), 'candidate')}`,
  },
  'election.nominated': {
    label: 'Nomination',
    sentence: ({ actor, event, payload }) =>
      payload.nominatedByMemberId === null
        ? `Member #${num(payload.memberId)} stood for ${postWords(payload.post)} in ${subjectRef(event, 'election')}`
        : `${actor} recorded member #${num(payload.nominatedByMemberId)} nominating member ` +
          `#${num(payload.memberId)} for ${postWords(payload.post)} in ${subjectRef(event, 'election')}`,
  },
  'election.nomination_answered': {
    label: 'Nomination answered',
    sentence: ({ event, payload }) =>
      `Member #${num(payload.memberId)} ${ANSWER_WORDS[text(payload.answer)] ?? text(payload.answer)} in ${subjectRef(event, 'election')}`,
  },
  'election.voting_opened': {
    label: 'Voting opened',
    sentence: ({ event, payload }) =>
      `Voting opened in ${subjectRef(event, 'election')}: ${plural(num(payload.electorateSize), 'elector')}` +
      (num(payload.consultative) > 0 ? `, ${num(payload.consultative)} with a consultative voice` : ''),
  },
  'election.ballot_cast': {
    label: 'Ballot cast',
    // Who voted is on the roll; what they voted is never in the log.
    sentence: ({ actor, event }) => `${actor} voted in ${subjectRef(event, 'election')}`,
  },
  'election.closed': {
    label: 'Election closed',
    sentence: ({ event, payload }) =>
      `${humanise(subjectRef(event, 'election'))} closed and was counted: ${num(payload.votersCount)} of ` +
      `${plural(num(payload.electorateSize), 'elector')} voted`,
  },
  'election.cancelled': {
    label: 'Election cancelled',
    sentence: ({ actor, event, payload }) =>
      `${actor} cancelled ${subjectRef(event, 'election')} (was ${text(payload.fromState)})` +
      (payload.reasonGiven === true ? ', giving a reason' : ''),
  },
  ...DELIBERATION_EVENT_KINDS,
}

function actorName(event: LoggedEvent): string {
  switch (event.actor.kind) {
    case 'account':
      return event.actor.displayName ?? `Account #${event.actor.accountId ?? '?'}`
    case 'cli':
      return 'The command line'
    case 'system':
      return 'The system'
  }
}

/** The event as a readable sentence, e.g. 'Admin renamed Farm B to Farm B2'. */
export function describeEvent(event: LoggedEvent, bodyNames: Readonly<Record<string, string>>): string {
  const payload =
    typeof event.payload === 'object' && event.payload !== null
      ? (event.payload as Record<string, unknown>)
      : {}
  const bodyName = (id: unknown) =>
    typeof id === 'number' ? (bodyNames[String(id)] ?? `body #${id}`) : 'an unknown body'
  const parts: Parts = {
    event,
    actor: actorName(event),
    body: event.bodyId === null ? 'the organisation' : (event.bodyName ?? bodyName(event.bodyId)),
    payload,
    bodyName,
  }
  const kind = EVENT_KINDS[event.type]
  if (kind) return kind.sentence(parts)
  // A type this build does not know yet (a newer server): say who did what, where.
  const where = event.bodyId === null ? '' : ` in ${parts.body}`
  return `${parts.actor}: ${event.type}${where}`
}

/** The filter's choices: every known type with its label, in catalogue order. */
export const EVENT_TYPE_CHOICES = Object.entries(EVENT_KINDS).map(([type, kind]) => ({
  type,
  label: kind.label,
}))
