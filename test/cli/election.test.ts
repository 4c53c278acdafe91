import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptTestCharter } from '../../src/core/mandates/test-charter.ts'
import { configureOrganisation } from '../../src/core/orgs/configure-organisation.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { ManualClock } from '../../src/core/shared/clock.ts'
import { type CharterRun, openTestDatabase, runCharter } from '../support/charter-cli.ts'
import { createTestTree, type TestTree } from '../support/tree.ts'

const work = mkdtempSync(join(tmpdir(), 'charter-election-'))
const dataDir = join(work, 'data')
const serverUrl = process.env.DATABASE_URL
let databaseUrl: string | null = null
let databaseName: string | null = null
let tree: TestTree

/** Runs the real `charter` command in a child process against this file's database. */
function charter(...args: string[]): Promise<CharterRun> {
  return runCharter(args, { databaseUrl, dataDir, cwd: work })
}

/** Opens this file's database in this process. */
const open = () => openTestDatabase({ databaseUrl, dataDir })

/** Sets the organisation's clock to read `date` now (the CLI runs on the organisation's clock). */
async function setOrganisationDate(date: string): Promise<void> {
  const database = await open()
  try {
    const ctx = { db: database.db, clock: new ManualClock(date), actor: cliActor }
    await configureOrganisation(ctx, {
      name: 'The Party',
      levels: ['central', 'region', 'district', 'unit'],
      clock: { organisationStart: date, realStart: new Date().toISOString() },
    })
  } finally {
    await database.close()
  }
}

beforeAll(async () => {
  if (serverUrl) {
    databaseName = `charter_election_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${databaseName}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${databaseName}`
    databaseUrl = url.toString()
  }
  const database = await open()
  try {
    tree = await createTestTree(database.db)
    await adoptTestCharter({
      db: database.db,
      clock: new ManualClock('1923-01-01T00:00:00Z'),
      actor: cliActor,
    })
  } finally {
    await database.close()
  }
  await setOrganisationDate('1923-12-02T09:00:00.000Z')
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

describe('charter election and charter scheduler', () => {
  it('calls an election, runs its transitions when due, lists, shows and cancels it', async () => {
    const called = await charter(
      'election',
      'call',
      '--body',
      String(tree.unitA1.id),
      '--post',
      'unit-secretary',
      '--post',
      'unit-bureau-member:2',
      '--method',
      'scottish-stv',
      '--nominations-open',
      '1923-12-03T09:00',
      '--nominations-close',
      '1923-12-06T18:00',
      '--voting-open',
      '1923-12-08',
      '--voting-close',
      '1923-12-10T18:00:00+00:00',
    )
    expect(called.stderr).toBe('')
    expect(called.code).toBe(0)
    const id = /^election (\d+): Elections in Unit A1 — CALLED$/m.exec(called.stdout)?.[1]
    expect(id).toBeDefined()
    expect(called.stdout).toContain('unit-bureau-member (Member of the unit bureau), 2 seat(s)')

    expect((await charter('scheduler', 'run')).stdout.trim()).toBe('0 job(s) done')
    await setOrganisationDate('1923-12-04T12:00:00.000Z')
    expect((await charter('scheduler', 'run')).stdout.trim()).toBe('1 job(s) done')
    expect((await charter('election', 'show', String(id))).stdout).toMatch(/NOMINATING\n[\s\S]*\(open now\)/)

    const list = await charter('election', 'list', '--body', String(tree.districtA.id), '--subtree')
    expect(list.stdout.trim().split('\n')).toHaveLength(1)
    expect(list.stdout).toContain(`${id}\tnominating\tElections in Unit A1`)

    const cancelled = await charter('election', 'cancel', String(id), '--reason', 'The unit merged')
    expect(cancelled.stdout.trim()).toBe(`election ${id} cancelled (it was nominating)`)
    const shown = JSON.parse((await charter('election', 'show', String(id), '--json')).stdout)
    expect(shown).toMatchObject({ state: 'cancelled', cancelReason: 'The unit merged' })
  })

  it('refuses a bad call with the field named, and exits 1', async () => {
    const run = await charter(
      'election',
      'call',
      '--body',
      String(tree.unitA1.id),
      '--post',
      'unit-secretary',
      '--method',
      'plurality',
      '--nominations-open',
      '1923-01-01',
      '--nominations-close',
      '1923-12-06',
      '--voting-open',
      '1923-12-08',
      '--voting-close',
      '1923-12-10',
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('error VALIDATION_FAILED')
    expect(run.stderr).toContain('"path": "nominationsOpenAt"')
  })
})
