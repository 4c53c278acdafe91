import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CharterRun, openTestDatabase, runCharter } from '../support/charter-cli.ts'

const DEFAULT = fileURLToPath(new URL('../../charter/default.yaml', import.meta.url))
const UNION = fileURLToPath(new URL('../../charter/examples/trade-union.yaml', import.meta.url))
const SCHEMA = fileURLToPath(new URL('../../charter/charter.schema.json', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'charter-charter-cli-'))
const dataDir = join(work, 'data')
const serverUrl = process.env.DATABASE_URL
let databaseUrl: string | null = null
let databaseName: string | null = null

/** Runs the real `charter` command against this file's own database (PGlite folder or server). */
function charter(...args: string[]): Promise<CharterRun> {
  return runCharter(args, { databaseUrl, dataDir, cwd: work })
}

async function versionCount(): Promise<number> {
  const database = await openTestDatabase({ databaseUrl, dataDir }, 1)
  try {
    return (await database.db.selectFrom('charter_versions').select('id').execute()).length
  } finally {
    await database.close()
  }
}

const adopt = (file: string, ...extra: string[]) =>
  charter('charter', 'adopt', file, '--decision', 'Twelfth Congress', '--kind', 'congress', ...extra)

beforeAll(async () => {
  if (serverUrl) {
    databaseName = `charter_cli_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${databaseName}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${databaseName}`
    databaseUrl = url.toString()
  }
  const init = await charter('init', '--name', 'The Party', '--admin-email', 'admin@party.example')
  expect(init.code).toBe(0)
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

describe('charter charter', () => {
  it('validates the default and the trade-union charters with a one-line summary', async () => {
    const party = await charter('charter', 'validate', DEFAULT)
    expect(party.code).toBe(0)
    expect(party.stdout).toMatch(
      /valid charter "Rules of the Party \(Twelfth Congress\)".*\d+ rules: posts 11, standing 4/,
    )
    const union = await charter('charter', 'validate', UNION)
    expect(union.code).toBe(0)
    expect(union.stdout).toContain('(national → region → branch)')
  })

  it('lists every problem of a broken file as FILE:LINE:COLUMN, and adopting it writes nothing', async () => {
    const broken = join(work, 'broken.yaml')
    writeFileSync(
      broken,
      readFileSync(DEFAULT, 'utf8')
        .replace('seats: 3', 'seats: three')
        .replace('level: district\n', 'level: ward\n')
        .replace('  publicElections:', '  ceremonies: []\n  publicElections:'),
    )
    const lines = readFileSync(broken, 'utf8').split('\n')
    const lineOf = (text: string) => lines.indexOf(text) + 1
    const checked = await charter('charter', 'validate', broken)
    expect(checked.code).toBe(1)
    expect(checked.stderr).toContain(
      `${broken}:${lineOf('      seats: three')}:14: rules.posts.0.seats: expected a number`,
    )
    expect(checked.stderr).toContain(
      `${broken}:${lineOf('      level: ward')}:14: rules.posts.5.level: level "ward"`,
    )
    expect(checked.stderr).toContain(
      `${broken}:${lineOf('  ceremonies: []')}:3: rules.ceremonies: unknown rule family`,
    )
    expect(checked.stderr).toContain('3 problem(s); the charter is not valid')

    const refused = await adopt(broken, '--decided-on', '1923-04-25')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('3 problem(s); nothing was adopted')
    expect(await versionCount()).toBe(0)
    const show = await charter('charter', 'show')
    expect(show.code).toBe(1)
    expect(show.stderr).toContain('error CHARTER_NOT_ADOPTED')
  })

  it('adopts versions, and refuses a duplicate effective date and foreign levels', async () => {
    const eleventh = join(work, 'eleventh.yaml')
    writeFileSync(
      eleventh,
      readFileSync(DEFAULT, 'utf8').replace('(Twelfth Congress)', '(Eleventh Congress)'),
    )
    const first = await charter(
      'charter',
      'adopt',
      eleventh,
      '--decision',
      'Eleventh Congress',
      '--kind',
      'congress',
      '--decided-on',
      '1922-03-27',
      '--effective-from',
      '1922-04-02',
    )
    expect(first.stderr).toBe('')
    expect(first.stdout).toMatch(/^adopted version \d+ "Rules of the Party \(Eleventh Congress\)"/)
    const second = await adopt(DEFAULT, '--decided-on', '1923-04-25')
    expect(second.stdout).toContain('in force from 1923-04-25')

    const duplicate = await adopt(DEFAULT, '--decided-on', '1923-04-25')
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toContain('error DUPLICATE')
    const union = await adopt(UNION, '--decided-on', '1924-01-10')
    expect(union.code).toBe(1)
    expect(union.stderr).toContain('error LEVEL_MISMATCH')
    expect(await versionCount()).toBe(2)
  })

  it('lists the versions and shows the rules in force around an effective date', async () => {
    const versions = await charter('charter', 'versions')
    expect(versions.stdout).toMatch(
      /1923-04-25 {2}in-force .*Twelfth Congress[\s\S]*1922-04-02 {2}superseded/,
    )
    const nameOn = async (date: string) =>
      (JSON.parse((await charter('charter', 'show', '--date', date, '--json')).stdout) as { name: string })
        .name
    expect(await nameOn('1923-04-24')).toBe('Rules of the Party (Eleventh Congress)')
    expect(await nameOn('1923-04-25')).toBe('Rules of the Party (Twelfth Congress)')
    const readable = await charter('charter', 'show', '--date', '1923-12-02')
    expect(readable.stdout).toContain('Standing (4)')
    expect(readable.stdout).toContain(
      'standing.region-secretary\n    A region committee secretary must have joined',
    )
  })

  it('prints the JSON Schema exactly as committed', async () => {
    const schema = await charter('charter', 'schema')
    expect(schema.code).toBe(0)
    expect(schema.stdout).toBe(readFileSync(SCHEMA, 'utf8'))
  })
})
