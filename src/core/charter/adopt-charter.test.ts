import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/support/database.ts'
import { configureOrganisation } from '../orgs/configure-organisation.ts'
import { createBody } from '../orgs/create-body.ts'
import { systemActor } from '../shared/actor.ts'
import { ManualClock } from '../shared/clock.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { adoptCharter } from './adopt-charter.ts'
import { findCharterInForce } from './charter-in-force.ts'
import { getCharterVersion } from './get-charter-version.ts'
import { listCharterVersions } from './list-charter-versions.ts'
import { countRules } from './rule-summary.ts'

const defaultSource = readFileSync(new URL('../../../charter/default.yaml', import.meta.url), 'utf8')
const unionSource = readFileSync(
  new URL('../../../charter/examples/trade-union.yaml', import.meta.url),
  'utf8',
)
/** The default charter as an earlier congress had it: same rules, another name. */
const eleventhSource = defaultSource.replace(
  'name: Rules of the Party (Twelfth Congress)',
  'name: Rules of the Party (Eleventh Congress)',
)

let database: Awaited<ReturnType<typeof createTestDatabase>>
const clock = new ManualClock('1923-12-02T09:00:00Z')
const run = <T>(work: (ctx: UseCaseContext) => Promise<T>): Promise<T> =>
  database.db.transaction().execute((trx) => work({ db: trx, clock, actor: systemActor }))
let rootId: number

beforeAll(async () => {
  database = await createTestDatabase()
  rootId = await run(async (ctx) => {
    await configureOrganisation(ctx, { name: 'The Party', levels: ['central', 'region', 'district', 'unit'] })
    return (await createBody(ctx, { parentId: null, name: 'Central Committee' })).id
  })
})
afterAll(async () => database.drop())

async function versionCount(): Promise<number> {
  const rows = await database.db.selectFrom('charter_versions').select('id').execute()
  return rows.length
}
const inForceOn = async (date: string) => (await findCharterInForce(database.db, date))?.name ?? null

describe('adopting charter versions', () => {
  it('records a version with its decision and a charter.adopted event, in one transaction', async () => {
    const version = await run((ctx) =>
      adoptCharter(ctx, {
        source: eleventhSource,
        decision: { kind: 'congress', title: 'Eleventh Congress', decidedOn: '1922-03-27' },
        effectiveFrom: '1922-04-02',
      }),
    )
    expect(version).toMatchObject({
      name: 'Rules of the Party (Eleventh Congress)',
      effectiveFrom: '1922-04-02',
      decision: { kind: 'congress', title: 'Eleventh Congress', decidedOn: '1922-03-27', bodyId: rootId },
    })
    const event = await database.db
      .selectFrom('events')
      .select(['id', 'type', 'payload', 'body_id', 'subject_kind', 'subject_id'])
      .where('type', '=', 'charter.adopted')
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({
      body_id: rootId,
      subject_kind: 'charter_version',
      subject_id: version.versionId,
      payload: {
        versionId: version.versionId,
        effectiveFrom: '1922-04-02',
        ruleCount: countRules(version.document).total,
      },
    })
    const detail = await getCharterVersion(database.db, version.versionId)
    // The file is kept as adopted, comments included, and the event pins its fingerprint.
    expect(detail.source).toBe(eleventhSource)
    expect((event.payload as { sourceSha256: string }).sourceSha256).toBe(detail.sourceSha256)
  })

  it('answers which version was in force the day before, the day of and after each effective date', async () => {
    await run((ctx) =>
      adoptCharter(ctx, {
        source: defaultSource,
        decision: { kind: 'congress', title: 'Twelfth Congress', decidedOn: '1923-04-25' },
        effectiveFrom: '1923-05-01',
      }),
    )
    expect(await inForceOn('1922-04-01')).toBeNull()
    expect(await inForceOn('1922-04-02')).toBe('Rules of the Party (Eleventh Congress)')
    expect(await inForceOn('1923-04-30')).toBe('Rules of the Party (Eleventh Congress)')
    expect(await inForceOn('1923-05-01')).toBe('Rules of the Party (Twelfth Congress)')
    expect(await inForceOn('1923-12-02')).toBe('Rules of the Party (Twelfth Congress)')
  })

  it('lists versions newest first, marking the one in force on the organisation’s date', async () => {
    const listing = await listCharterVersions({ db: database.db, clock })
    expect(listing.today).toBe('1923-12-02')
    expect(listing.items.map((v) => [v.effectiveFrom, v.status])).toEqual([
      ['1923-05-01', 'in-force'],
      ['1922-04-02', 'superseded'],
    ])
    clock.set('1923-04-30T12:00:00Z')
    const earlier = await listCharterVersions({ db: database.db, clock })
    expect(earlier.items.map((v) => v.status)).toEqual(['scheduled', 'in-force'])
    clock.set('1923-12-02T09:00:00Z')
  })

  it('writes nothing for an invalid charter, and the rules in force stay unchanged', async () => {
    const before = { count: await versionCount(), inForce: await inForceOn('1924-06-01') }
    const broken = defaultSource
      .replace('seats: 3', 'seats: three')
      .replace('joinedBefore: "1917-11-07"', 'joinedBefore: "1917-02-30"')
    const lines = broken.split('\n')
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1
    const attempt = run((ctx) =>
      adoptCharter(ctx, {
        source: broken,
        fileName: 'broken.yaml',
        decision: { kind: 'congress', title: 'Thirteenth Congress', decidedOn: '1924-05-23' },
        effectiveFrom: '1924-06-01',
      }),
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'CHARTER_INVALID',
      details: {
        issues: [
          expect.objectContaining({ path: 'rules.posts.0.seats', line: lineOf('seats: three') }),
          expect.objectContaining({
            path: 'rules.standing.0.minimum.joinedBefore',
            line: lineOf('1917-02-30'),
          }),
        ],
      },
    })
    expect({ count: await versionCount(), inForce: await inForceOn('1924-06-01') }).toEqual(before)
    expect(before.inForce).toBe('Rules of the Party (Twelfth Congress)')
  })

  it('refuses a charter whose levels are not the organisation’s (LEVEL_MISMATCH, listing both)', async () => {
    const attempt = run((ctx) =>
      adoptCharter(ctx, {
        source: unionSource,
        decision: { kind: 'conference', title: 'Union conference', decidedOn: '1924-01-10' },
        effectiveFrom: '1924-02-01',
      }),
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'LEVEL_MISMATCH',
      details: {
        charterLevels: ['national', 'region', 'branch'],
        organisationLevels: ['central', 'region', 'district', 'unit'],
      },
    })
    expect(await versionCount()).toBe(2)
  })

  it('refuses a second version taking effect the same day (DUPLICATE)', async () => {
    const attempt = run((ctx) =>
      adoptCharter(ctx, {
        source: defaultSource,
        decision: { kind: 'committee', title: 'Plenum of the Central Committee', decidedOn: '1923-04-26' },
        effectiveFrom: '1923-05-01',
      }),
    )
    await expect(attempt).rejects.toMatchObject({
      code: 'DUPLICATE',
      details: { effectiveFrom: '1923-05-01' },
    })
    expect(await versionCount()).toBe(2)
  })

  it('refuses a version in force before it was decided, and an unknown deciding body', async () => {
    const adopt = (effectiveFrom: string, bodyId?: number) =>
      run((ctx) =>
        adoptCharter(ctx, {
          source: defaultSource,
          decision: {
            kind: 'committee',
            title: 'Plenum',
            decidedOn: '1924-01-15',
            ...(bodyId ? { bodyId } : {}),
          },
          effectiveFrom,
        }),
      )
    await expect(adopt('1924-01-14')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'effectiveFrom' })] },
    })
    await expect(adopt('1924-02-30')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(adopt('1924-01-15', 999_999)).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' })
    expect(await versionCount()).toBe(2)
  })

  it('answers NOT_FOUND for a version id that does not exist', async () => {
    await expect(getCharterVersion(database.db, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
