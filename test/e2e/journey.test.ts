import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD, type JourneyOrganisation } from './seed.ts'
import { journeyPerSuite, seesText } from './support/harness.ts'

describe('browser journey: a secretary finds a veteran member', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  journeyPerSuite((journey) => {
    ;({ baseUrl, page, org } = journey)
  })

  it('signs in, walks down to a unit, filters by standing and opens a member', async () => {
    await page.goto(baseUrl)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    // A wrong password is refused in words, not with a blank screen.
    await page.getByLabel('E-mail').fill(ADMIN_EMAIL)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await seesText(page.getByRole('alert'), /e-mail or password/i)
    await page.screenshot({ path: '/tmp/charter-sign-in.png' })

    await page.getByLabel('Password').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()

    // The header shows the organisation, its date (1923, not today's) and who is signed in.
    const header = page.getByRole('banner')
    await seesText(header, 'Russian Communist Party')
    await seesText(header, '2 December 1923')
    await seesText(header, 'Nadezhda Secretary')

    // The start page is the central committee, with its regions below.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Central Committee')
    expect(page.url()).toContain(`#/bodies/${org.centralId}`)
    await page.getByRole('link', { name: org.regionName }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(org.regionName)
    await seesText(page.getByRole('navigation', { name: 'Breadcrumb' }), 'Central Committee')

    await page.getByRole('link', { name: 'Zamoskvorechye District' }).click()
    const works = page
      .getByRole('list', { name: 'Bodies below' })
      .getByRole('listitem')
      .filter({ hasText: org.unitName })
    await seesText(works, 'Factory')
    await seesText(works, '4 members')
    // The district-wide list mixes units, so each row names its unit, linking to the unit's page.
    const table = page.locator('table.members')
    await table.locator('thead th', { hasText: /^unit$/i }).waitFor()
    const maria = table.locator('tbody tr', { hasText: 'Maria Volkova' })
    await maria.getByRole('link', { name: org.unitName }).waitFor()
    expect(await maria.getByRole('link', { name: org.unitName }).getAttribute('href')).toBe(
      `#/bodies/${org.unitId}`,
    )
    await page.screenshot({ path: '/tmp/charter-district.png', fullPage: true })
    await works.getByRole('link', { name: org.unitName }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(org.unitName)

    // All four members, in join-date order; a unit's own list needs no unit column.
    await seesText(table.locator('tbody'), 'Ivan Sidorov')
    expect(await table.locator('thead th', { hasText: /^unit$/i }).count()).toBe(0)
    const names = page.locator('table.members tbody tr td:first-child')
    await expect
      .poll(() => names.allInnerTexts())
      .toEqual(['Pyotr Alekseev', 'Anna Kuznetsova', 'Maria Volkova', 'Ivan Sidorov'])
    // The export link downloads the unit's members as CSV, with this session.
    const exportHref = await page.getByRole('link', { name: 'Export all as CSV' }).getAttribute('href')
    const csv = await page.request.get(new URL(exportHref ?? '', baseUrl).toString())
    expect(csv.headers()['content-type']).toContain('text/csv')
    expect(await csv.text()).toContain('Maria Volkova')

    // Standing of at least 3 years on 2 December 1923 leaves out the man who joined in 1922.
    await page.getByLabel('Standing at least (years)').fill('3')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect
      .poll(() => names.allInnerTexts())
      .toEqual(['Pyotr Alekseev', 'Anna Kuznetsova', 'Maria Volkova'])
    await page.getByText('Standing counted at 2 December 1923').waitFor()
    await page.screenshot({ path: '/tmp/charter-unit.png', fullPage: true })

    await page.getByRole('link', { name: 'Maria Volkova' }).click()
    const detail = page.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Maria Volkova' }).waitFor()
    await seesText(detail, 'Full member')
    await seesText(detail, '1 June 1919')
    await seesText(detail, '4 years of standing')
    await seesText(detail, 'Candidate → Full member')
    await seesText(detail, 'Probation served')
    await detail.getByRole('link', { name: org.unitName }).waitFor()
    await page.screenshot({ path: '/tmp/charter-member.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: '/tmp/charter-member-narrow.png', fullPage: true })

    // Signing out returns to the sign-in form.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  })
})
