import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type JourneyOrganisation,
  SECRETARY_EMAIL,
  SECRETARY_PASSWORD,
} from './seed.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

const HEADER =
  'card,full_name,email,phone,unit_id,joined_on,category,status,status_since,full_member_since,fields_of_work'

function csvFile(text: string) {
  return { name: 'new-members.csv', mimeType: 'text/csv', buffer: Buffer.from(text) }
}

describe('browser journey: a secretary keeps the records, an admin shapes the tree', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  journeyPerSuite((journey) => {
    ;({ baseUrl, page, org } = journey)
  })

  it('registers a member, admits a candidate, and imports a CSV after fixing it', async () => {
    await signIn(page, baseUrl, SECRETARY_EMAIL, SECRETARY_PASSWORD, 'Grigory District')
    // A secretary starts at their district and may not reshape the tree.
    await seesHeading(page, org.districtName)
    expect(await page.getByRole('button', { name: 'Add body' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Dissolve' }).count()).toBe(0)

    await page.getByRole('list', { name: 'Bodies below' }).getByRole('link', { name: org.unitName }).click()
    await seesHeading(page, org.unitName)
    await page.getByRole('button', { name: 'Register member' }).click()
    const register = page.getByRole('form', { name: 'Register a member' })
    await register.getByLabel('Full name').fill('Elena Morozova')
    await register.getByLabel('Card number').fill('RKP-1923-0042')
    await register.getByLabel('E-mail').fill('elena@example.org')
    await register.getByLabel('Joined on').fill('1923-06-10')
    await register.getByLabel('Status').selectOption('candidate')
    await register.getByLabel('Trade-union').check()
    await page.screenshot({ path: '/tmp/charter-register.png', fullPage: true })
    await register.getByRole('button', { name: 'Register member' }).click()
    await seesText(register.getByRole('status'), 'Registered Elena Morozova as candidate')
    const names = page.locator('table.members tbody tr td:first-child')
    await expect.poll(() => names.allInnerTexts()).toContain('Elena Morozova')
    await seesText(page.locator('.body-summary'), '5 members')

    // A bad e-mail is refused beside the form, by field.
    await register.getByLabel('Full name').fill('Nobody')
    await register.getByLabel('Joined on').fill('1923-06-10')
    await register.getByLabel('E-mail').fill('not-an-address')
    // The browser's own check would stop the form first; a user could still send it by script.
    await register.evaluate((form) => form.setAttribute('novalidate', ''))
    await register.getByRole('button', { name: 'Register member' }).click()
    await seesText(register.getByRole('alert'), 'E-mail:')
    await page.screenshot({ path: '/tmp/charter-register-error.png', fullPage: true })
    await register.getByRole('button', { name: 'Cancel' }).click()

    // The candidate becomes a full member.
    await page.getByRole('link', { name: 'Elena Morozova' }).click()
    const detail = page.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Elena Morozova' }).waitFor()
    await detail.getByRole('button', { name: 'Change status' }).click()
    const change = detail.getByRole('form', { name: 'Change status' })
    expect(await change.getByLabel('New status').locator('option').allInnerTexts()).toEqual([
      'Full member',
      'Left',
    ])
    await change.getByLabel('New status').selectOption('full')
    await change.getByLabel('On date').fill('1923-12-01')
    await change.getByLabel('Reason').fill('Probation served at the bench')
    await page.screenshot({ path: '/tmp/charter-change-status.png', fullPage: true })
    await change.getByRole('button', { name: 'Change status' }).click()
    await seesText(detail, 'Candidate → Full member')
    await seesText(detail, 'Probation served at the bench')
    await seesText(detail, 'Full member since')
    const row = page.locator('table.members tbody tr', { hasText: 'Elena Morozova' })
    await seesText(row, 'Full member')

    // An import with one bad row is refused whole, row by row.
    await page.getByRole('link', { name: org.districtName }).click()
    await seesHeading(page, org.districtName)
    await page.getByRole('button', { name: 'Import members (CSV)' }).click()
    const importForm = page.getByRole('form', { name: 'Import members (CSV)' })
    const template = importForm.getByRole('link', { name: 'Download the CSV template' })
    const [download] = await Promise.all([page.waitForEvent('download'), template.click()])
    const templatePath = await download.path()
    const { readFile } = await import('node:fs/promises')
    expect((await readFile(templatePath, 'utf8')).trim()).toBe(HEADER)

    const good = `,Stepan Orlov,,,${org.unitId},1921-03-01,worker,full,,,party`
    const bad = `,Vera Lebedeva,,,${org.villageId},1922-05-20,soldier,candidate,,,`
    await importForm.getByLabel('CSV file').setInputFiles(csvFile(`${HEADER}\n${good}\n${bad}\n`))
    await importForm.getByRole('button', { name: 'Import' }).click()
    const problems = importForm.locator('.import-problems')
    await seesText(problems, 'Nothing was imported')
    const cells = problems.locator('tbody tr').first().locator('td')
    await expect.poll(() => cells.allInnerTexts()).toHaveLength(3)
    const [line, column, reason] = await cells.allInnerTexts()
    expect([line, column]).toEqual(['3', 'category'])
    expect(reason).not.toBe('')
    expect(await problems.locator('tbody tr').count()).toBe(1)
    await page.screenshot({ path: '/tmp/charter-import-rejected.png', fullPage: true })
    await expect.poll(() => names.allInnerTexts()).not.toContain('Stepan Orlov')

    const fixed = bad.replace('soldier', 'peasant')
    await importForm.getByLabel('CSV file').setInputFiles(csvFile(`${HEADER}\n${good}\n${fixed}\n`))
    await importForm.getByRole('button', { name: 'Import' }).click()
    await seesText(importForm.getByRole('status'), 'Imported 2 members')
    await expect
      .poll(() => names.allInnerTexts())
      .toEqual(expect.arrayContaining(['Stepan Orlov', 'Vera Lebedeva']))
    await page.screenshot({ path: '/tmp/charter-import-done.png', fullPage: true })

    // A member moves to the village, chosen by browsing the district.
    await page.getByRole('link', { name: 'Stepan Orlov' }).click()
    const detail2 = page.getByRole('complementary')
    await detail2.getByRole('heading', { name: 'Stepan Orlov' }).waitFor()
    await detail2.getByRole('button', { name: 'Transfer' }).click()
    await detail2.getByRole('button', { name: 'Choose Kolomenskoye Village' }).click()
    await page.screenshot({ path: '/tmp/charter-transfer.png', fullPage: true })
    await detail2.getByRole('button', { name: 'Transfer to Kolomenskoye Village' }).click()
    await seesText(detail2, `Transferred from ${org.unitName} to Kolomenskoye Village`)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  })

  it('lets an admin add a unit under the district and rename it', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    await page.goto(`${baseUrl}/#/bodies/${org.districtId}`)
    await seesHeading(page, org.districtName)
    await page.getByRole('button', { name: 'Add body' }).click()
    const add = page.getByRole('form', { name: `Add a body under ${org.districtName}` })
    await add.getByLabel('Name').fill('Krasny Proletary Works')
    // The district's next level is the unit, so a kind is asked for.
    expect(await add.getByLabel('Level').inputValue()).toBe('unit')
    await add.getByLabel('Kind').selectOption('factory')
    await page.screenshot({ path: '/tmp/charter-add-body.png', fullPage: true })
    await add.getByRole('button', { name: 'Add body' }).click()
    await seesText(add.getByRole('status'), 'Added Krasny Proletary Works')
    const below = page.getByRole('list', { name: 'Bodies below' })
    await seesText(below, 'Krasny Proletary Works')

    await below.getByRole('link', { name: 'Krasny Proletary Works' }).click()
    await seesHeading(page, 'Krasny Proletary Works')
    await page.getByRole('button', { name: 'Rename' }).click()
    const rename = page.getByRole('form', { name: 'Rename Krasny Proletary Works' })
    await rename.getByLabel('New name').fill('Krasny Proletary Machine Works')
    await page.screenshot({ path: '/tmp/charter-rename.png', fullPage: true })
    await rename.getByRole('button', { name: 'Rename' }).click()
    await seesHeading(page, 'Krasny Proletary Machine Works')
    await seesText(page.getByRole('navigation', { name: 'Breadcrumb' }), 'Krasny Proletary Machine Works')

    // Dissolving asks for a confirmation; the empty unit then goes, and we land on the district.
    await page.getByRole('button', { name: 'Dissolve' }).click()
    await page.screenshot({ path: '/tmp/charter-dissolve.png', fullPage: true })
    const dissolve = page.getByRole('button', { name: 'Dissolve Krasny Proletary Machine Works' })
    expect(await dissolve.isDisabled()).toBe(true)
    await page.getByLabel('Yes, dissolve Krasny Proletary Machine Works').check()
    await dissolve.click()
    await seesHeading(page, org.districtName)
    await expect.poll(() => below.textContent()).not.toContain('Krasny Proletary')

    // A unit with members is not dissolved blindly: the refusal names who is there, and the
    // members go to a unit chosen in the picker.
    await below.getByRole('link', { name: 'Kolomenskoye Village' }).click()
    await seesHeading(page, 'Kolomenskoye Village')
    await page.getByRole('button', { name: 'Dissolve' }).click()
    await page.getByLabel('Yes, dissolve Kolomenskoye Village').check()
    await page.getByRole('button', { name: 'Dissolve Kolomenskoye Village' }).click()
    await seesText(page.getByRole('alert'), 'Kolomenskoye Village was not dissolved: 2 members still belong')
    await page.getByRole('button', { name: `Choose ${org.unitName}` }).click()
    await seesText(page.locator('.picker-chosen'), `Chosen: ${org.unitName}`)
    await page.screenshot({ path: '/tmp/charter-dissolve-not-empty.png', fullPage: true })
    await page.getByRole('button', { name: 'Dissolve Kolomenskoye Village' }).click()
    await seesHeading(page, org.districtName)
    await expect.poll(() => below.textContent()).not.toContain('Kolomenskoye')
    await seesText(below, '7 members')
  })
})
