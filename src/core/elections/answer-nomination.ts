import { z } from 'zod'
import { appendEvent } from '../events/append-event.ts'
import { parseInput } from '../members/schemas.ts'
import type { UseCaseContext } from '../shared/context.ts'
import { AppError } from '../shared/errors.ts'
import {
  type CandidateRow,
  electionPlacement,
  loadCandidate,
  loadElection,
  refuseIfFinished,
  wrongPhase,
} from './election-lookups.ts'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const NOMINATION_ANSWERS = ['accepted', 'declined', 'withdrawn'] as const

export const answerNominationInputSchema = z.object({
  candidateId: id,
  /** The member answering: only the nominee may. */
  memberId: id,
  answer: z.enum(NOMINATION_ANSWERS),
})

export type AnswerNominationInput = z.input<typeof answerNominationInputSchema>
type Answer = (typeof NOMINATION_ANSWERS)[number]

/** From which states each answer may be given: a pending nomination is accepted or declined; a candidate withdraws. */
const ALLOWED_FROM: Record<Answer, readonly CandidateRow['state'][]> = {
  accepted: ['nominated'],
  declined: ['nominated'],
  withdrawn: ['nominated', 'accepted'],
}

/**
 * The nominee's answer to a nomination: accept or decline one made by another member, or
 * withdraw (a pending or accepted candidacy). Answers are taken until voting opens, after the
 * nomination window too (ELECTION_WRONG_PHASE once voting is open, ELECTION_CLOSED once closed
 * or cancelled). Only the nominee may answer (FORBIDDEN). Giving the answer already given does
 * nothing; a declined or withdrawn nomination is final (INVALID_STATUS_TRANSITION). Writes
 * `election.nomination_answered`.
 */
export async function answerNomination(
  ctx: UseCaseContext,
  input: AnswerNominationInput,
): Promise<CandidateRow> {
  const data = parseInput(answerNominationInputSchema, input, 'answer')
  const candidate = await loadCandidate(ctx.db, data.candidateId)
  if (candidate.member_id !== data.memberId) {
    throw new AppError('FORBIDDEN', 'Only the nominee may answer a nomination', {
      candidateId: candidate.id,
    })
  }
  const election = await loadElection(ctx.db, candidate.electionId, 'share')
  refuseIfFinished(election)
  if (election.state !== 'nominating') {
    throw wrongPhase(election, 'nominating', 'Nominations can be answered only until voting opens')
  }
  // Lock the nomination so two answers by the nominee (two tabs) apply one after the other.
  const current = await ctx.db
    .selectFrom('election_candidates')
    .selectAll()
    .where('id', '=', candidate.id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (current.state === data.answer) return current
  if (!ALLOWED_FROM[data.answer].includes(current.state)) {
    throw new AppError(
      'INVALID_STATUS_TRANSITION',
      `A nomination that is ${current.state} cannot be ${data.answer}`,
      { candidateId: current.id, from: current.state, to: data.answer },
    )
  }
  const updated = await ctx.db
    .updateTable('election_candidates')
    .set({ state: data.answer, answered_at: ctx.clock.now() })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendEvent(
    ctx,
    {
      type: 'election.nomination_answered',
      payload: { candidateId: current.id, memberId: current.member_id, answer: data.answer },
    },
    electionPlacement(election),
  )
  return updated
}
