import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Runs the public STV counter `droop` (Jonathan Lundell, github.com/jklundell/droop, pure Python,
 * GPL-3) on BLT files, for bench/peer-stv.ts. droop is not vendored: the bench is given the folder
 * of a checkout (the one holding Droop.py) and runs its own CLI, `python3 Droop.py RULE json
 * report=false FILE`. Its rules `scotland` (SSI 2007/42, fixed-point 5 decimals) and `meek`
 * (droop's default parametric Meek: guarded 18+9-digit decimals, omega 10⁻⁹, safe batch defeat
 * of certain losers) are the counterparts of our `scottish-stv` and `meek`.
 */

/** A droop rule we compare against, and the Charter method it answers to. */
export type PeerRule = 'scotland' | 'meek'
export const PEER_RULE = { 'scottish-stv': 'scotland', meek: 'meek' } as const

/** What droop said about one file: the elected in the order it logged them, and whether a lot decided a tie. */
export interface PeerOutcome {
  readonly elected: readonly string[]
  /**
   * droop broke a tie by its "tie order" (a lot in effect): Scottish logs "Break tie by lot";
   * Meek logs every tie it breaks ("Break tie (defeat)"), since it has no earlier-stage rule.
   */
  readonly lot: boolean
  readonly ties: readonly string[]
  readonly wallMs: number
  readonly error?: string
}

/** The peer's name and version as its own source states them (droop/common.py). */
export function peerVersion(dir: string): { name: string; version: string } {
  const common = readFileSync(join(dir, 'droop', 'common.py'), 'utf8')
  const name = /droopName\s*=\s*'([^']+)'/.exec(common)?.[1] ?? 'droop'
  const version = /droopVersion\s*=\s*'([^']+)'/.exec(common)?.[1] ?? 'unknown'
  return { name, version }
}

/** Checks that `dir` holds droop's CLI and that Python runs it. */
export function checkPeer(dir: string, python: string): void {
  if (!existsSync(join(dir, 'Droop.py')))
    throw new Error(`${dir} has no Droop.py: give --peer-dir the droop checkout's top folder`)
  const probe = spawnSync(python, ['Droop.py', 'help'], { cwd: dir, encoding: 'utf8' })
  if (probe.status !== 0) throw new Error(`${python} Droop.py help failed: ${probe.stderr || probe.error}`)
}

interface DroopJson {
  readonly actions: readonly { readonly tag: string; readonly msg: string }[]
}

/** Reads droop's `json` record. Its Meek prints progress dots before the JSON, hence the slice. */
export function readPeerJson(stdout: string): Omit<PeerOutcome, 'wallMs'> {
  const at = stdout.indexOf('{')
  if (at < 0)
    return { elected: [], lot: false, ties: [], error: `no JSON in droop's output: ${stdout.slice(0, 200)}` }
  const record = JSON.parse(stdout.slice(at)) as DroopJson
  const elected: string[] = []
  const ties: string[] = []
  for (const action of record.actions) {
    // "Elect, transfer pending: X", "Elect: X", "Elect remaining candidates: X".
    if (action.tag === 'elect') elected.push(action.msg.slice(action.msg.indexOf(': ') + 2))
    if (action.tag === 'tie') ties.push(action.msg)
  }
  return { elected, ties, lot: ties.some((tie) => !tie.includes('by prior stage')) }
}

/** One run of droop's CLI on one file, timed from spawn to exit (Python start-up, parse, count, JSON). */
export function runPeerCli(dir: string, python: string, rule: PeerRule, file: string): PeerOutcome {
  const started = performance.now()
  const run = spawnSync(python, ['Droop.py', rule, 'json', 'report=false', file], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  const wallMs = performance.now() - started
  if (run.status !== 0)
    return { elected: [], lot: false, ties: [], wallMs, error: run.stderr || String(run.error) }
  return { ...readPeerJson(run.stdout), wallMs }
}

/**
 * Many small files in one Python process (the differential check: hundreds of counts, where
 * Python's start-up would dominate). It calls droop's own `Droop.main` with the options its CLI
 * parses, so the count is the CLI's; stdout (Meek's progress dots) is captured per file.
 */
const DRIVER = `
import sys, io, json, contextlib
sys.path.insert(0, '.')
import Droop, droop
for line in sys.stdin:
    rule, path = line.rstrip('\\n').split('\\t')
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured):
            out = Droop.main(droop.options.Options.parse([rule, 'json', 'report=false', path]))
        print(json.dumps({'out': out}))
    except Exception as error:
        print(json.dumps({'error': repr(error)}))
    sys.stdout.flush()
`

/** Counts every file with one rule in one droop process; outcomes in file order (wallMs is the mean). */
export function runPeerBatch(
  dir: string,
  python: string,
  rule: PeerRule,
  files: readonly string[],
): PeerOutcome[] {
  const started = performance.now()
  const run = spawnSync(python, ['-c', DRIVER], {
    cwd: dir,
    encoding: 'utf8',
    input: files.map((file) => `${rule}\t${file}\n`).join(''),
    maxBuffer: 1 << 30,
  })
  if (run.status !== 0) throw new Error(`droop driver failed: ${run.stderr}`)
  const wallMs = (performance.now() - started) / Math.max(files.length, 1)
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('{'))
  return lines.map((line) => {
    const parsed = JSON.parse(line) as { out?: string; error?: string }
    if (parsed.error !== undefined) return { elected: [], lot: false, ties: [], wallMs, error: parsed.error }
    return { ...readPeerJson(parsed.out ?? ''), wallMs }
  })
}
