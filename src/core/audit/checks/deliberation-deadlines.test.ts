import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adoptCharter } from '../../charter/adopt-charter.ts'
import { decideUrgently } from '../../deliberation/decide-urgently.ts'
import { DELIBERATION_RULES_YAML } from '../../deliberation/test-fixture.ts'
import { TEST_CHARTER_YAML } from '../../mandates/test-charter.ts'
import { type AuditTest, openAuditTest } from '../audit-test-fixture.ts'
import { confidentialUndeclassifiedCheck } from './confidential-undeclassified.ts'
import { deliberationAuditSteps } from './deliberation-audit-steps.ts'
import { shortenSecrecy } from './deliberation-scenarios.ts'
import { taskOverdueCheck } from './task-overdue.ts'
import { urgentUnratifiedCheck } from './urgent-unratified.ts'

// The deadline checks beyond the contract (ratification, declassification, tasks): severities
// over time, as-of dates around the repair, an earlier charter version, wording and scope.

let t: AuditTest
let s: ReturnType<typeof deliberationAuditSteps>
beforeEach(async () => {
  t = await openAuditTest()
  s = deliberationAuditSteps(t)
})
afterEach(async () => {
  await t.database.drop()
})

const SECRET_TITLE = 'Move the depot to the northern bank'

describe('urgent.unratified', () => {
  it('is a notice while the deadline is ahead and a violation after it, until the body ratifies', async () => {
    const decision = await s.backThen('1923-11-25T10:00:00Z', () => s.urgentDecision('economic-policy'))
    expect(decision.ratify_by).toBe('1923-12-09')
    const notice = {
      rule: 'deliberation.urgent',
      subject: { kind: 'decision', id: decision.id },
      severity: 'notice',
      since: '1923-11-25',
      message: `The urgent decision on question #${decision.question_id} of Unit A1, taken on 1923-11-25, awaits the body's ratification by 1923-12-09 (deliberation.urgent).`,
    }
    expect(await t.audit([urgentUnratifiedCheck])).toMatchObject([notice])
    expect(await t.audit([urgentUnratifiedCheck], '1923-12-09')).toMatchObject([notice])
    expect(await t.audit([urgentUnratifiedCheck], '1923-12-10')).toMatchObject([
      {
        ...notice,
        severity: 'violation',
        since: '1923-12-10',
        message: `The urgent decision on question #${decision.question_id} of Unit A1, taken on 1923-11-25, was not ratified by the body by 1923-12-09 as the charter requires (deliberation.urgent).`,
      },
    ])
    expect(await t.audit([urgentUnratifiedCheck], '1923-11-24')).toEqual([])

    await s.ratifyNow(decision.id)
    expect(await t.audit([urgentUnratifiedCheck])).toEqual([])
    // Before the ratification it was still pending, and an audit of that day says so.
    expect(await t.audit([urgentUnratifiedCheck], '1923-12-01')).toMatchObject([notice])
  })

  it('clears with a rejection too, and keeps to its scope', async () => {
    const rejected = await s.urgentDecision('economic-policy')
    await s.ratifyNow(rejected.id, 'rejected')
    const elsewhere = await s.urgentDecision('economic-policy', t.tree.unitB1.id)
    const findings = await t.audit([urgentUnratifiedCheck])
    expect(findings.map((f) => [f.subject.id, f.bodyName])).toEqual([[elsewhere.id, 'Unit B1']])
    expect(
      await t.audit([urgentUnratifiedCheck], undefined, { kind: 'subtree', path: t.tree.regionA.path }),
    ).toEqual([])
  })

  it('says nothing of a confidential question’s decision or tasks until it is declassified', async () => {
    const secret = await s.backThen('1923-11-01T10:00:00Z', () => s.secret())
    const decision = await s.backThen('1923-11-02T10:00:00Z', () =>
      t.run((ctx) =>
        decideUrgently(ctx, { questionId: secret.id, justification: 'The crossing cannot wait for a vote.' }),
      ),
    )
    const task = await s.backThen('1923-11-02T11:00:00Z', () => s.task(decision.id, '1923-11-20'))
    // The audit is read by every member in scope: while classified, no check but the bound's says a word.
    const checks = [urgentUnratifiedCheck, taskOverdueCheck]
    expect(await t.audit(checks)).toEqual([])

    await s.declassify(secret.id)
    const findings = await t.audit(checks)
    expect(findings).toMatchObject([
      {
        kind: 'urgent.unratified',
        subject: { kind: 'decision', id: decision.id },
        severity: 'violation',
        since: '1923-11-17',
        message: `The urgent decision on question #${secret.id} of Unit A1, taken on 1923-11-02, was not ratified by the body by 1923-11-16 as the charter requires (deliberation.urgent).`,
      },
      { kind: 'task.overdue', subject: { kind: 'task', id: task.id }, since: '1923-11-21' },
    ])
    expect(findings[0]?.message).not.toContain(SECRET_TITLE)
    // Declassified today: an audit of yesterday still leaves it out.
    expect(await t.audit(checks, '1923-12-01')).toEqual([])
  })
})

describe('confidential.undeclassified', () => {
  it('measures the secret by the bound in force on the audit’s day, and says nothing of it but that it is kept', async () => {
    const secret = await s.backThen('1923-09-01T10:00:00Z', () => s.secret('1924-06-01'))
    // Within the year the charter allowed when it was raised.
    expect(await t.audit([confidentialUndeclassifiedCheck])).toEqual([])
    await shortenSecrecy(t)
    const expected = {
      rule: 'deliberation.confidential',
      bodyId: t.tree.unitA1.id,
      subject: { kind: 'question', id: secret.id },
      severity: 'violation',
      since: '1923-11-01',
      message:
        'A confidential question of Unit A1 raised on 1923-09-01 is still kept from the members in scope, past the 60 days the charter allows (it was due for declassification by 1923-10-31; deliberation.confidential).',
    }
    const findings = await t.audit([confidentialUndeclassifiedCheck])
    expect(findings).toMatchObject([expected])
    expect(findings[0]?.message).not.toContain(SECRET_TITLE)
    expect(findings[0]?.message).not.toContain(`#${secret.id}`)
    expect(findings[0]?.evidence).toEqual((await t.eventsOf('question', secret.id)).map((event) => event.id))
    // The earlier version (a year) was in force until 31 October.
    expect(await t.audit([confidentialUndeclassifiedCheck], '1923-10-31')).toEqual([])
    expect(await t.audit([confidentialUndeclassifiedCheck], '1923-11-01')).toMatchObject([expected])
  })

  it('clears once the body declassifies it, while an audit of a day before still finds it', async () => {
    const secret = await s.backThen('1923-09-01T10:00:00Z', () => s.secret('1924-06-01'))
    await shortenSecrecy(t)
    expect(
      await t.audit([confidentialUndeclassifiedCheck], undefined, {
        kind: 'bodies',
        bodyIds: [t.tree.unitB1.id],
      }),
    ).toEqual([])
    expect(
      await t.audit([confidentialUndeclassifiedCheck], undefined, {
        kind: 'subtree',
        path: t.tree.regionA.path,
      }),
    ).toHaveLength(1)
    await s.declassify(secret.id)
    expect(await t.audit([confidentialUndeclassifiedCheck])).toEqual([])
    expect(await t.audit([confidentialUndeclassifiedCheck], '1923-11-15')).toHaveLength(1)
  })

  it('dates a bound shortened after it was passed from the day the shorter bound took effect', async () => {
    const secret = await s.backThen('1923-09-01T10:00:00Z', () => s.secret('1924-06-01'))
    // Sixty days from 1 September ran out on 31 October; the bound is only that short from 15 November.
    await shortenSecrecy(t, '1923-11-15')
    const expected = { subject: { kind: 'question', id: secret.id }, since: '1923-11-15' }
    expect(await t.audit([confidentialUndeclassifiedCheck])).toMatchObject([expected])
    expect(await t.audit([confidentialUndeclassifiedCheck], '1923-11-15')).toMatchObject([expected])
    expect(await t.audit([confidentialUndeclassifiedCheck], '1923-11-14')).toEqual([])
  })
})

describe('task.overdue', () => {
  async function overdueTask() {
    const decision = await s.recordedDecision({
      topic: 'canteen',
      raisedOn: '1923-10-10',
      discussion: { openedOn: '1923-10-10', closedOn: '1923-10-20' },
      decidedOn: '1923-11-01',
    })
    return s.backThen('1923-11-02T10:00:00Z', () => s.task(decision.id, '1923-11-20'))
  }

  it('is a violation from the day after the task fell due, until it is closed with its report', async () => {
    const task = await overdueTask()
    await s.runDue()
    const expected = {
      rule: 'deliberation.implementation',
      bodyId: t.tree.unitA1.id,
      subject: { kind: 'task', id: task.id },
      severity: 'violation',
      since: '1923-11-21',
      message: `Task #${task.id} set by Unit A1 to carry out a decision fell due on 1923-11-20 and is still open (deliberation.implementation).`,
    }
    const [finding] = await t.audit([taskOverdueCheck])
    expect(finding).toMatchObject(expected)
    expect(finding?.evidence).toEqual((await t.eventsOf('task', task.id)).map((event) => event.id))
    expect(finding?.message).not.toContain('boiler')
    expect(await t.audit([taskOverdueCheck], '1923-11-20')).toEqual([])

    await s.closeWithReport(task.id)
    expect(await t.audit([taskOverdueCheck])).toEqual([])
    expect(await t.audit([taskOverdueCheck], '1923-11-25')).toMatchObject([expected])
  })

  it('finds nothing while the charter in force has no implementation rule', async () => {
    const task = await overdueTask()
    await t.run((ctx) =>
      adoptCharter(ctx, {
        source:
          TEST_CHARTER_YAML +
          DELIBERATION_RULES_YAML.replace(/\n\s*- \{ id: deliberation\.implementation[^\n]*/, ''),
        fileName: 'no-implementation.yaml',
        decision: { kind: 'congress', title: 'Congress of December', decidedOn: '1923-12-01' },
        effectiveFrom: '1923-12-01',
      }),
    )
    expect(await t.audit([taskOverdueCheck])).toEqual([])
    expect((await t.audit([taskOverdueCheck], '1923-11-30')).map((f) => f.subject.id)).toEqual([task.id])
  })
})
