import { readFile } from 'node:fs/promises'
import { adoptCharter } from '../charter/adopt-charter.ts'
import type { CharterVersion } from '../charter/charter-in-force.ts'
import type { UseCaseContext } from '../shared/context.ts'

/** One congress of the demo's charter history: the file it adopted and the day it decided. */
export interface DemoCharterStep {
  /** Path from the repository root. */
  readonly file: string
  readonly title: string
  /** The congress's last day, when its resolutions were adopted; the version is in force from it. */
  readonly decidedOn: string
}

/**
 * The three versions the report calls "the Party line ... from the Tenth to the Twelfth" Congress.
 * Dates: the Tenth Congress sat 8–16 March 1921, the Eleventh 27 March – 2 April 1922, the
 * Twelfth 17–25 April 1923; each version takes effect on its congress's closing day.
 */
export const DEMO_CHARTER_HISTORY: readonly DemoCharterStep[] = [
  {
    file: 'charter/demo/tenth-congress.yaml',
    title: 'Tenth Congress of the RCP(b)',
    decidedOn: '1921-03-16',
  },
  {
    file: 'charter/demo/eleventh-congress.yaml',
    title: 'Eleventh Congress of the RCP(b)',
    decidedOn: '1922-04-02',
  },
  { file: 'charter/default.yaml', title: 'Twelfth Congress of the RCP(b)', decidedOn: '1923-04-25' },
]

// The charter files live at the repository root, three folders above this one.
const REPOSITORY_ROOT = new URL('../../../', import.meta.url)

/**
 * Adopts the demo's charter history in order, each version by its congress on behalf of the
 * central committee and in force from the congress's last day, so that "the rules in force on D"
 * answers with the Tenth, Eleventh or Twelfth Congress version. Writes one `charter.adopted` each.
 */
export async function createDemoCharter(
  ctx: UseCaseContext,
  centralCommitteeId: number,
): Promise<CharterVersion[]> {
  const versions: CharterVersion[] = []
  for (const step of DEMO_CHARTER_HISTORY) {
    const source = await readFile(new URL(step.file, REPOSITORY_ROOT), 'utf8')
    versions.push(
      await adoptCharter(ctx, {
        source,
        fileName: step.file,
        decision: {
          kind: 'congress',
          title: step.title,
          decidedOn: step.decidedOn,
          bodyId: centralCommitteeId,
        },
        effectiveFrom: step.decidedOn,
      }),
    )
  }
  return versions
}
