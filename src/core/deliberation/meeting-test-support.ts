import type { DecisionRow, QuestionRow } from '../../db/schema-deliberation.ts'
import { charterInForce } from '../charter/charter-in-force.ts'
import { toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { raiseQuestion } from './raise-question.ts'
import { writeDecision } from './write-decision.ts'

/** Helpers for the meeting and task tests (core and HTTP): no rules of their own. */

/** One VEVENT's properties by name (parameters dropped, text unescaped). */
export type IcsEvent = Readonly<Record<string, string>>

/** Parses an iCalendar document's lines (RFC 5545 §3.1: unfold, then NAME[;params]:value). */
export function parseIcs(text: string): { lines: string[]; calendar: IcsEvent; events: IcsEvent[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
  const calendar: Record<string, string> = {}
  const events: Record<string, string>[] = []
  let current: Record<string, string> | null = null
  for (const line of lines) {
    const colon = line.indexOf(':')
    const name = (line.slice(0, colon).split(';')[0] ?? '').toUpperCase()
    const value = line
      .slice(colon + 1)
      .replace(/\\n/gi, '\n')
      .replace(/\\([,;\\])/g, '$1')
    if (name === 'BEGIN' && value === 'VEVENT') current = {}
    else if (name === 'END' && value === 'VEVENT' && current) {
      events.push(current)
      current = null
    } else if (current) current[name] = value
    else calendar[name] = value
  }
  return { lines, calendar, events }
}

/** Raises a minor question put by the body (its discussion opens at once). */
export function raiseTestQuestion(
  ctx: UseCaseContext,
  bodyId: number,
  title: string,
  confidentialAudience?: readonly number[],
): Promise<QuestionRow> {
  return raiseQuestion(ctx, {
    bodyId,
    title,
    text: 'What the body should do.',
    proposal: 'Do it.',
    topic: confidentialAudience ? 'military' : 'canteen',
    origin: 'body',
    ...(confidentialAudience ? { confidential: { audienceMemberIds: [...confidentialAudience] } } : {}),
  })
}

/** Records a decision on the question directly through the one writer (as a body's vote would). */
export async function decideForTest(
  ctx: UseCaseContext,
  question: QuestionRow,
  outcome: 'adopted' | 'rejected' = 'adopted',
): Promise<DecisionRow> {
  const version = await charterInForce(ctx.db, toIsoDate(ctx.clock.now()))
  return writeDecision(ctx, {
    question,
    kind: 'vote',
    outcome,
    exception: null,
    discussionCompleted: true,
    charterVersionId: version.versionId,
    decidedAt: ctx.clock.now(),
    method: 'yes-no',
    counts: { yes: 3, no: outcome === 'adopted' ? 1 : 3, abstain: 0 },
  })
}
