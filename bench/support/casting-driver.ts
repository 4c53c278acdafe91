import autocannon from 'autocannon'

/**
 * The load driver of bench/casting.ts, run as its own process so it does not share the app's
 * event loop: `autocannon` with one connection per concurrent client, each request a ballot from
 * the next voter (its own session cookie), every voter voting once. Reads its task as JSON from
 * argv[2] and prints the figures as one JSON line on stdout.
 */

export interface DriverTask {
  /** http://127.0.0.1:PORT */
  readonly origin: string
  readonly electionId: number
  readonly contests: readonly { readonly contestId: number; readonly candidates: readonly number[] }[]
  /** Session tokens are `${tokenPrefix}${n}` for voters n = firstVoter … firstVoter + ballots − 1. */
  readonly tokenPrefix: string
  readonly firstVoter: number
  readonly ballots: number
  readonly connections: number
}

export interface DriverFigures {
  readonly ballots: number
  readonly seconds: number
  readonly ballotsPerSecond: number
  readonly p50Ms: number
  readonly p90Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  readonly status: Record<string, number>
  readonly errors: number
  readonly timeouts: number
  /** CPU seconds the driver itself used (it shares the machine with the app and the server). */
  readonly driverCpuSeconds: number
}

/** Deterministic variety: ballot k ranks a rotation of each contest's candidates, cut at a varying length. */
function ballotBody(task: DriverTask, k: number): string {
  return JSON.stringify({
    contests: task.contests.map((contest) => {
      const n = contest.candidates.length
      const ranked = contest.candidates.map((_, i) => contest.candidates[(k + i) % n] as number)
      return { contestId: contest.contestId, preferences: ranked.slice(0, 1 + ((k * 7) % n)) }
    }),
  })
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as DriverTask
  const bodies = Array.from({ length: 97 }, (_, k) => ballotBody(task, k))
  let next = 0
  const result = await autocannon({
    url: task.origin,
    connections: task.connections,
    amount: task.ballots,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `/api/elections/${task.electionId}/ballots`,
        setupRequest: (request) => {
          const k = next++
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              cookie: `charter_session=${task.tokenPrefix}${task.firstVoter + k}`,
            },
            body: bodies[k % bodies.length] as string,
          }
        },
      },
    ],
  })
  const status: Record<string, number> = {}
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) status[code] = stats.count ?? 0
  const done = Object.values(status).reduce((sum, count) => sum + count, 0)
  const figures: DriverFigures = {
    ballots: status['201'] ?? 0,
    seconds: result.duration,
    ballotsPerSecond: (status['201'] ?? 0) / result.duration,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    status: { ...status, all: done },
    errors: result.errors,
    timeouts: result.timeouts,
    driverCpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}

await main()
