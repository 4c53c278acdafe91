import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './seed.ts'
import type { JourneyElections } from './seed-elections.ts'
import { VOTER_EMAIL, VOTER_NAME, VOTER_PASSWORD } from './seed-elections.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

describe('browser journey: a member votes by ranking, keeps the tracker, and reads a count', () => {
  let baseUrl: string
  let page: Page
  let elections: JourneyElections
  journeyPerSuite((journey) => {
    ;({ baseUrl, page } = journey)
    elections = journey.org.elections
  })

  it('opens the election from the unit page, ranks the candidates, reviews, casts and sees the tracker', async () => {
    await signIn(page, baseUrl, VOTER_EMAIL, VOTER_PASSWORD, VOTER_NAME)
    // A member starts on their own unit, where its elections are listed with their state.
    await seesHeading(page, elections.unitName)
    const list = page.getByRole('region', { name: 'Elections' })
    const open = list.getByRole('listitem').filter({ hasText: elections.openElectionTitle })
    await seesText(open, 'Voting')
    await seesText(list.getByRole('listitem').filter({ hasText: elections.closedElectionTitle }), 'Closed')
    await open.getByRole('link', { name: elections.openElectionTitle }).click()
    await seesHeading(page, elections.openElectionTitle)
    expect(page.url()).toContain(`#/elections/${elections.openElectionId}`)

    // The timeline marks voting as the current phase, against the organisation's date.
    const current = page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')
    await seesText(current, 'Voting')
    await seesText(current, 'Open now')
    await seesText(page.locator('.phases'), '2 December 1923')

    // Rank Klavdia first, then Fyodor, then move Fyodor up: the ranking reads Fyodor, Klavdia.
    const ballot = page.getByRole('form', { name: 'Your ballot' })
    await seesText(ballot, 'Rank as many candidates as you like')
    await ballot.getByRole('button', { name: 'Add Klavdia Nikolaeva as your 1st choice' }).click()
    await ballot.getByRole('button', { name: 'Add Fyodor Gorbunov as your 2nd choice' }).click()
    await ballot.getByRole('button', { name: 'Up: move Fyodor Gorbunov up' }).click()
    const ranking = ballot.getByRole('list', { name: 'Your ranking for Unit secretary' })
    await expect
      .poll(() => ranking.locator('.candidate-name').allInnerTexts())
      .toEqual(['Fyodor Gorbunov', 'Klavdia Nikolaeva'])
    // The moved candidate keeps the focus, so a keyboard user can go on moving them.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Down: move Fyodor Gorbunov down',
    )
    await page.screenshot({ path: '/tmp/charter-ballot.png', fullPage: true })

    await ballot.getByRole('button', { name: 'Review my ballot' }).click()
    const review = ballot.getByRole('region', { name: 'Check your ballot before you cast it' })
    await expect
      .poll(() => review.locator('ol li').allInnerTexts())
      .toEqual(['Fyodor Gorbunov', 'Klavdia Nikolaeva'])
    await ballot.getByRole('button', { name: 'Cast my ballot' }).click()

    const receipt = page.getByRole('region', { name: 'Your ballot was cast. Your tracker:' })
    await seesText(receipt, 'it proves your ballot was counted; nobody else can see it')
    expect(await receipt.locator('.tracker code').textContent()).toMatch(/^[0-9a-f]{32}$/)
    await expect.poll(() => receipt.getByRole('button', { name: 'Copy the tracker' }).count()).toBe(1)
    await page.screenshot({ path: '/tmp/charter-tracker.png', fullPage: true })

    // Coming back later, the page says the vote was taken, and the tracker is not shown again.
    await page.reload()
    await seesHeading(page, elections.openElectionTitle)
    await seesText(page.getByRole('region', { name: 'Vote' }), 'You have voted.')
    expect(await page.locator('.tracker').count()).toBe(0)
  })

  it('reads the closed election: the elected, the round table and the tie; then checks a tracker', async () => {
    await page.goto(`${baseUrl}/#/elections/${elections.closedElectionId}`)
    await seesHeading(page, elections.closedElectionTitle)
    const results = page.getByRole('region', { name: 'Results' })
    await seesText(results, '7 of 7 electors voted (100%)')
    const elected = results.getByRole('list', { name: 'Elected to Member of the unit bureau' })
    await expect
      .poll(() => elected.locator('strong').allInnerTexts())
      .toEqual(['Fyodor Gorbunov', 'Klavdia Nikolaeva'])

    const table = results.getByRole('table', { name: 'Count of Member of the unit bureau, round by round' })
    await seesText(table.locator('thead'), 'Round 1')
    await seesText(table.locator('tfoot'), 'Quota')
    const fyodor = table.getByRole('row').filter({ hasText: 'Fyodor Gorbunov' })
    await seesText(fyodor, '3')
    await seesText(fyodor, 'elected')
    await seesText(table, 'excluded')
    // Nikolai and Praskovya tie on one vote each with nothing earlier to part them: the lot decides.
    await seesText(results, 'were tied for exclusion')
    await seesText(results, 'Lot seed')
    await page.screenshot({ path: '/tmp/charter-results.png', fullPage: true })

    const check = results.getByRole('form', { name: 'Check my ballot' })
    await check.getByLabel('Your tracker').fill(elections.closedTracker.toUpperCase())
    await check.getByRole('button', { name: 'Check' }).click()
    await seesText(check.getByRole('status'), 'Found: this ballot was counted.')
    await expect
      .poll(() => check.getByRole('status').locator('ol li').allInnerTexts())
      .toEqual(['Klavdia Nikolaeva', 'Fyodor Gorbunov'])

    await check.getByLabel('Your tracker').fill('0123456789abcdef0123456789abcdef')
    await check.getByRole('button', { name: 'Check' }).click()
    await seesText(check.getByRole('status'), 'Not found.')

    // The ballots are published for anyone to recount, as a BLT file per contest.
    const blt = results.getByRole('link', { name: 'Download the ballots of Member of the unit bureau (BLT)' })
    const file = await page.request.get(new URL((await blt.getAttribute('href')) ?? '', baseUrl).toString())
    expect((await file.text()).split('\n')[0]).toBe('4 2')
  })

  it('stands for the district secretary, is refused by the standing rule, and nominates a veteran instead', async () => {
    await signIn(page, baseUrl, VOTER_EMAIL, VOTER_PASSWORD, VOTER_NAME)
    await page.goto(`${baseUrl}/#/elections/${elections.nominatingElectionId}`)
    await seesHeading(page, 'Secretary of Verkh-Isetsky District, December 1923')
    const current = page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')
    await seesText(current, 'Nominations')
    await seesText(current, 'Open now')

    const contest = page.getByRole('article', { name: 'Secretary of the district committee' })
    await contest.getByRole('button', { name: 'Stand' }).click()
    const stand = contest.getByRole('form', { name: 'Stand for Secretary of the district committee' })
    await stand.getByRole('button', { name: 'Stand' }).click()
    const failed = stand.getByRole('region', { name: 'Rules not met' })
    await seesText(failed, 'at least three years')
    await seesText(failed.locator('.rule-id'), 'standing.district-secretary')
    await page.screenshot({ path: '/tmp/charter-stand-refused.png', fullPage: true })
    await stand.getByRole('button', { name: 'Cancel' }).click()

    await contest.getByRole('button', { name: 'Nominate a member' }).click()
    const nominate = contest.getByRole('form', {
      name: 'Nominate a member for Secretary of the district committee',
    })
    await nominate.getByLabel('Member id').fill(String(elections.veteran.memberId))
    await nominate.getByRole('button', { name: 'Nominate' }).click()
    await seesText(contest.getByRole('status'), 'they stand once they accept')
  })

  it('an officer calls an election in the unit, with a method explained, then cancels it with a reason', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    await page.goto(`${baseUrl}/#/bodies/${elections.unitId}`)
    await seesHeading(page, elections.unitName)
    const section = page.getByRole('region', { name: 'Elections' })
    await section.getByRole('button', { name: 'Call an election' }).click()
    const call = section.getByRole('form', { name: `Call an election in ${elections.unitName}` })
    await call.getByLabel('Title').fill('Delegates of Verkh-Isetsky Works, December 1923')
    await call.getByLabel('Counting method').selectOption({ label: 'Approval' })
    await seesText(call, 'Each voter marks every candidate they approve of')
    await call.getByLabel('Unit secretary').uncheck()
    await call.getByLabel('Member of the unit bureau').uncheck()
    await page.screenshot({ path: '/tmp/charter-call-election.png', fullPage: true })
    await call.getByRole('button', { name: 'Call the election' }).click()

    await seesHeading(page, 'Delegates of Verkh-Isetsky Works, December 1923')
    const current = page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')
    await seesText(current, 'Called')
    await seesText(
      page.getByRole('region', { name: 'Posts and candidates' }),
      'Delegate to the district conference',
    )

    await page.getByRole('button', { name: 'Cancel the election' }).click()
    const cancel = page.getByRole('form', { name: 'Cancel the election' })
    await cancel.getByLabel('Reason').fill('Called by mistake: the district conference is postponed')
    await cancel.getByRole('button', { name: 'Cancel the election' }).click()
    await seesText(page.locator('.election-head'), 'Cancelled')
    await seesText(page.getByRole('note'), 'Called by mistake: the district conference is postponed')
  })
})
