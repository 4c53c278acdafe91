import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { createApp } from '../../../src/api/app.ts'
import { serveWeb } from '../../../src/api/static.ts'
import { ManualClock } from '../../../src/core/shared/clock.ts'
import type { Database } from '../../../src/db/client.ts'
import { createTestDatabase } from '../../support/database.ts'
import { DIST_WEB, ensureWebBuilt } from '../build-web.ts'
import { type JourneyOrganisation, seedJourney } from '../seed.ts'

/** Debian's Chromium; the flags keep it offline, quiet and runnable as root in a container. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A running journey: the seeded organisation, the server's address, a browser page, and teardown. */
export interface Journey {
  readonly org: JourneyOrganisation
  readonly baseUrl: string
  readonly page: Page
  /** The served database and clock, for a journey that seeds more (e.g. runs the audit follower). */
  readonly database: Database
  readonly clock: ManualClock
  readonly close: () => Promise<void>
}

/**
 * Builds the web app if needed, seeds a fresh database (PGlite, or DATABASE_URL's server) living on
 * 2 December 1923, serves the real app in-process and opens Chromium on a desktop-sized page.
 */
export async function startJourney(): Promise<Journey> {
  ensureWebBuilt()
  const database = await createTestDatabase()
  const clock = new ManualClock('1923-12-02T10:00:00Z')
  const org = await seedJourney(database, clock)
  const app = createApp({ database, clock })
  serveWeb(app, DIST_WEB)
  let server: ReturnType<typeof serve> | undefined
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve(info.port),
    )
  })
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    return {
      org,
      baseUrl: `http://127.0.0.1:${port}`,
      page,
      database,
      clock,
      close: async () => {
        await browser?.close()
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
        await database.drop()
      },
    }
  } catch (error) {
    await browser?.close()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    await database.drop()
    throw error
  }
}

/**
 * Starts a journey before the suite's tests and closes it after them, even when one fails;
 * `started` receives it, so the suite can keep what its tests use in its own variables.
 */
export function journeyPerSuite(started: (journey: Journey) => void): void {
  let journey: Journey | undefined
  beforeAll(async () => {
    journey = await startJourney()
    started(journey)
  })
  afterAll(async () => {
    await journey?.close()
  })
}

/** Waits (up to 10 s) until the element shows the text, as a user would wait for a page to load. */
export async function seesText(locator: Locator, text: string | RegExp): Promise<void> {
  const shown = expect.poll(async () => (await locator.textContent()) ?? '', { timeout: 10_000 })
  await (typeof text === 'string' ? shown.toContain(text) : shown.toMatch(text))
}

/** Waits until the page's one h1 reads `text`. */
export async function seesHeading(page: Page, text: string): Promise<void> {
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
    .toBe(text)
}

/** Signs in through the form (starting from no session) and waits until the header names the user. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, name: string) {
  await page.context().clearCookies()
  await page.goto(baseUrl)
  await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await seesText(page.getByRole('banner'), name)
  // Home then sends the user to their starting body. Wait for that redirect, or a test's own
  // navigation right after signing in can be overtaken by it.
  await page.waitForFunction(() => window.location.hash.startsWith('#/bodies/'))
}
