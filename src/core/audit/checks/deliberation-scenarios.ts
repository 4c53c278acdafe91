import { adoptCharter } from '../../charter/adopt-charter.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import type { CheckScenario, ExpectedFinding } from '../audit-contract.ts'
import type { AuditTest } from '../audit-test-fixture.ts'
import type { FindingKind, FindingSubject } from '../finding.ts'
import { deliberationAuditSteps } from './deliberation-audit-steps.ts'

/**
 * The deliberation checks' scenarios for the shared contract. The test organisation's charter:
 * discussions last 7 to 30 days, party and economic policy are major, urgent decisions are
 * ratified within 14 days, military secrets are kept up to a year, tasks are carried out by their
 * deadline. Today is 1923-12-02; departures are set up in the past, with the clock put back.
 */

/** A version of the test charter from 1923-11-01 that keeps secrets for 60 days only. */
export async function shortenSecrecy(t: AuditTest, effectiveFrom = '1923-11-01'): Promise<void> {
  await t.run((ctx) =>
    adoptCharter(ctx, {
      source:
        TEST_CHARTER_YAML +
        DELIBERATION_RULES_YAML.replace('declassifyWithinDays: 365', 'declassifyWithinDays: 60'),
      fileName: 'shorter-secrecy.yaml',
      decision: { kind: 'congress', title: 'Congress on secrecy', decidedOn: effectiveFrom },
      effectiveFrom,
    }),
  )
}

/** The violation a scenario expects: unit A1's, about a subject, under a rule, begun after `notBefore`. */
function violationInA1(
  t: AuditTest,
  subject: FindingSubject,
  rule: string,
  notBefore: string,
): ExpectedFinding {
  return { bodyId: t.tree.unitA1.id, subject, severity: 'violation', rule, notBefore }
}

/** A recorded decision after a discussion opened the day its question was raised. */
function decidedAfterDiscussion(
  t: AuditTest,
  topic: string,
  dates: { readonly raisedOn: string; readonly closedOn: string; readonly decidedOn: string },
) {
  return deliberationAuditSteps(t).recordedDecision({
    topic,
    raisedOn: dates.raisedOn,
    discussion: { openedOn: dates.raisedOn, closedOn: dates.closedOn },
    decidedOn: dates.decidedOn,
  })
}

const withoutDiscussion: CheckScenario = {
  async clean(t) {
    const s = deliberationAuditSteps(t)
    // A major question recorded with its discussion, a minor one decided without, and a major
    // one decided under the urgent exception: none departs from the major rule.
    await decidedAfterDiscussion(t, 'party-policy', {
      raisedOn: '1923-10-01',
      closedOn: '1923-10-10',
      decidedOn: '1923-10-12',
    })
    await s.recordedDecision({ topic: 'canteen', raisedOn: '1923-10-01', decidedOn: '1923-10-02' })
    await s.urgentDecision('economic-policy')
  },
  async violate(t) {
    const s = deliberationAuditSteps(t)
    const decision = await s.recordedDecision({
      topic: 'party-policy',
      raisedOn: '1923-11-14',
      decidedOn: '1923-11-15',
    })
    return violationInA1(t, { kind: 'decision', id: decision.id }, 'deliberation.major', '1923-11-14')
  },
  repair: {
    permanent: 'a major question decided without discussion stays so decided: the record is of an act done',
  },
}

const overrun: CheckScenario = {
  async clean(t) {
    const s = deliberationAuditSteps(t)
    // Within the maximum: a live discussion still running, one closed early, one ended by an
    // urgent decision before the maximum (no close recorded), and a record of 29 days.
    await s.raise({ topic: 'canteen' })
    await s.backThen('1923-10-15T10:00:00Z', () => s.discussed('canteen'))
    await s.backThen('1923-10-15T10:00:00Z', () => s.urgentDecision('economic-policy'))
    await decidedAfterDiscussion(t, 'canteen', {
      raisedOn: '1923-09-01',
      closedOn: '1923-09-30',
      decidedOn: '1923-10-01',
    })
  },
  async violate(t) {
    const s = deliberationAuditSteps(t)
    // Raised on 20 October: the maximum (30 days) fell on 19 November, and the scheduler's close
    // has not run since (the server was down).
    const question = await s.backThen('1923-10-20T09:00:00Z', () => s.raise({ topic: 'canteen' }))
    return violationInA1(t, { kind: 'question', id: question.id }, 'deliberation.limits', '1923-11-19')
  },
  // The scheduler runs again and closes the discussion, dated at its maximum.
  async repair(t) {
    await deliberationAuditSteps(t).runDue()
  },
}

const tooShort: CheckScenario = {
  async clean(t) {
    const s = deliberationAuditSteps(t)
    await decidedAfterDiscussion(t, 'canteen', {
      raisedOn: '1923-10-01',
      closedOn: '1923-10-08',
      decidedOn: '1923-10-09',
    })
    // A live vote after the minimum, and an urgent decision cutting a discussion short (its exception).
    await s.backThen('1923-11-01T10:00:00Z', async () => {
      const question = await s.discussed('canteen')
      await s.open(question.id)
      await s.cast(question.id, t.vera.id, { choice: 'yes' })
      await s.cast(question.id, t.semyon.id, { choice: 'yes' })
      await s.close(question.id)
    })
    await s.urgentDecision('economic-policy')
  },
  async violate(t) {
    const decision = await decidedAfterDiscussion(t, 'canteen', {
      raisedOn: '1923-11-01',
      closedOn: '1923-11-04',
      decidedOn: '1923-11-05',
    })
    return violationInA1(t, { kind: 'decision', id: decision.id }, 'deliberation.limits', '1923-11-04')
  },
  repair: {
    permanent: 'a decision taken after too short a discussion stays so taken: the record is of an act done',
  },
}

const unratified: CheckScenario = {
  async clean(t) {
    const s = deliberationAuditSteps(t)
    // Decided urgently on 1 November and ratified at a quorate meeting on the 10th, in time.
    const decision = await s.backThen('1923-11-01T10:00:00Z', () => s.urgentDecision('economic-policy'))
    await s.backThen('1923-11-10T18:00:00Z', () => s.ratifyNow(decision.id))
  },
  async violate(t) {
    const s = deliberationAuditSteps(t)
    // Decided urgently on 5 November: due for ratification by the 19th, and logged overdue.
    const decision = await s.backThen('1923-11-05T10:00:00Z', () => s.urgentDecision('economic-policy'))
    await s.runDue()
    return violationInA1(t, { kind: 'decision', id: decision.id }, 'deliberation.urgent', '1923-11-04')
  },
  // The body ratifies it, late, at a quorate meeting today.
  async repair(t, found) {
    await deliberationAuditSteps(t).ratifyNow(found.subject.id)
  },
}

const undeclassified: CheckScenario = {
  async clean(t) {
    const s = deliberationAuditSteps(t)
    // A secret kept within the year, and one whose date has come and gone.
    await s.secret()
    await s.backThen('1922-10-01T10:00:00Z', () => s.secret('1923-09-01'))
  },
  async violate(t) {
    const s = deliberationAuditSteps(t)
    // Raised on 1 September with the year's bound; from 1 November the charter allows 60 days,
    // so the secret was due out by 31 October.
    const question = await s.backThen('1923-09-01T10:00:00Z', () => s.secret('1924-06-01'))
    await shortenSecrecy(t)
    return violationInA1(t, { kind: 'question', id: question.id }, 'deliberation.confidential', '1923-10-31')
  },
  // The body declassifies it now.
  async repair(t, found) {
    await deliberationAuditSteps(t).declassify(found.subject.id)
  },
}

const taskOverdue: CheckScenario = {
  async clean(t) {
    const s = deliberationAuditSteps(t)
    const decision = await decidedAfterDiscussion(t, 'canteen', {
      raisedOn: '1923-09-20',
      closedOn: '1923-09-28',
      decidedOn: '1923-10-01',
    })
    // Due later, due today, and one closed with its report before it fell due.
    await s.backThen('1923-10-02T10:00:00Z', () => s.task(decision.id, '1923-12-20'))
    await s.backThen('1923-10-02T10:00:00Z', () => s.task(decision.id, '1923-12-02'))
    const done = await s.backThen('1923-10-02T10:00:00Z', () => s.task(decision.id, '1923-11-01'))
    await s.backThen('1923-10-30T10:00:00Z', () => s.closeWithReport(done.id))
  },
  async violate(t) {
    const s = deliberationAuditSteps(t)
    const decision = await decidedAfterDiscussion(t, 'canteen', {
      raisedOn: '1923-10-10',
      closedOn: '1923-10-20',
      decidedOn: '1923-11-01',
    })
    const task = await s.backThen('1923-11-02T10:00:00Z', () => s.task(decision.id, '1923-11-20'))
    await s.runDue()
    return violationInA1(t, { kind: 'task', id: task.id }, 'deliberation.implementation', '1923-11-20')
  },
  // The owner closes it with a report of what was done.
  async repair(t, found) {
    await deliberationAuditSteps(t).closeWithReport(found.subject.id)
  },
}

/** The deliberation family's scenarios, by kind. */
export const DELIBERATION_SCENARIOS: Partial<Record<FindingKind, CheckScenario>> = {
  'decision.without-discussion': withoutDiscussion,
  'discussion.overrun': overrun,
  'discussion.too-short': tooShort,
  'urgent.unratified': unratified,
  'confidential.undeclassified': undeclassified,
  'task.overdue': taskOverdue,
}
