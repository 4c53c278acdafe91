import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD, type JourneyOrganisation } from './seed.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

describe('browser journey: an admin reads the activity feed and verifies the log', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  journeyPerSuite((journey) => {
    ;({ baseUrl, page, org } = journey)
  })

  it('renames a unit and finds the rename, in words, in the activity feed', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    await page.goto(`${baseUrl}/#/bodies/${org.unitId}`)
    await seesHeading(page, org.unitName)
    await page.getByRole('button', { name: 'Rename' }).click()
    const rename = page.getByRole('form', { name: `Rename ${org.unitName}` })
    await rename.getByLabel('New name').fill('Dynamo Machine Works')
    await rename.getByRole('button', { name: 'Rename' }).click()
    await seesHeading(page, 'Dynamo Machine Works')

    const events = page.getByRole('list', { name: 'Events, newest first' })
    const renamed = events.getByRole('listitem').filter({ hasText: 'renamed' })
    await seesText(renamed, 'Nadezhda Secretary renamed Dynamo Works to Dynamo Machine Works')
    // The organisation's date, not the machine's: the demo lives in 1923.
    await seesText(renamed, '2 December 1923')
    // Reading the member list right after is on the log too.
    await seesText(events, 'Nadezhda Secretary read 4 member records of Dynamo Machine Works')
    await seesText(events, 'The command line registered member')
    await page.getByRole('region', { name: /Activity/ }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/charter-activity.png', fullPage: true })

    // The type filter keeps only the chosen kind of event.
    await page.getByLabel('Show').selectOption('member.status_changed')
    await expect.poll(() => events.getByRole('listitem').count(), { timeout: 10_000 }).toBe(1)
    await seesText(events, 'from candidate to full member on 15 Jan 1920, with a recorded reason')
  })

  it('opens Log integrity from the central committee and verifies the chain', async () => {
    await page.goto(`${baseUrl}/#/bodies/${org.centralId}`)
    await seesHeading(page, 'Central Committee')
    await page.getByRole('link', { name: 'Log integrity' }).click()
    await seesHeading(page, 'Log integrity')
    expect(page.url()).toContain('#/log')
    await page.getByRole('button', { name: 'Verify now' }).click()
    await seesText(page.locator('.verify-result'), 'Intact')
    await page.screenshot({ path: '/tmp/charter-log-integrity.png', fullPage: true })
  })
})
