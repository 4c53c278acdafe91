import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointToPost } from './appoint-to-post.ts'
import { endMandate } from './end-mandate.ts'
import { listBodyPosts } from './list-body-posts.ts'
import { listBodyMandates } from './list-mandates.ts'
import { recordElectedMandate } from './record-elected-mandate.ts'
import { openMandatesTest, TODAY } from './test-fixtures.ts'

let t: Awaited<ReturnType<typeof openMandatesTest>>
let appointedId: number
let electedId: number

beforeAll(async () => {
  t = await openMandatesTest()
  const appointed = await t.run((ctx) =>
    appointToPost(ctx, {
      memberId: t.veteran.id,
      bodyId: t.tree.unitA1.id,
      post: 'unit-secretary',
      appointedByBodyId: t.tree.districtA.id,
      justification: 'no-literate-candidate',
      startsOn: TODAY,
    }),
  )
  appointedId = appointed.id
  const elected = await t.run((ctx) =>
    recordElectedMandate(ctx, {
      memberId: t.second.id,
      bodyId: t.tree.unitA1.id,
      post: 'unit-bureau-member',
      startsOn: TODAY,
      electionId: null,
    }),
  )
  electedId = elected.mandate.id
})
afterAll(async () => {
  await t.database.drop()
})

describe('listBodyPosts', () => {
  it('lists every post of the level with its rules, holders, how they hold it, and vacancies', async () => {
    const listing = await listBodyPosts(t.db, { bodyId: t.tree.unitA1.id, date: TODAY })
    expect(listing.charterVersionId).toBe(t.charter.versionId)
    expect(listing.posts.map((p) => [p.post, p.seats, p.vacant, p.holders.length])).toEqual([
      ['unit-secretary', 1, 0, 1],
      ['unit-bureau-member', 2, 1, 1],
      ['unit-organiser', 1, 1, 0],
    ])
    const [secretary, bureau, organiser] = listing.posts
    expect(secretary).toMatchObject({
      title: 'Unit secretary',
      elective: true,
      ruleIds: {
        post: 'posts.unit-secretary',
        standing: ['standing.unit-secretary'],
        election: 'elections.unit-secretary',
      },
      appointingBodies: [{ id: t.tree.districtA.id, name: 'District A', level: 'district' }],
    })
    expect(secretary?.holders).toEqual([
      {
        mandateId: appointedId,
        memberId: t.veteran.id,
        memberName: 'Vera Veteran',
        how: 'appointed',
        startsOn: TODAY,
        endsOn: '1924-06-02',
        electionId: null,
        appointedBy: { id: t.tree.districtA.id, name: 'District A' },
        justification: { id: 'no-literate-candidate', text: 'No literate candidate in the unit' },
        expired: false,
        firstMandate: true,
        ruleId: 'elections.unit-secretary',
      },
    ])
    expect(bureau?.holders).toMatchObject([
      {
        mandateId: electedId,
        memberName: 'Semyon Second',
        how: 'elected',
        appointedBy: null,
        justification: null,
      },
    ])
    expect(bureau?.appointingBodies.map((b) => b.id)).toEqual([t.tree.regionA.id])
    expect(organiser).toMatchObject({ elective: false, ruleIds: { election: null, standing: [] } })
    expect(organiser?.appointingBodies.map((b) => b.id)).toEqual([
      t.tree.central.id,
      t.tree.regionA.id,
      t.tree.districtA.id,
      t.tree.unitA1.id,
    ])
  })

  it('keeps an appointment past its expiry among the holders, flagged, and counts its seat vacant', async () => {
    const listing = await listBodyPosts(t.db, { bodyId: t.tree.unitA1.id, date: '1924-07-01' })
    const secretary = listing.posts.find((p) => p.post === 'unit-secretary')
    expect(secretary?.vacant).toBe(1)
    expect(secretary?.holders).toMatchObject([{ mandateId: appointedId, expired: true }])
  })

  it('shows no holders before the mandates start, and nothing of the charter before it was adopted', async () => {
    const before = await listBodyPosts(t.db, { bodyId: t.tree.unitA1.id, date: '1923-01-01' })
    expect(before.posts.every((p) => p.holders.length === 0 && p.vacant === p.seats)).toBe(true)
    const prehistory = await listBodyPosts(t.db, { bodyId: t.tree.unitA1.id, date: '1919-01-01' })
    expect(prehistory).toMatchObject({ charterVersionId: null, posts: [] })
  })
})

describe('listBodyMandates', () => {
  it('pages newest first, and leaves ended mandates out unless asked', async () => {
    const later = await t.run((ctx) =>
      recordElectedMandate(ctx, {
        memberId: t.veteran.id,
        bodyId: t.tree.unitA1.id,
        post: 'unit-bureau-member',
        startsOn: '1924-01-10',
        electionId: null,
      }),
    )
    await t.run((ctx) =>
      endMandate(ctx, { mandateId: later.mandate.id, reason: 'resigned', onDate: '1924-02-01' }),
    )
    const query = { bodyId: t.tree.unitA1.id, asOf: '1924-03-01', limit: 2 }
    const current = await listBodyMandates(t.db, query)
    expect(current.items.map((m) => m.id)).toEqual([electedId, appointedId].sort((a, b) => b - a))
    expect(current.nextCursor).toBeNull()

    const first = await listBodyMandates(t.db, { ...query, includeEnded: true })
    expect(first.items.map((m) => [m.id, m.state])).toEqual([
      [later.mandate.id, 'ended'],
      [electedId, 'active'],
    ])
    expect(first.nextCursor).not.toBeNull()
    const second = await listBodyMandates(t.db, {
      ...query,
      includeEnded: true,
      after: first.nextCursor ?? '',
    })
    expect(second.items.map((m) => [m.id, m.state, m.appointedBy?.name])).toEqual([
      [appointedId, 'active', 'District A'],
    ])
    expect(second.nextCursor).toBeNull()
  })
})
