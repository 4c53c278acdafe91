import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { type CharterRun, runCharter } from '../support/charter-cli.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/blt/', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'charter-count-'))
const dataDir = join(work, 'data')

/**
 * Runs `charter count` in a child process. The database settings point nowhere usable (a data
 * folder that must stay uncreated, and a server on a closed port): the command must not open one.
 */
function charter(...args: string[]): Promise<CharterRun> {
  const databaseUrl = process.env.DATABASE_URL ? 'postgres://nobody@127.0.0.1:1/none' : null
  return runCharter(['count', ...args], { databaseUrl, dataDir, cwd: work })
}

const fixture = (name: string) => join(FIXTURES, name)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('charter count', () => {
  it('prints the round table and the elected for Scottish STV (Wikipedia food example)', async () => {
    const { code, stdout, stderr } = await charter(fixture('food-stv.blt'), '--method', 'scottish-stv')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('Food for a party')
    expect(stdout).toMatch(/^candidate\s+round 1\s+round 2/m)
    expect(stdout).toMatch(/^Chocolate\s+12 \*/m)
    expect(stdout).toMatch(/^quota\s+6/m)
    expect(stdout).toMatch(/^exhausted\s+0/m)
    expect(stdout).toContain('Elected, in order: 1. Chocolate  2. Oranges  3. Strawberries')
  })

  it('--json prints exactly method, seats, elected, rounds and, for Schulze, the ranking by name', async () => {
    const { code, stdout } = await charter(fixture('wikipedia-schulze.blt'), '--method', 'schulze', '--json')
    expect(code).toBe(0)
    const json = JSON.parse(stdout)
    expect(Object.keys(json)).toEqual(['method', 'seats', 'elected', 'rounds', 'ranking'])
    expect(json).toMatchObject({ method: 'schulze', seats: 1, elected: ['E'] })
    expect(json.ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']])
    expect(json.rounds[0].votes).toEqual([
      { candidate: 'A', votes: 10 },
      { candidate: 'B', votes: 8 },
      { candidate: 'C', votes: 12 },
      { candidate: 'D', votes: 7 },
      { candidate: 'E', votes: 8 },
    ])
  })

  it('--seats overrides the file, and other methods print no ranking', async () => {
    const schulze = JSON.parse(
      (await charter(fixture('wikipedia-schulze.blt'), '--method', 'schulze', '--seats', '2', '--json'))
        .stdout,
    )
    expect(schulze).toMatchObject({ seats: 2, elected: ['E', 'A'] })
    const plurality = JSON.parse(
      (await charter(fixture('tennessee-withdrawn.blt'), '--method', 'plurality', '--json')).stdout,
    )
    expect(Object.keys(plurality)).toEqual(['method', 'seats', 'elected', 'rounds'])
    // Memphis withdrew, so its 42 voters' second choice, Nashville, counts.
    expect(plurality.elected).toEqual(['Nashville'])
    expect(plurality.rounds[0].votes[0]).toEqual({ candidate: 'Memphis', votes: 0 })
  })

  it('counts with every method', async () => {
    for (const method of ['scottish-stv', 'meek', 'schulze', 'plurality', 'block', 'approval']) {
      const { code, stdout } = await charter(fixture('food-stv.blt'), '--method', method, '--json')
      expect(code, method).toBe(0)
      expect(JSON.parse(stdout).elected, method).toHaveLength(3)
    }
  })

  it('refuses a malformed file with the line and the reason, and exit code 1', async () => {
    const bad = join(work, 'bad.blt')
    writeFileSync(bad, '3 1\n1 2 7 0\n0\n"A"\n"B"\n"C"\n"T"\n')
    const { code, stdout, stderr } = await charter(bad, '--method', 'meek')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('error VALIDATION_FAILED: ')
    expect(stderr).toContain("bad.blt: Malformed BLT file, line 2: candidate '7' is not a number from 1 to 3")
    expect(stderr).toContain('"path": "line 2"')
  })

  it('refuses an unknown method and a missing file', async () => {
    const unknown = await charter(fixture('food-stv.blt'), '--method', 'borda')
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toMatch(/--method.*borda.*Allowed choices/s)
    const missing = await charter(join(work, 'nope.blt'), '--method', 'schulze')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('error NOT_FOUND: Cannot read')
  })

  it('never opened a database', () => {
    expect(existsSync(dataDir)).toBe(false)
  })
})
