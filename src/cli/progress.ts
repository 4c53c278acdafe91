import { SingleBar } from 'cli-progress'

/** A reporter of progress that draws a bar on a terminal and stays quiet elsewhere (CI, pipes). */
export interface Progress {
  update(done: number, total?: number): void
  stop(): void
}

export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} }
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
      stream,
      hideCursor: true,
      etaBuffer: 50,
    },
    undefined,
  )
  bar.start(total, 0)
  return {
    update(done, newTotal) {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal)
      bar.update(done)
    },
    stop() {
      bar.stop()
    },
  }
}
