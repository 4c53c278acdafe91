import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD, type JourneyOrganisation } from './seed.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

/** The value beside a label in the member panel's facts. */
function fact(panel: Locator, label: string): Locator {
  return panel.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`)
}

/** One post's card on a body page, by its title. */
function postCard(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title, exact: true })
}

describe('browser journey: the charter, who holds the posts, and who may stand', () => {
  let baseUrl: string
  let page: Page
  let org: JourneyOrganisation
  journeyPerSuite((journey) => {
    ;({ baseUrl, page, org } = journey)
  })

  it('reads the rules in force, cites one by its id, and finds a broken draft refused by line', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charter' }).click()
    await seesHeading(page, 'Rules of the Party (Twelfth Congress)')
    expect(page.url()).toContain('#/charter')
    await seesText(page.locator('.charter-facts'), 'Twelfth Congress (Congress), on 25 April 1923')

    // Each rule shows its text, the id members cite, and its parameters in words.
    const standing = page.getByRole('region', { name: 'Standing for posts' })
    const rule = standing.getByRole('listitem').filter({ hasText: 'standing.region-secretary' })
    await seesText(
      rule,
      'A region committee secretary must have joined the party before the October Revolution',
    )
    await seesText(rule.locator('.rule-params'), 'joined before 7 Nov 1917')

    const versions = page.getByRole('region', { name: 'Versions' })
    const twelfth = versions.locator('tbody tr', { hasText: 'Twelfth Congress' })
    await seesText(twelfth, 'In force')
    await twelfth.getByRole('link', { name: 'View source' }).click()
    await seesText(page.locator('.charter-source'), 'name: Rules of the Party (Twelfth Congress)')
    await page.screenshot({ path: '/tmp/charter-charter.png', fullPage: true })

    // An admin on the root may adopt a version; a broken draft is refused problem by problem.
    await page.getByRole('button', { name: 'Adopt a new version' }).click()
    const adopt = page.getByRole('form', { name: 'Adopt a new charter version' })
    await adopt
      .getByLabel('Charter (YAML)')
      .fill('charter: 1\nname: Draft\nlevels: [central, region, district, unit]\nrules:\n  posts: nope\n')
    await adopt.getByRole('button', { name: 'Validate' }).click()
    const problems = adopt.getByRole('list', { name: 'Problems in the charter' })
    await seesText(problems, 'rules.posts')
    expect(await problems.locator('.where').first().textContent()).toMatch(/^5:\d+$/)
    await page.screenshot({ path: '/tmp/charter-adopt-invalid.png', fullPage: true })
  })

  it('shows a unit secretary appointed from above, with the justification, and the unit electing one', async () => {
    await page.goto(`${baseUrl}/#/bodies/${org.unitId}`)
    await seesHeading(page, org.unitName)
    const secretary = postCard(page, 'Unit secretary')
    const pyotr = secretary.getByRole('listitem').filter({ hasText: 'Pyotr Alekseev' })
    await seesText(pyotr, 'Appointed')
    await seesText(pyotr, 'Appointed by Moscow Region')
    await seesText(pyotr, 'No literate candidate in the unit.')
    await seesText(pyotr, 'Expires on 1 March 1924')
    await seesText(pyotr, 'Promoted from the ranks')
    await seesText(postCard(page, 'Member of the unit bureau').getByRole('listitem').first(), 'Elected')
    await page.screenshot({ path: '/tmp/charter-posts.png', fullPage: true })

    // The seat is taken: a second appointment is refused with the rule that counts the seats.
    const members = page.getByRole('region', { name: 'Members', exact: true })
    await members.getByRole('link', { name: 'Maria Volkova' }).click()
    const detail = page.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Maria Volkova' }).waitFor()
    const mariaId = (await fact(detail, 'Member id').textContent()) ?? ''
    await secretary.getByRole('button', { name: 'Appoint' }).click()
    const appoint = secretary.getByRole('form', { name: 'Appoint a Unit secretary' })
    await appoint.getByLabel('Member id').fill(mariaId)
    await appoint.getByLabel('Appointed by').selectOption({ label: 'Moscow Region (Region)' })
    await appoint.getByRole('button', { name: 'Appoint' }).click()
    await seesText(appoint.getByRole('alert'), 'held')
    await seesText(appoint.locator('.refusal-rule'), 'posts.unit-secretary')
    await appoint.getByRole('button', { name: 'Cancel' }).click()

    // The unit elects Maria: her election replaces the appointment.
    await secretary.getByRole('button', { name: 'Record an election result' }).click()
    const elected = secretary.getByRole('form', { name: 'Record the election of a Unit secretary' })
    await elected.getByLabel('Member elected (id)').fill(mariaId)
    await elected.getByRole('button', { name: 'Record the result' }).click()
    const maria = secretary.getByRole('listitem').filter({ hasText: 'Maria Volkova' })
    await seesText(maria, 'Elected')
    await expect.poll(() => secretary.textContent()).not.toContain('Pyotr Alekseev')
    await seesText(detail.getByRole('list', { name: 'Mandates' }), 'Unit secretary of Dynamo Works')
  })

  it('checks a member for the district secretary and lists who may stand', async () => {
    await page.goto(`${baseUrl}/#/bodies/${org.districtId}`)
    await seesHeading(page, org.districtName)
    const members = page.getByRole('region', { name: /^Members of/ })
    await members.getByRole('link', { name: 'Ivan Sidorov' }).click()
    const detail = page.getByRole('complementary')
    await detail.getByRole('heading', { name: 'Ivan Sidorov' }).waitFor()
    const ivanId = (await fact(detail, 'Member id').textContent()) ?? ''

    const post = postCard(page, 'Secretary of the district committee')
    await post.getByRole('button', { name: 'Check a member' }).click()
    const check = post.getByRole('form', { name: 'Check a member for Secretary of the district committee' })
    await check.getByLabel('Member id').fill(ivanId)
    await check.getByRole('button', { name: 'Check' }).click()
    const verdict = check.getByRole('region', { name: 'Eligibility' })
    await seesText(verdict, 'may not hold Secretary of the district committee')
    const failed = verdict.locator('li.reason.failed')
    await seesText(failed, '✗')
    await seesText(failed, 'at least three years')
    await seesText(failed, 'Joined on 1922-02-01')
    await seesText(failed.locator('.rule-id'), 'standing.district-secretary')
    await page.screenshot({ path: '/tmp/charter-eligibility.png', fullPage: true })

    await post.getByRole('button', { name: 'Who may stand?' }).click()
    const eligible = post.getByRole('region', {
      name: 'Who may stand for Secretary of the district committee',
    })
    const names = eligible.locator('tbody tr td:first-child')
    await expect
      .poll(() => names.allInnerTexts())
      .toEqual(['Pyotr Alekseev', 'Anna Kuznetsova', 'Maria Volkova'])
  })
})
