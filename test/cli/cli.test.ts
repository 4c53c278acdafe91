import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/client.ts'
import {
  type CharterDatabase,
  type CharterRun,
  openTestDatabase,
  runCharter,
} from '../support/charter-cli.ts'

const work = mkdtempSync(join(tmpdir(), 'charter-cli-'))
const serverUrl = process.env.DATABASE_URL
let databaseUrl: string | null = null
let databaseName: string | null = null
const extraDatabases: string[] = []

/** This file's own database. */
const own = (): CharterDatabase => ({ databaseUrl, dataDir: join(work, 'data') })

/** Runs the real `charter` command in a child process against this file's own database. */
function charter(...args: string[]): Promise<CharterRun> {
  return runCharter(args, { ...own(), cwd: work })
}

/** Opens this file's own database in this process (the child has exited, so PGlite's folder is free). */
const openSame = (): Promise<Database> => openTestDatabase(own())

/** A second, empty database on the same backend, dropped in afterAll. */
async function emptyTarget(): Promise<CharterDatabase> {
  const dataDir = join(work, 'empty')
  if (!serverUrl) return { databaseUrl: null, dataDir }
  const name = `${databaseName}_empty`
  extraDatabases.push(name)
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { databaseUrl: url.toString(), dataDir }
}

async function memberCount(): Promise<number> {
  const database = await openSame()
  try {
    const row = await database.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  } finally {
    await database.close()
  }
}

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
  const generated = await charter('generate', '--members', '300', '--units', '12')
  expect(generated.stderr).toBe('')
  expect(generated.stdout).toMatch(/generated \d+ bodies \(12 units\) and 300 members/)
  expect(generated.stdout).toMatch(/administrator admin@synthetic\.invalid, password: \S{16}/)
})

afterAll(async () => {
  rmSync(work, { recursive: true, force: true })
  if (serverUrl && databaseName) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    for (const name of [databaseName, ...extraDatabases]) {
      await admin.query(`drop database if exists ${name} with (force)`)
    }
    await admin.end()
  }
})

describe('the charter command', () => {
  it('explains each command with --help and refuses bad options with a message', async () => {
    for (const command of ['start', 'demo', 'init', 'import', 'export', 'generate', 'verify-log']) {
      const help = await charter(command, '--help')
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`Usage: charter ${command}`)
    }
    const bad = await charter('generate', '--members', 'many', '--units', '2')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("option '--members <n>' argument 'many' is invalid")
  })

  it('exports a subtree, rejects a bad import naming file:line:column, then imports the fixed file', async () => {
    const exported = join(work, 'all.csv')
    const out = await charter('export', '--body', '1', '--out', exported)
    expect(out.code).toBe(0)
    const lines = readFileSync(exported, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(301)
    const header = lines[0]?.split(',') ?? []
    expect(header.slice(0, 3)).toEqual(['id', 'card', 'full_name'])
    const unitColumn = header.indexOf('unit_id')
    const unitId = lines[1]?.split(',')[unitColumn]

    const good = (card: string, name: string, joined: string, category: string) =>
      `${card},${name},,,${unitId},${joined},${category},full,,,party`
    const csvHeader =
      'card,full_name,email,phone,unit_id,joined_on,category,status,status_since,full_member_since,fields_of_work'
    const bad = join(work, 'bad.csv')
    writeFileSync(
      bad,
      [
        csvHeader,
        good('N1', 'Vera Orlova', '2001-04-01', 'worker'),
        good('N2', 'Ivan Belov', '2001-02-30', 'worker'),
        good('N3', 'Olga Popova', '1999-01-01', 'baker'),
      ].join('\n'),
    )
    const rejected = await charter('import', bad)
    expect(rejected.code).toBe(1)
    expect(rejected.stderr).toContain(`${bad}:3:6: joined_on:`)
    expect(rejected.stderr).toContain(`${bad}:4:7: category:`)
    expect(rejected.stderr).toContain('2 problem(s); nothing was imported')
    expect(await memberCount()).toBe(300)

    const fixed = join(work, 'fixed.csv')
    writeFileSync(
      fixed,
      [
        csvHeader,
        good('N1', 'Vera Orlova', '2001-04-01', 'worker'),
        good('N2', 'Ivan Belov', '2001-02-28', 'worker'),
      ].join('\n'),
    )
    const imported = await charter('import', fixed)
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toContain('imported 2 members')
    expect(await memberCount()).toBe(302)
  })

  it('seals the log, verifies it, and names the event an operator edited', async () => {
    expect((await charter('seal')).stdout).toMatch(/sealed \d+ events/)
    const intact = await charter('verify-log')
    expect(intact.code).toBe(0)
    expect(intact.stdout).toMatch(/log intact: \d+ events in \d+ seals verified/)

    const database = await openSame()
    const victim = await database.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'members.imported')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    // What an operator with owner rights can do: switch off the append-only trigger and edit.
    await database.db.transaction().execute(async (trx) => {
      await sql`alter table events disable trigger events_no_update`.execute(trx)
      await sql`update events set payload = jsonb_set(payload, '{count}', '1') where id = ${victim.id}`.execute(
        trx,
      )
      await sql`alter table events enable trigger events_no_update`.execute(trx)
    })
    await database.close()

    const tampered = await charter('verify-log')
    expect(tampered.code).toBe(1)
    expect(tampered.stderr).toContain(`LOG TAMPERED: edited event ${victim.id}`)
  })

  it('init sets up a real organisation and its administrator, and refuses a second one', async () => {
    const target = await emptyTarget()
    const init = [
      'init',
      '--name',
      'Dockers Union',
      '--levels',
      'national,branch',
      '--admin-email',
      'chair@union.example',
    ]
    const created = await runCharter(init, { ...target, cwd: work })
    expect(created.stderr).toBe('')
    expect(created.stdout).toContain('organisation "Dockers Union" created with root body')
    const password = /password: (\S+)/.exec(created.stdout)?.[1] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(16)

    const database = await openTestDatabase(target)
    try {
      const settings = await database.db.selectFrom('settings').select('value').executeTakeFirstOrThrow()
      // A real organisation lives on the real clock: no offset in its settings.
      expect(settings.value).toEqual({ name: 'Dockers Union', levels: ['national', 'branch'] })
      const grant = await database.db
        .selectFrom('role_grants')
        .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
        .innerJoin('bodies', 'bodies.id', 'role_grants.body_id')
        .select(['accounts.email', 'role_grants.role', 'bodies.parent_id', 'bodies.level'])
        .executeTakeFirstOrThrow()
      expect(grant).toEqual({
        email: 'chair@union.example',
        role: 'admin',
        parent_id: null,
        level: 'national',
      })
    } finally {
      await database.close()
    }

    const again = await runCharter(init, { ...target, cwd: work })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('error CONFLICT: This database already holds an organisation')
  })
})
