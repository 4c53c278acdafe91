import { readFile } from 'node:fs/promises'
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

const MEMBER_EMAIL = 'anna@example.org'
const MEMBER_PASSWORD = 'bread-peace-land'

describe('browser journey: a member sees what is held about them, an admin erases a member', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  const names = () => page.locator('table.members tbody tr td:first-child').allInnerTexts()
  journeyPerSuite((journey) => {
    ;({ baseUrl, page, org } = journey)
  })

  it('gives Anna an account, and the district secretary reads her record', async () => {
    // The seed has no member accounts: the admin makes one through the API, with this session.
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    const api = (path: string) => new URL(`/api${path}`, baseUrl).toString()
    const list = await page.request.get(api(`/bodies/${org.unitId}/members`))
    const { items } = (await list.json()) as { items: { id: number; fullName: string }[] }
    const anna = items.find((item) => item.fullName === 'Anna Kuznetsova')
    expect(anna).toBeDefined()
    const created = await page.request.post(api('/accounts'), {
      data: {
        email: MEMBER_EMAIL,
        displayName: 'Anna Kuznetsova',
        password: MEMBER_PASSWORD,
        memberId: anna?.id,
      },
    })
    expect(created.status()).toBe(201)
    const { id } = (await created.json()) as { id: number }
    const granted = await page.request.post(api(`/accounts/${id}/roles`), {
      data: { role: 'member', bodyId: org.unitId },
    })
    expect(granted.status()).toBe(201)

    await signIn(page, baseUrl, SECRETARY_EMAIL, SECRETARY_PASSWORD, 'Grigory District')
    await page.goto(`${baseUrl}/#/bodies/${org.unitId}/members/${anna?.id}`)
    await page.getByRole('complementary').getByRole('heading', { name: 'Anna Kuznetsova' }).waitFor()
    // Secretaries may not erase: the panel offers no such action.
    expect(await page.getByRole('button', { name: 'Erase personal data' }).count()).toBe(0)
  })

  it('shows Anna her record, who read it, and downloads it all as JSON', async () => {
    await signIn(page, baseUrl, MEMBER_EMAIL, MEMBER_PASSWORD, 'Anna Kuznetsova')
    await page.getByRole('banner').getByRole('link', { name: 'My data' }).click()
    await seesHeading(page, 'My data')
    const main = page.getByRole('main')
    await seesText(main, 'Your record')
    await seesText(main.locator('.facts-list'), org.unitName)
    const reads = page.getByRole('table', { name: 'Who read your record' })
    await seesText(reads, 'Grigory District')
    await seesText(reads, 'Opened your record')
    await page.screenshot({ path: '/tmp/charter-my-data.png', fullPage: true })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^my-data-\d+\.json$/)
    const document = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      format: string
      member: { fullName: string }
      recordReads: { reader: { displayName: string } }[]
    }
    expect(document.format).toBe('charter.personal-data')
    expect(document.member.fullName).toBe('Anna Kuznetsova')
    expect(document.recordReads.map((read) => read.reader.displayName)).toContain('Grigory District')
  })

  it('lets the admin erase another member; the list then shows the placeholder', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    await page.goto(`${baseUrl}/#/bodies/${org.unitId}`)
    await seesHeading(page, org.unitName)
    await page.getByRole('link', { name: 'Ivan Sidorov' }).click()
    const detail = page.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Ivan Sidorov' }).waitFor()
    await detail.getByRole('button', { name: 'Erase personal data' }).click()
    const form = detail.getByRole('form', { name: 'Erase personal data' })
    await seesText(form, 'Kept: the member’s id, dates')
    await form.getByLabel('Reason').selectOption('member_request')
    await form.getByLabel(/Yes, erase Ivan Sidorov/).check()
    await page.screenshot({ path: '/tmp/charter-erase.png', fullPage: true })
    await form.getByRole('button', { name: 'Erase personal data' }).click()

    await detail.getByRole('heading', { name: 'Erased member' }).waitFor()
    await seesText(detail, 'Personal data erased on 2 December 1923')
    await expect.poll(names).toContain('Erased member')
    expect(await names()).not.toContain('Ivan Sidorov')
    expect(await names()).toContain('Anna Kuznetsova')
  })
})
