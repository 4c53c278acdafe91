import { useEffect, useId, useRef, useState } from 'react'
import {
  addToRanking,
  type Marks,
  moveInRanking,
  ordinal,
  removeFromRanking,
} from '../elections/ballot-marks.ts'

/** One option as the ranking shows it: its index on the ballot and a name for people. */
export interface RankedOption {
  readonly index: number
  readonly name: string
  readonly text: string | null
}

interface VoteRankingInputProps {
  readonly options: readonly RankedOption[]
  readonly ranking: Marks
  readonly onChange: (ranking: Marks) => void
}

type FocusTarget = { readonly index: number; readonly button: 'add' | 'up' | 'down' | 'remove' }

/**
 * A ranking of the proposal and its counter-proposals built with buttons, as the election ballot's
 * RankingInput is (keyboard and screen reader first: each edit is announced and the focus follows
 * the option), with words for a decision: the options are compared pair by pair (Schulze), so an
 * option left out counts as ranked below every ranked one.
 */
export function VoteRankingInput({ options, ranking, onChange }: VoteRankingInputProps) {
  const instructionsId = useId()
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const [focus, setFocus] = useState<FocusTarget | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const byIndex = new Map(options.map((option) => [option.index, option]))
  const ranked = ranking.map((i) => byIndex.get(i)).filter((o): o is RankedOption => o !== undefined)
  const unranked = options.filter((option) => !ranking.includes(option.index))

  useEffect(() => {
    if (!focus) return
    buttons.current.get(`${focus.index}-${focus.button}`)?.focus()
    setFocus(null)
  }, [focus])

  const ref = (index: number, button: FocusTarget['button']) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(`${index}-${button}`, element)
    else buttons.current.delete(`${index}-${button}`)
  }

  function move(option: RankedOption, by: -1 | 1) {
    const next = moveInRanking(ranking, option.index, by)
    const place = next.indexOf(option.index)
    onChange(next)
    setAnnouncement(`${option.name} is now your ${ordinal(place + 1)} choice.`)
    const atEnd = by === -1 ? place === 0 : place === next.length - 1
    setFocus({ index: option.index, button: atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' })
  }

  function add(option: RankedOption) {
    const next = addToRanking(ranking, option.index)
    onChange(next)
    setAnnouncement(`${option.name} added as your ${ordinal(next.length)} choice.`)
    const following = unranked.find((o) => o.index !== option.index)
    setFocus(
      following ? { index: following.index, button: 'add' } : { index: option.index, button: 'remove' },
    )
  }

  function remove(option: RankedOption) {
    onChange(removeFromRanking(ranking, option.index))
    setAnnouncement(`${option.name} removed from your ranking.`)
    setFocus({ index: option.index, button: 'add' })
  }

  const words = (option: RankedOption) =>
    option.text === null ? <em className="muted">hidden by a moderator</em> : option.text

  return (
    // A fieldset is a group with a name: its legend, and the instructions as its description, are
    // announced on entering it (aria-describedby on a plain div is not).
    <fieldset className="ranking-input vote-ranking" aria-describedby={instructionsId}>
      <legend>Rank the options</legend>
      <p id={instructionsId} className="instructions">
        Rank the options in order of preference, your 1st choice first: press “Add” beside each, then “Up” and
        “Down” to reorder. The options are compared pair by pair; one you leave out counts below all you rank.
      </p>
      <div className="ranking-columns">
        <div>
          <h4>Your ranking</h4>
          {ranked.length === 0 ? <p className="empty">Nothing ranked yet.</p> : null}
          <ol className="ranked" aria-label="Your ranking">
            {ranked.map((option, place) => (
              <li key={option.index}>
                <span className="place">{ordinal(place + 1)}</span>
                <span className="candidate-name">
                  <strong>{option.name}:</strong> {words(option)}
                </span>
                <span className="ranking-buttons">
                  <button
                    type="button"
                    ref={ref(option.index, 'up')}
                    aria-label={`Up: move ${option.name} up`}
                    disabled={place === 0}
                    onClick={() => move(option, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    ref={ref(option.index, 'down')}
                    aria-label={`Down: move ${option.name} down`}
                    disabled={place === ranked.length - 1}
                    onClick={() => move(option, 1)}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    ref={ref(option.index, 'remove')}
                    aria-label={`Remove ${option.name}`}
                    onClick={() => remove(option)}
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
          {unranked.length === 0 ? <p className="empty">You have ranked every option.</p> : null}
          <ul className="unranked" aria-label="Not ranked">
            {unranked.map((option) => (
              <li key={option.index}>
                <span className="candidate-name">
                  <strong>{option.name}:</strong> {words(option)}
                </span>
                <button
                  type="button"
                  ref={ref(option.index, 'add')}
                  aria-label={`Add ${option.name} as your ${ordinal(ranking.length + 1)} choice`}
                  onClick={() => add(option)}
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
    </fieldset>
  )
}
