import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import { personName } from '../../src/core/demo/names.ts'
import { SeededRandom } from '../../src/core/demo/random.ts'
import { importMembersCsv } from '../../src/core/members/import-members-csv.ts'
import { MEMBER_CSV_COLUMNS } from '../../src/core/members/member-csv.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import { systemClock } from '../../src/core/shared/clock.ts'
import type { Database } from '../../src/db/client.ts'

export interface CsvImportFigures {
  readonly rows: number
  readonly megabytes: number
  readonly seconds: number
  readonly membersPerSecond: number
}

const CATEGORIES = ['worker', 'peasant', 'employee', 'other'] as const
const FIELDS = ['', '', 'party', 'economic', 'trade-union', 'party;economic'] as const

/**
 * Writes a CSV of `rows` new members (fresh cards, spread over the existing units) to a temp
 * file, then times importMembersCsv reading it as a stream: parse, validate, COPY, checks.
 */
export async function measureCsvImport(
  database: Database,
  rows: number,
  seed: number,
  log: (line: string) => void,
): Promise<CsvImportFigures> {
  const units = await database.db.selectFrom('bodies').select('id').where('level', '=', 'unit').execute()
  const unitIds = units.map((unit) => unit.id)
  const folder = mkdtempSync(join(tmpdir(), 'charter-bench-csv-'))
  const file = join(folder, 'members.csv')
  try {
    await pipeline(
      Readable.from(csvRecords(new SeededRandom(seed), unitIds, rows)),
      stringify({ header: true, columns: [...MEMBER_CSV_COLUMNS] }),
      createWriteStream(file),
    )
    const megabytes = statSync(file).size / 1_000_000
    log(`importing ${rows} members from a ${megabytes.toFixed(1)} MB CSV…`)
    const start = performance.now()
    const result = await importMembersCsv(database, systemClock, cliActor, { input: createReadStream(file) })
    const seconds = (performance.now() - start) / 1000
    return { rows: result.count, megabytes, seconds, membersPerSecond: result.count / seconds }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function* csvRecords(random: SeededRandom, unitIds: readonly number[], rows: number): Generator<string[]> {
  for (let serial = 1; serial <= rows; serial++) {
    const joinedOn = random.dateBetween('1995-01-01', '2024-12-31')
    const record: Record<(typeof MEMBER_CSV_COLUMNS)[number], string> = {
      card: `IMP${String(serial).padStart(8, '0')}`,
      full_name: personName(random),
      email: random.next() < 0.3 ? `member${serial}@example.org` : '',
      phone: '',
      unit_id: String(random.pick(unitIds)),
      joined_on: joinedOn,
      category: random.pick(CATEGORIES),
      status: 'full',
      status_since: joinedOn,
      full_member_since: joinedOn,
      fields_of_work: random.pick(FIELDS),
    }
    yield MEMBER_CSV_COLUMNS.map((column) => record[column])
  }
}
