import { createTestDatabase } from '../../../test/support/database.ts'
import { createTestTree } from '../../../test/support/tree.ts'
import type { EventRow } from '../../db/schema.ts'
import { adoptCharter } from '../charter/adopt-charter.ts'
import { TEST_CHARTER_YAML } from '../mandates/test-charter.ts'
import { registerMember } from '../members/register-member.ts'
import { runDueJobs } from '../scheduler/run-due-jobs.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock, toIsoDate } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import { deliberationJobHandlers } from './deliberation-jobs.ts'

/**
 * The deliberation rules of the tests: discussions last 7 to 30 days; party and economic policy
 * are major, and questions of organisation are major and decided at a meeting; urgent decisions
 * are ratified within 14 days; military and diplomatic questions may be kept confidential for up
 * to a year; half the deciding members make a quorum; a quarter of the members in scope put a
 * question by initiative; criticism may be hidden only for abuse, threats, private data or
 * spam; decisions are carried out by their owners by the deadline set.
 */
export const DELIBERATION_RULES_YAML = `
  deliberation:
    - { id: deliberation.limits, text: Discussions last 7 to 30 days., kind: limits, minimumDays: 7, maximumDays: 30 }
    - { id: deliberation.major, text: Party and economic policy are major questions., kind: major, topics: [party-policy, economic-policy] }
    - { id: deliberation.major-organisation, text: Questions of organisation are major and decided at a meeting., kind: major, topics: [organisation], meetingRequired: true }
    - { id: deliberation.urgent, text: Urgent decisions are ratified within 14 days., kind: urgent, ratifyWithinDays: 14 }
    - { id: deliberation.confidential, text: Military and diplomatic secrets stay with those named for up to a year., kind: confidential, topics: [military, diplomatic], declassifyWithinDays: 365 }
    - { id: deliberation.quorum, text: Half of the deciding members make a quorum., kind: quorum, share: 0.5 }
    - { id: deliberation.initiative, text: A quarter of the members in scope may put a question., kind: initiative, signatureShare: 0.25 }
    - { id: deliberation.criticism, text: Criticism is free; it is hidden only for conduct., kind: criticism, hideReasons: [abuse, threat, personal-data, spam] }
    - { id: deliberation.unit-meetings, text: Units meet every two weeks., kind: meetings, levels: [unit], everyDays: 14 }
    - { id: deliberation.implementation, text: Decisions are carried out by their owners by the deadline set., kind: implementation }
`

/** The organisation's clock when each deliberation test starts. */
export const NOW = '1923-12-02T09:00:00Z'

/**
 * A database with the test tree and a charter with the mandates' posts plus the deliberation
 * rules above, and members: in unit A1 four full members (vera, semyon, nina, lidia) and a
 * candidate (kolya); anton in unit A2 (district A's scope, not A1's); boris in unit B1 (outside
 * both); and an applicant, olga, in unit A1 (not yet a member: takes no part).
 */
export async function openDeliberationTest() {
  const database = await createTestDatabase()
  const clock = new ManualClock(NOW)
  const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
    database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
  const tree = await createTestTree(database.db)
  const people = await run(async (ctx) => {
    await adoptCharter(ctx, {
      source: TEST_CHARTER_YAML + DELIBERATION_RULES_YAML,
      fileName: 'deliberation-test-charter.yaml',
      decision: { kind: 'congress', title: 'Test congress', decidedOn: '1920-01-01' },
      effectiveFrom: '1920-01-01',
    })
    const member = (unitId: number, fullName: string, status: 'full' | 'candidate' | 'applicant' = 'full') =>
      registerMember(ctx, { unitId, fullName, joinedOn: '1918-01-01', category: 'worker', status })
    return {
      vera: await member(tree.unitA1.id, 'Vera Veteran'),
      semyon: await member(tree.unitA1.id, 'Semyon Second'),
      nina: await member(tree.unitA1.id, 'Nina Third'),
      lidia: await member(tree.unitA1.id, 'Lidia Fourth'),
      kolya: await member(tree.unitA1.id, 'Kolya Candidate', 'candidate'),
      olga: await member(tree.unitA1.id, 'Olga Applicant', 'applicant'),
      anton: await member(tree.unitA2.id, 'Anton Neighbour'),
      boris: await member(tree.unitB1.id, 'Boris Outsider'),
    }
  })

  /** Today on the organisation's clock. */
  const today = () => toIsoDate(clock.now())

  /** Moves the clock and runs what fell due, as the server's scheduler would. */
  async function tick(to: string) {
    clock.set(to)
    return runDueJobs({ db: database.db, clock }, deliberationJobHandlers)
  }

  /** The error a piece of work throws, as an AppError (fails the test if it succeeds). */
  async function refusal(work: (ctx: UseCaseContext) => Promise<unknown>): Promise<AppError> {
    try {
      await run(work)
    } catch (error) {
      if (error instanceof AppError) return error
      throw error
    }
    throw new Error('expected a refusal, but the work succeeded')
  }

  /** The events about one subject, oldest first. */
  async function eventsOf(kind: string, id: number): Promise<EventRow[]> {
    return database.db
      .selectFrom('events')
      .selectAll()
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute()
  }

  return { database, db: database.db, clock, run, tree, ...people, today, tick, refusal, eventsOf }
}

export type DeliberationTest = Awaited<ReturnType<typeof openDeliberationTest>>
