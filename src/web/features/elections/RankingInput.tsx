import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { addToRanking, type Marks, moveInRanking, ordinal, removeFromRanking } from './ballot-marks.ts'

/** One thing to rank: a candidate of a contest, or an option of a decision vote. */
export interface RankingItem {
  readonly id: number
  readonly name: string
  /** Words shown after the name; null when they exist but are not shown (see hiddenDetail). */
  readonly detail?: string | null
}

interface RankingInputProps {
  /** The group's name, read on entering it. */
  readonly legend: ReactNode
  /** How to rank, and what the ranking means for the count (transfers, or pairwise comparison). */
  readonly instructions: string
  readonly items: readonly RankingItem[]
  readonly ranking: Marks
  readonly onChange: (ranking: Marks) => void
  /** Names the two lists ("Your ranking for …"), where a page holds several rankings. */
  readonly listsFor?: string
  /** What "You have ranked every …" says: candidate, option. */
  readonly noun: string
  /** What an empty ranking says. */
  readonly emptyText: string
  /** Shown in place of an item's detail when it is null. */
  readonly hiddenDetail?: ReactNode
  readonly className?: string
}

/** The button to focus after an edit, so a keyboard user stays where they were working. */
type FocusTarget = { readonly id: number; readonly button: 'add' | 'up' | 'down' | 'remove' }

/**
 * A ranking built with buttons, so it works from the keyboard and with a screen reader: "Add"
 * puts an item at the next preference, Up and Down reorder, Remove takes it out. Each edit is
 * announced, and the focus follows the item (React may move the row's DOM node, which would
 * otherwise drop the focus). The election ballot and the decision ballot both use it.
 */
export function RankingInput({
  legend,
  instructions,
  items,
  ranking,
  onChange,
  listsFor,
  noun,
  emptyText,
  hiddenDetail,
  className,
}: RankingInputProps) {
  const instructionsId = useId()
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const [focus, setFocus] = useState<FocusTarget | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const byId = new Map(items.map((item) => [item.id, item]))
  const ranked = ranking.map((id) => byId.get(id)).filter((item): item is RankingItem => item !== undefined)
  const unranked = items.filter((item) => !ranking.includes(item.id))
  const suffix = listsFor === undefined ? '' : ` for ${listsFor}`

  useEffect(() => {
    if (!focus) return
    buttons.current.get(`${focus.id}-${focus.button}`)?.focus()
    setFocus(null)
  }, [focus])

  const ref = (id: number, button: FocusTarget['button']) => (element: HTMLButtonElement | null) => {
    const key = `${id}-${button}`
    if (element) buttons.current.set(key, element)
    else buttons.current.delete(key)
  }

  function move(item: RankingItem, by: -1 | 1) {
    const next = moveInRanking(ranking, item.id, by)
    const place = next.indexOf(item.id)
    onChange(next)
    setAnnouncement(`${item.name} is now your ${ordinal(place + 1)} choice.`)
    // At either end the button pressed is disabled, so the focus goes to its opposite.
    const atEnd = by === -1 ? place === 0 : place === next.length - 1
    setFocus({ id: item.id, button: atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' })
  }

  function add(item: RankingItem) {
    const next = addToRanking(ranking, item.id)
    onChange(next)
    setAnnouncement(`${item.name} added as your ${ordinal(next.length)} choice.`)
    const following = unranked.find((other) => other.id !== item.id)
    setFocus(following ? { id: following.id, button: 'add' } : { id: item.id, button: 'remove' })
  }

  function remove(item: RankingItem) {
    onChange(removeFromRanking(ranking, item.id))
    setAnnouncement(`${item.name} removed from your ranking.`)
    setFocus({ id: item.id, button: 'add' })
  }

  const label = (item: RankingItem) =>
    item.detail === undefined ? (
      <span className="candidate-name">{item.name}</span>
    ) : (
      <span className="candidate-name">
        <strong>{item.name}:</strong> {item.detail ?? hiddenDetail}
      </span>
    )

  return (
    // A fieldset is a group with a name: its legend, and the instructions as its description, are
    // announced on entering it (aria-describedby on a plain div is not).
    <fieldset
      className={className ? `ranking-input ${className}` : 'ranking-input'}
      aria-describedby={instructionsId}
    >
      <legend>{legend}</legend>
      <p id={instructionsId} className="instructions">
        {instructions}
      </p>
      <div className="ranking-columns">
        <div>
          <h4>Your ranking</h4>
          {ranked.length === 0 ? <p className="empty">{emptyText}</p> : null}
          <ol className="ranked" aria-label={`Your ranking${suffix}`}>
            {ranked.map((item, place) => (
              <li key={item.id}>
                <span className="place">{ordinal(place + 1)}</span>
                {label(item)}
                <span className="ranking-buttons">
                  <button
                    type="button"
                    ref={ref(item.id, 'up')}
                    aria-label={`Up: move ${item.name} up`}
                    disabled={place === 0}
                    onClick={() => move(item, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    ref={ref(item.id, 'down')}
                    aria-label={`Down: move ${item.name} down`}
                    disabled={place === ranked.length - 1}
                    onClick={() => move(item, 1)}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    ref={ref(item.id, 'remove')}
                    aria-label={`Remove ${item.name}`}
                    onClick={() => remove(item)}
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
          {unranked.length === 0 ? <p className="empty">You have ranked every {noun}.</p> : null}
          <ul className="unranked" aria-label={`Not ranked${suffix}`}>
            {unranked.map((item) => (
              <li key={item.id}>
                {label(item)}
                <button
                  type="button"
                  ref={ref(item.id, 'add')}
                  aria-label={`Add ${item.name} as your ${ordinal(ranking.length + 1)} choice`}
                  onClick={() => add(item)}
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
