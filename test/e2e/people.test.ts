import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD, type JourneyOrganisation, SECRETARY_EMAIL } from './seed.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

const NEW_EMAIL = 'kalinin@example.org'
const FIRST_PASSWORD = 'given-at-the-bureau'
const NEW_PASSWORD = 'chosen-by-myself-1923'

describe('browser journey: an admin gives a district its secretary, who takes it from there', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  journeyPerSuite((journey) => {
    ;({ baseUrl, page, org } = journey)
  })

  it('an admin adds a person as secretary of the district and a contact', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    await page.goto(`${baseUrl}/#/bodies/${org.districtId}`)
    await seesHeading(page, org.districtName)
    const people = page.getByRole('region', { name: 'People with access' })
    await seesText(people, 'Grigory District')

    await people.getByRole('button', { name: 'Add person' }).click()
    const add = people.getByRole('form', { name: 'Add a person' })
    await add.getByLabel('E-mail').fill(NEW_EMAIL)
    await add.getByLabel('Name').fill('Mikhail Kalinin')
    await add.getByLabel('Initial password').fill(FIRST_PASSWORD)
    await add.getByLabel('Role').selectOption('secretary')
    await add.getByLabel(`${org.districtName} (and everything below it)`).check()
    await page.screenshot({ path: '/tmp/charter-add-person.png', fullPage: true })
    await add.getByRole('button', { name: 'Add person' }).click()
    await seesText(add.getByRole('status'), `Added Mikhail Kalinin as secretary of ${org.districtName}`)
    const rows = people.locator('table tbody tr')
    await expect.poll(() => rows.allInnerTexts()).toContainEqual(expect.stringContaining('Mikhail Kalinin'))
    await add.getByRole('button', { name: 'Cancel' }).click()

    // An existing account gets a role on a unit below, found by search, and loses it again.
    await people.getByRole('button', { name: 'Grant role' }).click()
    const grant = people.getByRole('form', { name: 'Grant a role to an existing account' })
    await grant.getByLabel('Their e-mail').fill(SECRETARY_EMAIL)
    await grant.getByLabel('Role').selectOption('admin')
    await grant.getByLabel(`A body below ${org.districtName}`).check()
    await grant.getByLabel('Search by name').fill('dynamo')
    await grant
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: 'Choose Dynamo Works' })
      .click()
    await seesText(grant, 'Chosen: Dynamo Works')
    await page.screenshot({ path: '/tmp/charter-grant-role.png', fullPage: true })
    await grant.getByRole('button', { name: 'Grant role' }).click()
    await seesText(grant.getByRole('status'), `${SECRETARY_EMAIL} is now admin of ${org.unitName}`)
    await people.getByRole('button', { name: `Revoke Grigory District as admin of ${org.unitName}` }).click()
    await page.screenshot({ path: '/tmp/charter-revoke.png', fullPage: true })
    await people.getByRole('button', { name: 'Yes, revoke' }).click()
    await expect.poll(() => rows.allInnerTexts()).not.toContainEqual(expect.stringContaining('Admin'))
    await grant.getByRole('button', { name: 'Cancel' }).click()

    const contacts = page.getByRole('region', { name: 'Contacts' })
    await contacts.getByRole('button', { name: 'Add contact' }).click()
    const contact = contacts.getByRole('form', { name: 'Add a contact' })
    await contact.getByLabel('Full name').fill('Praskovya Ivanova')
    await contact.getByLabel('Category').fill('women delegate')
    await contact.getByLabel('Notes').fill('Textile mill; chairs the women’s section.')
    await contact.getByRole('button', { name: 'Add contact' }).click()
    await seesText(contact.getByRole('status'), 'Added Praskovya Ivanova')
    await seesText(contacts.locator('table'), 'women delegate')
    await page.screenshot({ path: '/tmp/charter-people.png', fullPage: true })
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  })

  it('the new secretary sees only the district, and changes their password', async () => {
    await signIn(page, baseUrl, NEW_EMAIL, FIRST_PASSWORD, 'Mikhail Kalinin')
    await seesHeading(page, org.districtName)
    await seesText(page.getByRole('list', { name: 'Bodies below' }), org.unitName)
    await seesText(page.getByRole('region', { name: 'Contacts' }), 'Praskovya Ivanova')
    expect(await page.getByRole('region', { name: 'People with access' }).count()).toBe(0)
    await page.goto(`${baseUrl}/#/bodies/${org.centralId}`)
    await seesText(page.getByRole('alert'), 'You may not do this here')

    await page.getByRole('banner').getByRole('link', { name: 'Change password' }).click()
    await seesHeading(page, 'Change password')
    const form = page.getByRole('form', { name: 'Change password' })
    await form.getByLabel('Current password').fill('not my password')
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await form.getByLabel('New password again').fill(NEW_PASSWORD)
    await form.getByRole('button', { name: 'Change password' }).click()
    // A wrong current password is a field error: the user stays signed in.
    await seesText(form.getByRole('alert'), 'Current password')
    await form.getByLabel('Current password').fill(FIRST_PASSWORD)
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await form.getByLabel('New password again').fill(NEW_PASSWORD)
    await form.getByRole('button', { name: 'Change password' }).click()
    await seesText(form.getByRole('status'), 'Your password is changed')
    await page.screenshot({ path: '/tmp/charter-password.png', fullPage: true })
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    await page.getByLabel('E-mail').fill(NEW_EMAIL)
    await page.getByLabel('Password').fill(FIRST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await seesText(page.getByRole('alert'), 'E-mail or password is wrong')
    await signIn(page, baseUrl, NEW_EMAIL, NEW_PASSWORD, 'Mikhail Kalinin')
    await seesHeading(page, org.districtName)
  })

  it('transfers a member to a unit found with the picker’s search', async () => {
    await page.goto(`${baseUrl}/#/bodies/${org.unitId}`)
    await seesHeading(page, org.unitName)
    await page.getByRole('link', { name: 'Ivan Sidorov' }).click()
    const detail = page.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Ivan Sidorov' }).waitFor()
    await detail.getByRole('button', { name: 'Transfer' }).click()
    await detail.getByLabel('Search by name').fill('kolomen')
    const results = detail.getByRole('list', { name: 'Search results' })
    await seesText(results, `Kolomenskoye Village`)
    await seesText(results, `in ${org.districtName}`)
    await page.screenshot({ path: '/tmp/charter-picker-search.png', fullPage: true })
    await results.getByRole('button', { name: 'Choose Kolomenskoye Village' }).click()
    await detail.getByRole('button', { name: 'Transfer to Kolomenskoye Village' }).click()
    await seesText(detail, `Transferred from ${org.unitName} to Kolomenskoye Village`)
    // The search stays within the secretary's district: the Ural region is not found.
    await detail.getByRole('button', { name: 'Transfer' }).click()
    await detail.getByLabel('Search by name').fill('ural')
    await seesText(detail, 'No body matches.')
  })
})
