import { useEffect, useId, useRef, useState } from 'react'
import { addToRanking, type Marks, moveInRanking, ordinal, removeFromRanking } from './ballot-marks.ts'
import type { Candidate } from './types.ts'

interface RankingInputProps {
  readonly title: string
  readonly candidates: readonly Candidate[]
  readonly marks: Marks
  readonly onChange: (marks: Marks) => void
}

/** The button to focus after an edit, so a keyboard user stays where they were working. */
type FocusTarget = { readonly candidateId: number; readonly button: 'add' | 'up' | 'down' | 'remove' }

/**
 * A ranking built with buttons, so it works from the keyboard and with a screen reader: "Add"
 * puts a candidate at the next preference, Up and Down reorder, Remove takes them out. Each edit
 * is announced, and the focus follows the candidate (React may move the row's DOM node, which
 * would otherwise drop the focus).
 */
export function RankingInput({ title, candidates, marks, onChange }: RankingInputProps) {
  const instructionsId = useId()
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const [focus, setFocus] = useState<FocusTarget | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const byId = new Map(candidates.map((candidate) => [candidate.candidateId, candidate]))
  const ranked = marks.map((id) => byId.get(id)).filter((c): c is Candidate => c !== undefined)
  const unranked = candidates.filter((candidate) => !marks.includes(candidate.candidateId))

  useEffect(() => {
    if (!focus) return
    buttons.current.get(`${focus.candidateId}-${focus.button}`)?.focus()
    setFocus(null)
  }, [focus])

  const ref = (candidateId: number, button: FocusTarget['button']) => (element: HTMLButtonElement | null) => {
    const key = `${candidateId}-${button}`
    if (element) buttons.current.set(key, element)
    else buttons.current.delete(key)
  }

  function move(candidate: Candidate, by: -1 | 1) {
    const next = moveInRanking(marks, candidate.candidateId, by)
    const place = next.indexOf(candidate.candidateId)
    onChange(next)
    setAnnouncement(`${candidate.fullName} is now your ${ordinal(place + 1)} choice.`)
    // At either end the button pressed is disabled, so the focus goes to its opposite.
    const atEnd = by === -1 ? place === 0 : place === next.length - 1
    setFocus({
      candidateId: candidate.candidateId,
      button: atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down',
    })
  }

  function add(candidate: Candidate) {
    const next = addToRanking(marks, candidate.candidateId)
    onChange(next)
    setAnnouncement(`${candidate.fullName} added as your ${ordinal(next.length)} choice.`)
    const following = unranked.find((c) => c.candidateId !== candidate.candidateId)
    setFocus(
      following
        ? { candidateId: following.candidateId, button: 'add' }
        : { candidateId: candidate.candidateId, button: 'remove' },
    )
  }

  function remove(candidate: Candidate) {
    onChange(removeFromRanking(marks, candidate.candidateId))
    setAnnouncement(`${candidate.fullName} removed from your ranking.`)
    setFocus({ candidateId: candidate.candidateId, button: 'add' })
  }

  return (
    <div className="ranking-input" aria-describedby={instructionsId}>
      <p id={instructionsId} className="instructions">
        Rank as many candidates as you like, in order of preference: your 1st choice first. Press “Add” beside
        each candidate you want to rank, then “Up” and “Down” to reorder. Your vote passes down your ranking
        when your earlier choices are elected or excluded; candidates you leave out get none of it.
      </p>
      <div className="ranking-columns">
        <div>
          <h4>Your ranking</h4>
          {ranked.length === 0 ? <p className="empty">No one ranked yet: this contest is blank.</p> : null}
          <ol className="ranked" aria-label={`Your ranking for ${title}`}>
            {ranked.map((candidate, index) => (
              <li key={candidate.candidateId}>
                <span className="place">{ordinal(index + 1)}</span>
                <span className="candidate-name">{candidate.fullName}</span>
                <span className="ranking-buttons">
                  <button
                    type="button"
                    ref={ref(candidate.candidateId, 'up')}
                    aria-label={`Up: move ${candidate.fullName} up`}
                    disabled={index === 0}
                    onClick={() => move(candidate, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    ref={ref(candidate.candidateId, 'down')}
                    aria-label={`Down: move ${candidate.fullName} down`}
                    disabled={index === ranked.length - 1}
                    onClick={() => move(candidate, 1)}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    ref={ref(candidate.candidateId, 'remove')}
                    aria-label={`Remove ${candidate.fullName}`}
                    onClick={() => remove(candidate)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h4>Not ranked</h4>
          {unranked.length === 0 ? <p className="empty">You have ranked every candidate.</p> : null}
          <ul className="unranked" aria-label={`Not ranked for ${title}`}>
            {unranked.map((candidate) => (
              <li key={candidate.candidateId}>
                <span className="candidate-name">{candidate.fullName}</span>
                <button
                  type="button"
                  ref={ref(candidate.candidateId, 'add')}
                  aria-label={`Add ${candidate.fullName} as your ${ordinal(marks.length + 1)} choice`}
                  onClick={() => add(candidate)}
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  )
}
