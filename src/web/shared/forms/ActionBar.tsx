import { type ReactNode, useId, useState } from 'react'

/** One action: its button label and the form it opens (given a function that closes it). */
export interface Action {
  readonly id: string
  readonly label: string
  readonly render: (close: () => void) => ReactNode
}

interface ActionBarProps {
  readonly label: string
  readonly actions: readonly Action[]
}

/**
 * A row of buttons, each opening its form in a panel below the row (one at a time). Plain
 * buttons with aria-expanded: keyboard users tab to them and press Enter, as for any button.
 */
export function ActionBar({ label, actions }: ActionBarProps) {
  const [open, setOpen] = useState<string | null>(null)
  const id = useId()
  const current = actions.find((action) => action.id === open) ?? null
  if (actions.length === 0) return null
  return (
    <div className="action-bar">
      <fieldset className="action-buttons">
        <legend className="visually-hidden">{label}</legend>
        {actions.map((action) => (
          <button
            key={action.id}
            type="button"
            aria-expanded={open === action.id}
            aria-controls={`${id}-panel`}
            className={open === action.id ? 'open' : undefined}
            onClick={() => setOpen(open === action.id ? null : action.id)}
          >
            {action.label}
          </button>
        ))}
      </fieldset>
      {current ? (
        <div id={`${id}-panel`} className="action-panel">
          {current.render(() => setOpen(null))}
        </div>
      ) : null}
    </div>
  )
}
