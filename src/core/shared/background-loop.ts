/**
 * Runs `pass` in the background, one pass at a time, `intervalMs` after the previous one ended
 * (never overlapping, so a slow pass delays the next instead of piling up). A pass that throws is
 * reported to `onError` and the loop carries on. Returns `stop()`, which resolves once a pass that
 * is running has finished. The sealer and the scheduler both run on it.
 */
export function startBackgroundLoop(
  intervalMs: number,
  pass: () => Promise<void>,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let stopped = false
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()

  const runPass = async () => {
    timer = null
    try {
      await pass()
    } catch (error) {
      onError(error)
    }
    if (!stopped) timer = setTimeout(schedule, intervalMs)
  }
  const schedule = () => {
    running = runPass()
  }
  timer = setTimeout(schedule, intervalMs)

  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
