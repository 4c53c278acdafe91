import { describe, expect, it } from 'vitest'
import { amendmentDiff } from './amendment-diff.ts'

const rebuild = (parts: ReturnType<typeof amendmentDiff>, drop: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('')

describe('an amendment’s diff', () => {
  it('marks the words added and removed, and keeps paragraph breaks exact', () => {
    const proposal = 'Elect the bureau by secret ballot.\n\nTerms last one year.'
    const amended = 'Elect the whole bureau by open ballot.\nTerms last one year.'
    const parts = amendmentDiff(proposal, amended)
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['whole', 'open'])
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['secret', '\n'])
    expect(rebuild(parts, 'added')).toBe(proposal)
    expect(rebuild(parts, 'removed')).toBe(amended)
  })

  it('gives up on word detail for a wholesale rewrite of long texts, staying fast and exact', () => {
    const words = (seed: string) => Array.from({ length: 4_000 }, (_, i) => `${seed}${i}`).join(' ')
    const proposal = words('a')
    const amended = words('b')
    const started = performance.now()
    const parts = amendmentDiff(proposal, amended)
    // A bound, not a benchmark: the unbounded diff of these texts takes seconds.
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(parts).toEqual([
      { kind: 'removed', text: proposal },
      { kind: 'added', text: amended },
    ])
  })
})
