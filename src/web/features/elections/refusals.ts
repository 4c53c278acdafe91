import { ApiError } from '../../api/client.ts'

/** What a refusal of the election routes means for the person who met it, in plain words. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  ALREADY_VOTED:
    'You have already voted in this election. Each member votes once, and your first ballot stands.',
  NOT_IN_ELECTORATE:
    'You are not in this election’s electorate. The electorate was fixed when voting opened, from the members who then had a vote.',
  ELECTION_CLOSED: 'This election is over: it has closed or was cancelled, so nothing more is taken.',
  ELECTION_WRONG_PHASE: 'The election is not in the phase for this: check the timeline above.',
  INVALID_BALLOT: 'The ballot could not be taken as marked.',
  RESULTS_HIDDEN: 'Results stay hidden until voting closes.',
}

/** The plain explanation of an API refusal, or null for errors without one. */
export function explainRefusal(error: Error | null): string | null {
  if (!(error instanceof ApiError)) return null
  return EXPLANATIONS[error.code] ?? null
}
