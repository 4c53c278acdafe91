import { type ReactNode, useId } from 'react'

interface FieldProps {
  readonly label: string
  readonly hint?: string
  readonly wide?: boolean
  /** Renders the control with the id the label points at (and the hint's id when there is one). */
  readonly children: (id: string, describedBy: string | undefined) => ReactNode
}

/** A labelled form control with an optional hint below it. */
export function Field({ label, hint, wide, children }: FieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  )
}
