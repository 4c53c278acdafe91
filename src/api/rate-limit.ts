import type { Clock } from '../core/shared/clock.ts'

/**
 * A fixed-window counter per key, in this process's memory. It slows password guessing against
 * one e-mail; it resets on restart and is not shared between processes, which is acceptable for
 * one server and says nothing about distributed attacks across many e-mails.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()
  private readonly limit: number
  private readonly windowMs: number
  private readonly clock: Clock

  constructor(limit: number, windowMs: number, clock: Clock) {
    this.limit = limit
    this.windowMs = windowMs
    this.clock = clock
  }

  /** Counts one attempt; false when the key has used up its window (retry after `retryAfterMs`). */
  hit(key: string): { allowed: boolean; retryAfterMs: number } {
    const now = this.clock.now().getTime()
    if (this.windows.size > 10_000) this.sweep(now)
    let window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count += 1
    return { allowed: window.count <= this.limit, retryAfterMs: window.start + this.windowMs - now }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key)
    }
  }
}
