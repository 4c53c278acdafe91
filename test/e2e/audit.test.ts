import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { backfillAuditSnapshots } from '../../src/core/audit/take-audit-snapshots.ts'
import { updateFindings } from '../../src/core/audit/update-findings.ts'
import { appointToPost } from '../../src/core/mandates/appoint-to-post.ts'
import { registerMember } from '../../src/core/members/register-member.ts'
import { cliActor } from '../../src/core/shared/actor.ts'
import type { JourneyOrganisation } from './seed.ts'
import { SECRETARY_EMAIL, SECRETARY_PASSWORD } from './seed.ts'
import { type Journey, journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

const SECRETARY = 'Grigory District'
const DYNAMO_FINDING = 'Unit secretary of Dynamo Works appointed'
const VILLAGE_FINDING = 'Unit secretary of Kolomenskoye Village appointed'

/**
 * Beyond the seed's unit secretary of Dynamo Works (appointed by the region on 1 Sep 1923, within
 * its six months), the district appoints the village's secretary on 1 May 1923 for the same
 * reason: by December that appointment has expired with no election. Then the audit follower
 * makes its first run (the stored findings and today's snapshot), and the half year before is
 * backfilled monthly so the trend has points.
 */
async function seedAudit(journey: Journey): Promise<void> {
  const { database, clock, org } = journey
  await database.db.transaction().execute(async (trx) => {
    const ctx = { db: trx, clock, actor: cliActor }
    const elder = await registerMember(ctx, {
      unitId: org.villageId,
      fullName: 'Stepan Orlov',
      joinedOn: '1912-05-01',
      category: 'peasant',
      status: 'full',
    })
    await appointToPost(ctx, {
      memberId: elder.id,
      bodyId: org.villageId,
      post: 'unit-secretary',
      appointedByBodyId: org.districtId,
      justification: 'no-literate-candidate',
      startsOn: '1923-05-01',
    })
  })
  await updateFindings(database.db, clock)
  await backfillAuditSnapshots(database.db, { from: '1923-06-01', to: '1923-11-01', everyDays: 30, clock })
}

describe('browser journey: a district secretary reads the audit of the district', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  let journey: Journey
  journeyPerSuite((started) => {
    journey = started
    ;({ baseUrl, page, org } = started)
  })

  it('sees the appointed secretaries and the elected share, filters by kind, goes back to June, and opens the printable report', async () => {
    await seedAudit(journey)
    await signIn(page, baseUrl, SECRETARY_EMAIL, SECRETARY_PASSWORD, SECRETARY)
    await page.goto(`${baseUrl}/#/bodies/${org.districtId}`)
    await seesHeading(page, org.districtName)

    // The body page's audit card sums it up, and leads to the whole audit.
    const card = page.getByRole('region', { name: 'Audit', exact: true })
    await seesText(card, '1 violation')
    await seesText(card, '2 of 2 unit secretaries appointed')
    await card.getByRole('link', { name: 'Open the audit' }).click()
    await seesHeading(page, `Audit of ${org.districtName}`)
    const head = page.getByRole('region', { name: `Audit of ${org.districtName}` })
    await seesText(head, 'As of 2 December 1923, by the rules of Rules of the Party (Twelfth Congress)')

    // The elected share: one bureau member elected, both unit secretaries appointed.
    const ratios = page.getByRole('region', { name: 'Headline ratios' })
    await seesText(ratios, '1 of 3 elective posts filled by election (33%)')
    await seesText(ratios.getByRole('list', { name: 'By post' }), '2 of 2 appointed')
    await seesText(ratios, 'Not measured yet — information capability not built yet')
    const children = page.getByRole('table', { name: `The bodies directly below ${org.districtName}` })
    await seesText(children.getByRole('row').filter({ hasText: 'Kolomenskoye Village' }), '1 of 1')
    await expect
      .poll(() => page.getByRole('img', { name: /^Violations/ }).count(), { timeout: 10_000 })
      .toBe(1)

    // The findings, narrowed to appointments: the village's has expired, Dynamo's is a notice.
    const findings = page.getByRole('region', { name: 'Findings', exact: true })
    await findings.getByLabel('Kind').selectOption({ label: 'Appointed instead of elected (2)' })
    const list = findings.getByRole('list', { name: 'Findings, gravest first' })
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2)
    const dynamo = list.getByRole('listitem').filter({ hasText: DYNAMO_FINDING })
    await seesText(dynamo, 'Notice')
    await seesText(dynamo, 'elections.unit-posts')
    await seesText(dynamo, 'Posts of Dynamo Works')
    await seesText(list.getByRole('listitem').filter({ hasText: VILLAGE_FINDING }), 'Violation')
    await page.screenshot({ path: '/tmp/charter-audit.png', fullPage: true })

    // As of 1 June 1923 Dynamo's secretary was not yet appointed; the village's was, within its time.
    await head.getByLabel('Audit as of', { exact: true }).fill('1923-06-01')
    await head.getByRole('button', { name: 'Show' }).click()
    await seesText(head, 'As of 1 June 1923, by the rules of Rules of the Party (Twelfth Congress)')
    expect(page.url()).toContain(`#/bodies/${org.districtId}/audit/1923-06-01`)
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(1)
    await seesText(list, VILLAGE_FINDING)
    await seesText(list.getByRole('listitem'), 'Notice')
    expect(await list.getByText(DYNAMO_FINDING).count()).toBe(0)
    await seesText(ratios, '1 of 2 elective posts filled by election (50%)')

    // The printable report of the same date.
    await head.getByRole('link', { name: 'Printable report' }).click()
    await seesHeading(page, `Audit of ${org.districtName}`)
    expect(page.url()).toContain(`/api/bodies/${org.districtId}/audit/report?asOf=1923-06-01`)
    await seesText(page.locator('body'), 'As of 1923-06-01')
    await seesText(page.locator('body'), VILLAGE_FINDING)
  })
})
