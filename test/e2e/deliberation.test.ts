import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './seed.ts'
import type { JourneyElections } from './seed-elections.ts'
import { VOTER_EMAIL, VOTER_NAME, VOTER_PASSWORD } from './seed-elections.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

const OFFICER = 'Nadezhda Secretary'
const TITLE = 'Hours of the works canteen'
const PROPOSAL = 'Open the canteen from six in the morning until ten at night.'
const AMENDED = 'Open the canteen from five in the morning until ten at night, on Sundays too.'
const COMMENT = 'The night shift eats cold bread at its benches.'

describe('browser journey: a question is raised, criticised, amended, and its criticism protected', () => {
  let baseUrl: string
  let page: Page
  let unit: JourneyElections
  let questionUrl = ''
  journeyPerSuite((journey) => {
    ;({ baseUrl, page } = journey)
    unit = journey.org.elections
  })

  it('an officer raises a question; a member comments, amends, supports; the officer cannot close early; a moderator hides the comment and its author sees why', async () => {
    // The officer raises a question in the unit: the charter makes it major, by its topic.
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, OFFICER)
    await page.goto(`${baseUrl}/#/bodies/${unit.unitId}`)
    await seesHeading(page, unit.unitName)
    const questions = page.getByRole('region', { name: 'Questions', exact: true })
    await questions.getByRole('button', { name: 'Raise a question' }).click()
    const raise = questions.getByRole('form', { name: `Raise a question in ${unit.unitName}` })
    await raise.getByLabel('Title', { exact: true }).fill(TITLE)
    await raise.getByLabel('Topic', { exact: true }).fill('economic-policy')
    await raise.getByLabel('The question', { exact: true }).fill('The night shift finds the canteen closed.')
    await raise.getByLabel('Proposal', { exact: true }).fill(PROPOSAL)
    await raise.getByRole('button', { name: 'Raise the question' }).click()
    await seesHeading(page, TITLE)
    questionUrl = page.url()
    const head = page.getByRole('region', { name: TITLE, exact: true })
    await seesText(head, 'In discussion')
    const major = head.locator('.question-major')
    await seesText(major, 'Major')
    await seesText(major.locator('.rule-id'), 'deliberation.major')
    await seesText(major, 'decided at a meeting')
    const timeline = page.getByRole('list', { name: 'Discussion timeline' })
    await seesText(timeline.locator('[aria-current="step"]'), 'May close from')
    await seesText(timeline.locator('[aria-current="step"]'), '9 Dec 1923, 10:00')
    await seesText(timeline, 'closes by itself in 30 days')

    // A member of the unit finds it on the unit's page and opens it.
    await signIn(page, baseUrl, VOTER_EMAIL, VOTER_PASSWORD, VOTER_NAME)
    await seesHeading(page, unit.unitName)
    const listed = page
      .getByRole('region', { name: 'Questions', exact: true })
      .getByRole('listitem')
      .filter({ hasText: TITLE })
    await seesText(listed, 'In discussion')
    await seesText(listed, 'closes by itself in 30 days')
    await seesText(listed, 'deliberation.major')
    await page.screenshot({ path: '/tmp/charter-questions-list.png', fullPage: true })
    await listed.getByRole('link', { name: TITLE }).click()
    await seesHeading(page, TITLE)

    // A comment, then an amendment that starts from the proposal's text and reads back as a diff.
    const discussion = page.getByRole('region', { name: 'Discussion', exact: true })
    await discussion.getByRole('button', { name: 'Comment', exact: true }).click()
    const commentForm = discussion.getByRole('form', { name: 'Comment', exact: true })
    await commentForm.getByLabel('Your comment').fill(COMMENT)
    await commentForm.getByRole('button', { name: 'Post the comment' }).click()
    const comment = discussion.getByRole('article', { name: `Comment by ${VOTER_NAME}` })
    await seesText(comment, COMMENT)

    await discussion.getByRole('button', { name: 'Amend the proposal' }).click()
    const amendForm = discussion.getByRole('form', { name: 'Amend the proposal' })
    const amendedText = amendForm.getByLabel('The proposal as amended')
    expect(await amendedText.inputValue()).toBe(PROPOSAL)
    await amendedText.fill(AMENDED)
    await amendForm.getByLabel('Why amend it').fill('The early shift starts at six.')
    await amendForm.getByRole('button', { name: 'Propose the amendment' }).click()
    const amendment = discussion.getByRole('article', { name: `Amendment by ${VOTER_NAME}` })
    await seesText(amendment, 'The early shift starts at six.')
    await expect.poll(() => amendment.locator('ins').allInnerTexts()).toEqual(['five', ', on Sundays too'])
    await expect.poll(() => amendment.locator('del').allInnerTexts()).toEqual(['six'])

    // A reply sits under what it answers.
    await amendment.getByRole('button', { name: 'Reply' }).click()
    const replyForm = amendment.getByRole('form', { name: `Reply to ${VOTER_NAME}` })
    await replyForm.getByLabel('Your reply').fill('And a hot supper at midnight.')
    await replyForm.getByRole('button', { name: 'Post the reply' }).click()
    const replies = discussion.getByRole('list', { name: `Replies to ${VOTER_NAME}` })
    await seesText(
      replies.getByRole('article', { name: `Reply by ${VOTER_NAME}` }),
      'And a hot supper at midnight.',
    )

    // Support for the proposal is a toggle, and it is counted.
    const support = page.getByRole('button', { name: 'Support the proposal' })
    await support.click()
    await expect.poll(() => support.getAttribute('aria-pressed')).toBe('true')
    await seesText(page.getByRole('region', { name: 'Proposal', exact: true }), '1 supporter')
    await page.screenshot({ path: '/tmp/charter-question-discussion.png', fullPage: true })

    // The officer tries to close the discussion before the charter's minimum: refused, with the rule.
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, OFFICER)
    await page.goto(questionUrl)
    await seesHeading(page, TITLE)
    const close = page.getByRole('button', { name: 'Close the discussion' })
    expect(await close.getAttribute('aria-disabled')).toBe('true')
    await seesText(page.getByRole('region', { name: 'Discussion period' }), 'Not before 9 Dec 1923, 10:00')
    // It reads as disabled yet stays focusable; pressing it asks for a confirmation (the close is
    // for good if the minimum has passed since the page loaded), then the server's clock decides.
    await close.focus()
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('group', { name: 'Close the discussion' })
    await seesText(confirm, 'will likely be refused')
    await confirm.getByRole('button', { name: 'Close the discussion' }).click()
    const refusal = page.locator('.discussion-close .refusal-code')
    await seesText(refusal, 'DISCUSSION_TOO_EARLY')
    await seesText(refusal, 'deliberation.limits')
    await page.screenshot({ path: '/tmp/charter-question-too-early.png' })
    await seesText(page.getByRole('list', { name: 'Discussion timeline' }), 'May close from')

    // As a moderator, the officer hides the comment for conduct, with one of the charter's reasons.
    const moderated = page.getByRole('article', { name: `Comment by ${VOTER_NAME}` })
    await moderated.getByRole('button', { name: 'Hide' }).click()
    const hide = moderated.getByRole('form', { name: `Hide the comment by ${VOTER_NAME}` })
    await hide.getByLabel('Reason').selectOption({ label: 'Abuse' })
    await hide.getByRole('button', { name: 'Hide the comment' }).click()
    await seesText(moderated, 'Hidden by a moderator — reason: abuse')
    // Nobody gets a delete: criticism cannot be deleted, only hidden for conduct.
    expect(await page.getByRole('button', { name: /delete/i }).count()).toBe(0)

    // Its author sees it hidden, why, and their own words, marked as shown to them only.
    await signIn(page, baseUrl, VOTER_EMAIL, VOTER_PASSWORD, VOTER_NAME)
    await page.goto(questionUrl)
    await seesHeading(page, TITLE)
    const mine = page.getByRole('article', { name: `Comment by ${VOTER_NAME}` })
    await seesText(mine.getByRole('note'), 'Hidden by a moderator — reason: abuse')
    await seesText(mine, 'Shown only to its author and to auditors:')
    await seesText(mine, COMMENT)
    await seesText(page.getByRole('region', { name: 'Discussion', exact: true }), '1 hidden by a moderator')
    expect(await mine.getByRole('button', { name: 'Hide' }).count()).toBe(0)
    await page.screenshot({ path: '/tmp/charter-question-hidden.png', fullPage: true })
  })
})
