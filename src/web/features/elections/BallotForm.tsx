import { type FormEvent, useMemo, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { plural } from '../../shared/format.ts'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { BallotMarksList } from './BallotMarksList.tsx'
import type { Marks } from './ballot-marks.ts'
import type { BallotContest, BallotReceipt } from './ballot-types.ts'
import { ElectionRefusal } from './ElectionRefusal.tsx'
import { MarksInput } from './MarksInput.tsx'
import { ballotKind, maxMarks } from './methods.ts'
import { RankingInput } from './RankingInput.tsx'
import type { Election } from './types.ts'
import './ballot.css'

/** What a ranked ballot asks, and what the ranking does in a transferable count. */
const RANKING_INSTRUCTIONS =
  'Rank as many candidates as you like, in order of preference: your 1st choice first. Press “Add” beside ' +
  'each candidate you want to rank, then “Up” and “Down” to reorder. Your vote passes down your ranking ' +
  'when your earlier choices are elected or excluded; candidates you leave out get none of it.'

interface BallotFormProps {
  readonly election: Election
  /** Called with the receipt once the ballot is in. */
  readonly onCast: (receipt: BallotReceipt) => void
}

/**
 * The secret ballot, in two steps: mark each contest as the method asks (one choice, ticks up to a
 * limit, or a ranking), then review what the ballot says and cast it. A contest left unmarked is
 * cast blank, and the review says so before anything is sent.
 */
export function BallotForm({ election, onCast }: BallotFormProps) {
  const [marks, setMarks] = useState<ReadonlyMap<number, Marks>>(new Map())
  const [reviewing, setReviewing] = useState(false)
  const submission = useSubmit()
  const kind = ballotKind(election.method)
  const ballot: BallotContest[] = election.contests.map((contest) => ({
    contestId: contest.contestId,
    preferences: marks.get(contest.contestId) ?? [],
  }))
  const titles = useMemo(
    () => new Map(election.contests.map((contest) => [contest.contestId, contest.title])),
    [election.contests],
  )
  const names = useMemo(
    () =>
      new Map(
        election.contests.flatMap((contest) =>
          contest.candidates.map((candidate) => [candidate.candidateId, candidate.fullName] as const),
        ),
      ),
    [election.contests],
  )
  const blank = ballot.filter((contest) => contest.preferences.length === 0).length

  function setContest(contestId: number, next: Marks) {
    setMarks((previous) => new Map(previous).set(contestId, next))
  }

  async function cast(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!reviewing) {
      setReviewing(true)
      submission.clearError()
      return
    }
    // The receipt comes back through the submission, which only reports success or failure.
    const answer: { receipt?: BallotReceipt } = {}
    const ok = await submission.run(async () => {
      answer.receipt = await apiSend<BallotReceipt>('POST', `/elections/${election.id}/ballots`, {
        contests: ballot,
      })
    })
    if (ok && answer.receipt) onCast(answer.receipt)
  }

  return (
    <form className="ballot" onSubmit={cast} aria-label="Your ballot">
      {reviewing ? (
        <section className="ballot-review" aria-labelledby="review-title">
          <h3 id="review-title">Check your ballot before you cast it</h3>
          <BallotMarksList contests={ballot} titles={titles} names={names} ranked={() => kind === 'ranked'} />
          {blank > 0 ? (
            <p className="tag warning">
              {plural(blank, 'contest')} will be cast blank: you marked no one there.
            </p>
          ) : null}
          <p className="muted">Once cast, a ballot cannot be changed. No one can see how you voted.</p>
        </section>
      ) : (
        election.contests.map((contest) => {
          const limit = maxMarks(election.method, contest.seats, contest.candidates.length)
          const current = marks.get(contest.contestId) ?? []
          const legend = (
            <>
              {contest.title} — {plural(contest.seats, 'seat')}
            </>
          )
          // A ranked contest is its own fieldset (its instructions are the group's description).
          return kind === 'ranked' ? (
            <RankingInput
              key={contest.contestId}
              className="ballot-contest"
              legend={legend}
              instructions={RANKING_INSTRUCTIONS}
              items={contest.candidates.map((c) => ({ id: c.candidateId, name: c.fullName }))}
              ranking={current}
              onChange={(next) => setContest(contest.contestId, next)}
              listsFor={contest.title}
              noun="candidate"
              emptyText="No one ranked yet: this contest is blank."
            />
          ) : (
            <fieldset key={contest.contestId} className="ballot-contest">
              <legend>{legend}</legend>
              <MarksInput
                contestId={contest.contestId}
                candidates={contest.candidates}
                marks={current}
                limit={limit}
                unlimited={election.method === 'approval'}
                onChange={(next) => setContest(contest.contestId, next)}
              />
            </fieldset>
          )
        })
      )}
      <ElectionRefusal error={submission.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={submission.sending}>
          {reviewing ? (submission.sending ? 'Casting…' : 'Cast my ballot') : 'Review my ballot'}
        </button>
        {reviewing ? (
          <button type="button" disabled={submission.sending} onClick={() => setReviewing(false)}>
            Change my ballot
          </button>
        ) : null}
      </div>
    </form>
  )
}
