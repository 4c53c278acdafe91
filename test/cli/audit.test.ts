import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatAuditReport } from '../../src/cli/commands/audit.ts'
import { ABSENT_CHECKS } from '../../src/core/audit/checks.ts'
import { appointToPost } from '../../src/core/mandates/appoint-to-post.ts'
import { recordElectedMandate } from '../../src/core/mandates/record-elected-mandate.ts'
import { adoptTestCharter } from '../../src/core/mandates/test-charter.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { configureOrganisation } from '../../src/core/orgs/configure-organisation.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { ManualClock } from '../../src/core/shared/clock.ts'
import { type CharterRun, openTestDatabase, runCharter } from '../support/charter-cli.ts'
import { createTestTree, type TestTree } from '../support/tree.ts'

const work = mkdtempSync(join(tmpdir(), 'charter-audit-'))
const dataDir = join(work, 'data')
const serverUrl = process.env.DATABASE_URL
let databaseUrl: string | null = null
let databaseName: string | null = null
let tree: TestTree

/** Runs the real `charter` command in a child process against this file's database (or an embedded one). */
function charter(...args: string[]): Promise<CharterRun> {
  return runCharter(args, { databaseUrl, dataDir, cwd: work })
}

/** Opens this file's database in this process. */
const open = () => openTestDatabase({ databaseUrl, dataDir })

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
    expect(run.stdout).toContain('  1 of 2 elective posts filled by election (50%)')
    expect(run.stdout).toContain('    Unit secretary: 1 of 2 appointed')
    expect(run.stdout).toContain('  Report punctuality: not measured (information capability not built yet)')
    // Each child with its most appointed post, in the printable report's words.
    expect(run.stdout).toMatch(
      /^ {2}Region A \(\d+\) +\d+ +\d+ +\d+ +1 of 2 .*Unit secretary: 1 of 2 appointed$/m,
    )
    expect(run.stdout).toContain('Not audited yet')
    for (const entry of ABSENT_CHECKS)
      expect(run.stdout).toContain(`  ${entry.kind}: waits for ${entry.waitsFor}`)
    // The rule, evidence and id only with --verbose; with --all --verbose, every finding of the JSON.
    expect(run.stdout).not.toMatch(/^ +rule /m)
    const json = JSON.parse((await charter('audit', '--json')).stdout) as Json
    expect(json.findings.length).toBeGreaterThan(0)
    const verbose = (await charter('audit', '--all', '--verbose')).stdout
    for (const finding of json.findings) {
      expect(verbose).toContain(finding.message)
      expect(verbose).toContain(`rule ${finding.rule}`)
      expect(verbose).toContain(finding.id)
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
    // Before the appointment of 1 October, only the elected secretary held an elective post, and
    // the finding that appointment makes today did not exist yet.
    expect(json.summary.ratios.electedPosts).toMatchObject({ elected: 1, appointed: 0 })
    const today = JSON.parse(
      (await charter('audit', '--body', String(tree.districtA.id), '--json')).stdout,
    ) as Json
    const appointed = today.findings.filter((finding) => finding.id.startsWith('post.appointed:mandate:'))
    expect(appointed).toHaveLength(1)
    expect(json.findings.map((finding) => finding.id)).not.toContain(appointed[0]?.id)
  })

  it('says in one sentence that a date before any charter had nothing to check', async () => {
    const run = await charter('audit', '--as-of', '1900-01-01')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      `Audit of Central Committee (body ${tree.central.id}) as of 1900-01-01: no charter was in force on ` +
        'this date, so there was no rule to check against.\n',
    )
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

  it('refuses an unknown body in one line', async () => {
    const run = await charter('audit', '--body', '987654')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('error: --body 987654: no body has this id\n')
  })

  it('refuses a data folder with no database, and creates none there', async () => {
    const typo = join(work, 'typo')
    const run = await runCharter(['audit', '--data', typo], { databaseUrl: null, dataDir, cwd: work })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`error NOT_FOUND: no Charter database in ${typo}\n`)
    expect(existsSync(typo)).toBe(false)
  })
})

describe('the audit as text', () => {
  const finding = (
    n: number,
    kind: 'post.appointed' | 'unit.inactive',
    severity: 'violation' | 'notice',
  ) => ({
    id: `${kind}:x:${n}`,
    kind,
    rule: `rule.${kind}`,
    bodyId: 1,
    bodyName: 'Mill',
    bodyPath: '/1/',
    regionId: 1,
    subject: { kind: 'x', id: n },
    severity,
    since: `1923-01-${String(n).padStart(2, '0')}`,
    evidence: [n],
    message: `Finding ${kind} number ${n}.`,
  })
  const kinds = (entries: [string, string, number, number][]) =>
    entries.map(([kind, title, violation, notice]) => ({
      kind,
      title,
      violation,
      warning: 0,
      notice,
      total: violation + notice,
    }))
  const findings = [
    ...Array.from({ length: 7 }, (_, i) => finding(i + 1, 'post.appointed', 'violation')),
    finding(20, 'unit.inactive', 'violation'),
    finding(21, 'post.appointed', 'notice'),
  ]
  const ratios = {
    electedPosts: { elected: 0, appointed: 0, total: 0, share: null, posts: [] },
    discussedDecisions: {
      from: '1922-12-03',
      to: '1923-12-02',
      total: 0,
      afterDiscussion: 0,
      byException: 0,
      urgent: 0,
      confidential: 0,
      withoutDiscussion: 0,
      share: null,
    },
    workerAdmission: { from: '1922-12-03', to: '1923-12-02', decided: 0, medianDays: null },
  }
  const report = {
    asOf: '1923-12-02',
    charter: { versionId: 1, name: 'Rules', effectiveFrom: '1920-01-01' },
    withheld: 0,
    findings,
    summary: {
      asOf: '1923-12-02',
      source: 'live',
      body: { id: 1, name: 'Mill', level: 'unit', kind: 'factory', path: '/1/' },
      charter: { versionId: 1, name: 'Rules', effectiveFrom: '1920-01-01' },
      totals: { violation: 8, warning: 0, notice: 1, total: 9 },
      byKind: kinds([
        ['post.appointed', 'Appointed instead of elected', 7, 1],
        ['post.standing', 'Holder lacks the standing', 0, 0],
        ['unit.inactive', 'Did not meet', 1, 0],
      ]),
      ratios: {
        ...ratios,
        reportPunctuality: { value: null, notMeasured: 'not built' },
        conferenceRegularity: { value: null, notMeasured: 'not built' },
      },
      children: [],
      absent: [],
    },
  } as unknown as Parameters<typeof formatAuditReport>[0]

  it('groups findings by kind within each severity, five of each unless --all, and skips kinds with none', () => {
    const text = formatAuditReport(report)
    expect(text).toContain(
      '  Appointed instead of elected (post.appointed): 7 violations, 0 warnings, 1 notice',
    )
    expect(text).not.toContain('post.standing')
    const violations = text.slice(text.indexOf('Violations (8)'), text.indexOf('Notices (1)'))
    expect(violations.split('\n')).toEqual([
      'Violations (8)',
      '  Appointed instead of elected (post.appointed): 7',
      ...[1, 2, 3, 4, 5].map((n) => `    1923-01-0${n}  Finding post.appointed number ${n}.`),
      '    … and 2 more (use --all, --json or the CSV)',
      '  Did not meet (unit.inactive): 1',
      '    1923-01-20  Finding unit.inactive number 20.',
      '',
      '',
    ])
    expect(text).not.toContain('rule.post.appointed')
    const all = formatAuditReport(report, { all: true, verbose: true })
    expect(all).not.toContain('… and')
    expect(all).toContain('    1923-01-07  Finding post.appointed number 7.')
    expect(all).toContain('        rule rule.post.appointed · evidence 7 · post.appointed:x:7')
  })
})
