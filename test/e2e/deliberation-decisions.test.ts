import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './seed.ts'
import { type JourneyElections, VOTER_EMAIL, VOTER_NAME, VOTER_PASSWORD } from './seed-elections.ts'
import { journeyPerSuite, seesHeading, seesText, signIn } from './support/harness.ts'

const QUESTION = 'Answer the trust on the mill’s closure'
const TASK = 'Deliver the unit’s answer to the trust'

describe('browser journey: an urgent decision is ratified and carried out', () => {
  let baseUrl: string
  let page: Page
  let unit: JourneyElections
  journeyPerSuite((journey) => {
    ;({ baseUrl, page } = journey)
    unit = journey.org.elections
  })

  /** JSON from the API with the browser's session (the officer's setup, as a seed would do it). */
  async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
    const url = `${baseUrl}/api${path}`
    const response =
      method === 'GET'
        ? await page.request.get(url)
        : method === 'PUT'
          ? await page.request.put(url, { data })
          : await page.request.post(url, { data })
    expect(response.ok(), `${method} ${path}: ${response.status()}`).toBe(true)
    return (await response.json()) as T
  }

  it('an officer decides a question urgently, ratifies it and sets a task; the owner closes it with a report', async () => {
    await signIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, 'Nadezhda Secretary')
    const question = await api<{ id: number }>('POST', `/bodies/${unit.unitId}/questions`, {
      title: QUESTION,
      text: 'The trust will close the mill on Friday unless the unit answers.',
      proposal: 'The unit answers the trust that the mill keeps working.',
      topic: 'canteen',
    })
    const members = await api<{ items: { id: number; fullName: string }[] }>(
      'GET',
      `/bodies/${unit.unitId}/members?limit=100`,
    )
    const owner = members.items.find((member) => member.fullName === VOTER_NAME)
    expect(owner).toBeDefined()
    // The unit's general meeting sat this morning and its attendance was taken: the body ratifies there.
    const meeting = await api<{ id: number }>('POST', `/bodies/${unit.unitId}/meetings`, {
      title: 'Morning general meeting',
      startsAt: '1923-12-02T08:00:00Z',
      endsAt: '1923-12-02T09:30:00Z',
      agendaQuestionIds: [],
    })
    await api('PUT', `/meetings/${meeting.id}/attendance`, {
      memberIds: members.items.map((member) => member.id),
    })

    // On the question page the officer decides at once, and is told when the body must ratify.
    await page.goto(`${baseUrl}/#/questions/${question.id}`)
    await seesHeading(page, QUESTION)
    const panel = page.getByRole('region', { name: 'Vote and decision' })
    await seesText(panel, 'Not yet put to the vote.')
    await panel.getByRole('button', { name: 'Decide urgently' }).click()
    const urgent = panel.getByRole('form', { name: 'Decide urgently' })
    await seesText(urgent, 'The body must ratify it by 16 December 1923 (14 days, rule deliberation.urgent).')
    await urgent
      .getByLabel('Justification')
      .fill('The trust closes the mill on Friday; the unit cannot wait a week.')
    await urgent.getByRole('button', { name: 'Decide now' }).click()
    await seesText(panel, 'Awaiting ratification · by 16 Dec 1923')
    await seesText(panel, 'Decided urgently on 2 December 1923')
    await page.screenshot({ path: '/tmp/charter-urgent-decision.png', fullPage: true })

    // The unit's page lists it among the urgent decisions awaiting ratification.
    await page.goto(`${baseUrl}/#/bodies/${unit.unitId}`)
    await seesHeading(page, unit.unitName)
    const decisions = page.getByRole('region', { name: 'Decisions' })
    await decisions.getByLabel('Urgent decisions awaiting ratification').check()
    const awaiting = decisions.getByRole('list', { name: 'Awaiting ratification' }).getByRole('listitem')
    await seesText(awaiting.filter({ hasText: QUESTION }), 'Awaiting ratification')
    await awaiting.getByRole('link', { name: QUESTION }).click()

    // The decision page: urgent, without a completed discussion, with its justification; ratified.
    await seesHeading(page, QUESTION)
    await seesText(page.locator('.decision-head'), 'Urgent')
    await seesText(
      page.getByRole('note'),
      'Decided without a completed discussion, under the urgent exception.',
    )
    await seesText(page.locator('.justification'), 'the unit cannot wait a week')
    const ratification = page.getByRole('region', { name: 'Ratification' })
    await seesText(ratification, 'Awaiting ratification by the body until 16 December 1923.')
    await ratification.getByRole('button', { name: 'Ratify' }).click()
    const ratify = ratification.getByRole('form', { name: 'Ratify the decision' })
    await ratify.getByLabel('At a meeting').selectOption({ value: String(meeting.id) })
    await seesText(ratify.getByLabel('At a meeting'), 'Morning general meeting')
    await ratify.getByRole('button', { name: 'Ratify' }).click()
    await seesText(ratification, 'Ratified on 2 December 1923.')
    await seesText(ratification.getByRole('link', { name: 'The ratifying meeting' }), 'The ratifying meeting')
    await seesText(page.locator('.decision-head'), 'Ratified')

    // A task with an owner and a deadline.
    const tasks = page.getByRole('region', { name: 'Tasks' })
    await tasks.getByRole('button', { name: 'Add a task' }).click()
    const add = tasks.getByRole('form', { name: 'Add a task' })
    await add.getByLabel('Task').fill(TASK)
    await add.getByLabel('Owner member id').fill(String(owner?.id))
    await add.getByLabel('Deadline').fill('1923-12-09')
    await add.getByRole('button', { name: 'Add the task' }).click()
    const listed = tasks.getByRole('list', { name: 'Tasks of the decision' }).getByRole('listitem')
    await seesText(listed, TASK)
    await seesText(listed, `Owner ${VOTER_NAME} · due 9 December 1923 · 0% done`)
    await page.screenshot({ path: '/tmp/charter-decision-page.png', fullPage: true })

    // Ratified, it no longer awaits ratification.
    await page.goto(`${baseUrl}/#/bodies/${unit.unitId}`)
    await page
      .getByRole('region', { name: 'Decisions' })
      .getByLabel('Urgent decisions awaiting ratification')
      .check()
    await seesText(page.getByRole('region', { name: 'Decisions' }), 'No urgent decision of')

    // The owner finds the task on their unit's page and closes it, with a report (required).
    await signIn(page, baseUrl, VOTER_EMAIL, VOTER_PASSWORD, VOTER_NAME)
    await seesHeading(page, unit.unitName)
    const open = page.getByRole('region', { name: 'Tasks' }).getByRole('list', { name: 'Open tasks' })
    await open.getByRole('link', { name: TASK }).click()
    await seesHeading(page, TASK)
    await seesText(page.locator('.facts-list'), QUESTION)
    await page.getByRole('button', { name: 'Close with a report' }).click()
    const close = page.getByRole('form', { name: 'Close with a report' })
    await close.getByRole('button', { name: 'Close the task' }).click()
    await seesText(close.locator('.rule-id'), 'REPORT_REQUIRED')
    await seesText(close, 'A task is closed with a report saying what was done.')
    await close
      .getByLabel('Closing report')
      .fill('The answer was delivered to the trust on 3 December; the mill works.')
    await close.getByRole('button', { name: 'Close the task' }).click()
    await seesText(page.locator('.row-head').first(), 'Done')
    const reports = page.getByRole('list', { name: 'Reports' }).getByRole('listitem')
    await seesText(reports, 'Closing report')
    await seesText(reports, 'the mill works')
    await seesText(page.locator('.facts-list'), '100%')
    await page.screenshot({ path: '/tmp/charter-task-closed.png', fullPage: true })
  })
})
