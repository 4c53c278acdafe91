import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ABSENT_CHECKS } from '../../src/core/audit/checks.ts'
import { appointToPost } from '../../src/core/mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../../src/core/mandates/record-elected-mandate.ts'
import { adoptTestCharter } from '../../src/core/mandates/test-charter.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { configureOrganisation } from '../../src/core/orgs/configure-organisation.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { ManualClock } from '../../src/core/shared/clock.ts'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { createTestTree, type TestTree } from '../support/tree.ts'

const CHARTER = fileURLToPath(new URL('../../bin/charter.js', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'charter-audit-'))
const dataDir = join(work, 'data')
const serverUrl = process.env.DATABASE_URL
let databaseUrl: string | null = null
let databaseName: string | null = null
let tree: TestTree

/** Runs the real `charter` command in a child process against this file's database. */
function charter(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' }
  if (databaseUrl) env.DATABASE_URL = databaseUrl
  else {
    delete env.DATABASE_URL
    env.CHARTER_DATA = dataDir
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [CHARTER, ...args], { env, cwd: work }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

function open(): Promise<Database> {
  return databaseUrl
    ? openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 })
    : openDatabase({ kind: 'pglite', dataDir })
}

beforeAll(async () => {
  if (serverUrl) {
    databaseName = `charter_audit_${randomBytes(6).toString('hex')}`
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
    const date = '1923-12-02T09:00:00.000Z'
    const ctx = { db: database.db, clock: new ManualClock(date), actor: cliActor }
    // The organisation lives on 2 December 1923 (the CLI runs on the organisation's clock).
    await configureOrganisation(ctx, {
      name: 'The Party',
      levels: ['central', 'region', 'district', 'unit'],
      clock: { organisationStart: date, realStart: new Date().toISOString() },
    })
    tree = await createTestTree(database.db)
    await adoptTestCharter(ctx)
    const member = (unitId: number, fullName: string) =>
      registerMember(ctx, { unitId, fullName, joinedOn: '1918-01-01', category: 'worker', status: 'full' })
    const vera = await member(tree.unitA1.id, 'Vera Veteran')
    const anton = await member(tree.unitA2.id, 'Anton Neighbour')
    await appointToPost(ctx, {
      memberId: vera.id,
      bodyId: tree.unitA1.id,
      post: 'unit-secretary',
      appointedByBodyId: tree.districtA.id,
      justification: 'no-literate-candidate',
      startsOn: '1923-10-01',
    })
    await recordElectedMandate(ctx, {
      memberId: anton.id,
      bodyId: tree.unitA2.id,
      post: 'unit-secretary',
      startsOn: '1923-06-01',
      electionId: null,
    })
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

interface Json {
  asOf: string
  summary: {
    body: { id: number }
    source: string
    ratios: { electedPosts: { elected: number; appointed: number; posts: { title: string }[] } }
  }
  findings: { message: string; rule: string; id: string }[]
}

describe('charter audit', () => {
  it('prints the root’s report: summary, ratios, children, findings and absent checks', async () => {
    const run = await charter('audit')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe(`Audit of Central Committee (body ${tree.central.id}) as of 1923-12-02`)
    expect(run.stdout).toContain('Charter: Test charter for mandates, in force from 1920-01-01.')
    expect(run.stdout).toMatch(/^Findings: \d+ violations?, \d+ warnings?, \d+ notices?$/m)
    expect(run.stdout).toContain('  Elective posts filled by election: 1 of 2 (50%); 1 appointed')
    expect(run.stdout).toContain('    Unit secretary: 1 of 2 appointed, 1 elected')
    expect(run.stdout).toContain('  Report punctuality: not measured (information capability not built yet)')
    expect(run.stdout).toMatch(/^ {2}Region A \(\d+\) +\d+ +\d+ +\d+ +1 of 2 /m)
    expect(run.stdout).toContain('Not audited yet')
    for (const entry of ABSENT_CHECKS)
      expect(run.stdout).toContain(`  ${entry.kind}: waits for ${entry.waitsFor}`)
    // Every finding of the JSON is in the text, with its rule.
    const json = JSON.parse((await charter('audit', '--json')).stdout) as Json
    for (const finding of json.findings) {
      expect(run.stdout).toContain(finding.message)
      expect(run.stdout).toContain(`rule ${finding.rule}`)
    }
  })

  it('prints JSON of exactly { asOf, summary, findings }, for a body and a past date', async () => {
    const run = await charter('audit', '--body', String(tree.districtA.id), '--as-of', '1923-09-01', '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as Json
    expect(Object.keys(json)).toEqual(['asOf', 'summary', 'findings'])
    expect(json.asOf).toBe('1923-09-01')
    expect(json.summary.body.id).toBe(tree.districtA.id)
    expect(json.summary.source).toBe('live')
    // Before the appointment of 1 October, only the elected secretary held an elective post.
    expect(json.summary.ratios.electedPosts).toMatchObject({ elected: 1, appointed: 0 })
    expect(Array.isArray(json.findings)).toBe(true)
  })

  it.each([
    ['1923-02-30', /^error: --as-of 1923-02-30 is not a calendar date \(YYYY-MM-DD\)\n$/],
    ['1923-12-03', /^error: --as-of 1923-12-03 is in the future: the organisation's today is 1923-12-02\n$/],
    ['soon', /^error: --as-of soon is not a calendar date/],
  ])('refuses --as-of %s in one line, with a failing exit code', async (date, message) => {
    const run = await charter('audit', '--as-of', date)
    expect(run.code).not.toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })

  it('refuses an unknown body', async () => {
    const run = await charter('audit', '--body', '987654')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('BODY_NOT_FOUND')
  })
})
