/**
 * The counting methods as the web app explains them, and what each asks of a ballot. The ids are
 * those of src/core/counting/counting-method.ts (a test beside this file holds the two equal); the
 * limits mirror castBallot's, so the form refuses what the server would.
 */

export const METHOD_IDS = ['plurality', 'block', 'approval', 'scottish-stv', 'meek', 'schulze'] as const
export type MethodId = (typeof METHOD_IDS)[number]

/** How a ballot is marked: one candidate, several (up to a limit), or a ranking. */
export type BallotKind = 'single' | 'several' | 'ranked'

interface MethodInfo {
  readonly label: string
  /** One line for the person calling the election or reading its results. */
  readonly explanation: string
  readonly ballot: BallotKind
}

export const METHODS: Readonly<Record<MethodId, MethodInfo>> = {
  plurality: {
    label: 'Plurality',
    explanation: 'One seat per post: each voter marks one candidate, and the most votes wins.',
    ballot: 'single',
  },
  block: {
    label: 'Block vote',
    explanation:
      'Several seats: each voter marks up to as many candidates as there are seats; the most votes win.',
    ballot: 'several',
  },
  approval: {
    label: 'Approval',
    explanation: 'Each voter marks every candidate they approve of; the most approvals win.',
    ballot: 'several',
  },
  'scottish-stv': {
    label: 'Scottish STV (2007 rules)',
    explanation:
      'Voters rank candidates; a candidate reaching the Droop quota is elected and the surplus passes on at a fractional value, the weakest are excluded in turn.',
    ballot: 'ranked',
  },
  meek: {
    label: 'Meek STV',
    explanation:
      'Voters rank candidates; like STV, but surpluses also flow through candidates already elected and the quota is recomputed each round.',
    ballot: 'ranked',
  },
  schulze: {
    label: 'Schulze',
    explanation:
      'Voters rank candidates; every pair is compared head to head, and the strongest chains of majorities give a full ranking.',
    ballot: 'ranked',
  },
}

/** The method's label, or its id when the web app does not know it. */
export function methodLabel(method: string): string {
  return isMethod(method) ? METHODS[method].label : method
}

export function isMethod(method: string): method is MethodId {
  return (METHOD_IDS as readonly string[]).includes(method)
}

/** How ballots of this method are marked (unknown methods are ranked: the most general form). */
export function ballotKind(method: string): BallotKind {
  return isMethod(method) ? METHODS[method].ballot : 'ranked'
}

/** How many candidates one contest's ballot may mark (castBallot's rule). */
export function maxMarks(method: string, seats: number, candidates: number): number {
  if (method === 'plurality') return 1
  if (method === 'block') return Math.min(seats, candidates)
  return candidates
}
