import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, stringify } from 'yaml'
import { SYNTHETIC_LEVELS } from '../../src/core/demo/synthetic-tree.ts'

/**
 * The synthetic members' dates are the 1923 shape moved a century on (1998–2023), so the
 * pre-October rule moves with them: "joined before 2017-11-07" is the report's 1917-11-07.
 */
export const BENCH_JOINED_BEFORE = '2017-11-07'

const DEFAULT_CHARTER = fileURLToPath(new URL('../../charter/default.yaml', import.meta.url))

/** charter/default.yaml with the synthetic levels (an `area` level added) and the moved cutoff. */
export function benchCharterSource(): string {
  const document = parse(readFileSync(DEFAULT_CHARTER, 'utf8')) as {
    name: string
    levels: string[]
    rules: { standing: { id: string; text: string; minimum: Record<string, unknown> }[] }
  }
  document.name = `${document.name}, for the synthetic organisation`
  document.levels = [...SYNTHETIC_LEVELS]
  for (const rule of document.rules.standing) {
    if ('joinedBefore' in rule.minimum) {
      rule.minimum = { joinedBefore: BENCH_JOINED_BEFORE }
      rule.text = `${rule.text.replace(/ \(7 November 1917\)/, '')} Benchmark: joined before ${BENCH_JOINED_BEFORE}.`
    }
  }
  return stringify(document)
}
