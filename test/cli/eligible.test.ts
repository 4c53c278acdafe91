import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptCharter } from '../../src/core/charter/adopt-charter.ts'
import { PARTY_RULES, partyCharter } from '../../src/core/eligibility/test-charters.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { configureOrganisation } from '../../src/core/orgs/configure-organisation.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { ManualClock } from '../../src/core/shared/clock.ts'
import { type CharterRun, openTestDatabase, runCharter } from '../support/charter-cli.ts'
import { createTestTree, type TestTree } from '../support/tree.ts'

const work = mkdtempSync(join(tmpdir(), 'charter-eligible-'))
const dataDir = join(work, 'data')
const serverUrl = process.env.DATABASE_URL
let databaseUrl: string | null = null
let databaseName: string | null = null
let tree: TestTree
const ids: Record<string, number> = {}

/** Runs the real `charter` command in a child process against this file's database. */
function charter(...args: string[]): Promise<CharterRun> {
  return runCharter(args, { databaseUrl, dataDir, cwd: work })
}

beforeAll(async () => {
  if (serverUrl) {
    databaseName = `charter_eligible_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${databaseName}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${databaseName}`
    databaseUrl = url.toString()
  }
  const database = await openTestDatabase({ databaseUrl, dataDir })
  try {
    // A real clock: the command's default date is the organisation's today, so joins stay in the past.
    const ctx = { db: database.db, clock: new ManualClock('2024-01-01T00:00:00Z'), actor: cliActor }
    await configureOrganisation(ctx, { name: 'The Party', levels: ['central', 'region', 'district', 'unit'] })
    tree = await createTestTree(database.db)
    await adoptCharter(ctx, {
      source: partyCharter({ name: 'Rules', unitSecretaryYears: 1 }),
      decision: { kind: 'congress', title: 'Tenth Congress', decidedOn: '1919-12-20' },
      effectiveFrom: '1920-01-01',
    })
    const people = [
      ['Veteran', '1912-04-01', tree.unitA1.id],
      ['Old hand', '1905-02-01', tree.unitA2.id],
      ['Newcomer', '1922-06-01', tree.unitA1.id],
      ['Elsewhere', '1900-01-01', tree.unitB1.id],
    ] as const
    for (const [fullName, joinedOn, unitId] of people) {
      const member = await registerMember(ctx, {
        unitId,
        fullName,
        joinedOn,
        category: 'worker',
        status: 'full',
      })
      ids[fullName] = member.id
    }
  } finally {
    await database.close()
  }
})

afterAll(async () => {
  rmSync(work, { recursive: true, force: true })
  if (serverUrl && databaseName) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${databaseName} with (force)`)
    await admin.end()
  }
})

describe('charter eligible', () => {
  it('prints one member’s verdict with every reason and its rule id', async () => {
    const run = await charter(
      'eligible',
      '--post',
      'region-secretary',
      '--body',
      String(tree.regionA.id),
      '--member',
      String(ids.Newcomer),
      '--date',
      '1923-12-02',
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /^NOT ELIGIBLE: member \d+ for region-secretary of Region A \(body \d+\) on 1923-12-02/,
    )
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['ok', PARTY_RULES.regionSecretaryPost],
      ['ok', PARTY_RULES.votingRights],
      ['FAIL', PARTY_RULES.regionSecretary],
    ])
    expect(lines[3]).toContain('Joined on 1922-06-01, not before 1917-11-07')
  })

  it('lists the eligible members of the body’s scope, longest standing first, and pages with --cursor', async () => {
    const first = await charter(
      'eligible',
      '--post',
      'region-secretary',
      '--body',
      String(tree.regionA.id),
      '--limit',
      '1',
    )
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`rule ${PARTY_RULES.regionSecretary}:`)
    expect(first.stdout).toMatch(
      new RegExp(`\\n${ids['Old hand']}\\s+1905-02-01\\s+1905-02-01\\s+full\\s+Unit A2`),
    )
    expect(first.stdout).not.toContain('Veteran')
    const cursor = /--cursor (\S+)/.exec(first.stdout)?.[1]
    expect(cursor).toBeDefined()
    const second = await charter(
      'eligible',
      '--post',
      'region-secretary',
      '--body',
      String(tree.regionA.id),
      '--limit',
      '1',
      '--cursor',
      cursor ?? '',
      '--json',
    )
    const page = JSON.parse(second.stdout) as { items: { fullName: string }[]; nextCursor: string | null }
    expect(page.items.map((item) => item.fullName)).toEqual(['Veteran'])
    expect(page.nextCursor).toBeNull()
  })

  it('explains a bad post or date and exits 1', async () => {
    const wrong = await charter('eligible', '--post', 'unit-secretary', '--body', String(tree.regionA.id))
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('error UNKNOWN_POST')
    const badDate = await charter(
      'eligible',
      '--post',
      'region-secretary',
      '--body',
      String(tree.regionA.id),
      '--date',
      '1923-02-30',
    )
    expect(badDate.code).toBe(1)
    expect(badDate.stderr).toContain('error VALIDATION_FAILED')
  })
})
