import { checkEligibility, type EligibilityAnswer } from '../../core/eligibility/check-eligibility.ts'
import {
  type EligibleMembersPage,
  listEligibleMembers,
} from '../../core/eligibility/list-eligible-members.ts'
import { bodyNames } from '../../core/orgs/body-names.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

export interface EligibleOptions extends DataOptions {
  readonly post: string
  readonly body: number
  readonly member?: number
  readonly date?: string
  readonly limit: number
  readonly cursor?: string
  readonly json?: boolean
}

/** The verdict for one member, then every rule consulted with its id and what decided it. */
export function formatVerdict(answer: EligibilityAnswer, bodyName: string): string {
  const width = Math.max(...answer.reasons.map((reason) => reason.ruleId.length))
  return [
    `${answer.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}: member ${answer.memberId} for ${answer.post} of ${bodyName} ` +
      `(body ${answer.bodyId}) on ${answer.date}, by charter version ${answer.charterVersionId}`,
    ...answer.reasons.map(
      (reason) => `  ${reason.satisfied ? 'ok  ' : 'FAIL'}  ${reason.ruleId.padEnd(width)}  ${reason.detail}`,
    ),
  ].join('\n')
}

/** A page of eligible members as a table, longest standing first, with the rules applied. */
export function formatPage(page: EligibleMembersPage, bodyName: string): string {
  const lines = [
    `Eligible for ${page.post} of ${bodyName} (body ${page.bodyId}) on ${page.date}, by charter version ` +
      `${page.charterVersionId}; longest standing first (by ${page.sortedBy === 'joinedOn' ? 'join date' : 'full membership'}).`,
    ...page.rules.map((rule) => `  rule ${rule.ruleId}: ${rule.text}`),
  ]
  if (page.items.length === 0) return [...lines, '', 'Nobody is eligible.'].join('\n')
  const header = ['member', 'joined', 'full since', 'status', 'unit', 'name']
  const rows = page.items.map((item) => [
    String(item.memberId),
    item.joinedOn,
    item.fullMemberSince ?? '-',
    item.status,
    `${item.unitName} (${item.unitId})`,
    item.fullName,
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)))
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  lines.push('', render(header), ...rows.map(render))
  if (page.nextCursor) lines.push('', `More: add --cursor ${page.nextCursor}`)
  return lines.join('\n')
}

/**
 * `charter eligible --post P --body ID [--member ID]`: with a member, their verdict and every
 * reason with its rule id; without, a page of the eligible members of the body's scope.
 */
export async function eligibleCommand(options: EligibleOptions): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const db = database.db
    const date = options.date ?? toIsoDate(clock.now())
    const bodyName = async () =>
      (await bodyNames(db, [options.body])).get(options.body) ?? `body ${options.body}`
    if (options.member !== undefined) {
      const answer = await checkEligibility(db, {
        memberId: options.member,
        post: options.post,
        bodyId: options.body,
        date,
      })
      console.log(options.json ? JSON.stringify(answer, null, 2) : formatVerdict(answer, await bodyName()))
      return
    }
    const page = await listEligibleMembers(db, {
      post: options.post,
      bodyId: options.body,
      date,
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
    })
    console.log(options.json ? JSON.stringify(page, null, 2) : formatPage(page, await bodyName()))
  } finally {
    await database.close()
  }
}
