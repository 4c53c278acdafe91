import { useId } from 'react'
import { type Marks, toggleMark } from './ballot-marks.ts'
import type { Candidate } from './types.ts'

interface MarksInputProps {
  readonly contestId: number
  readonly candidates: readonly Candidate[]
  readonly marks: Marks
  /** 1: radio buttons (plurality); more: checkboxes up to the limit (block, approval). */
  readonly limit: number
  /** Approval: any number may be ticked, so no limit is shown. */
  readonly unlimited: boolean
  readonly onChange: (marks: Marks) => void
}

/**
 * Marks without order: a radio button per candidate for one choice, checkboxes for several, the
 * unticked ones disabled once the limit is reached (so a ballot the server would refuse cannot
 * be made).
 */
export function MarksInput({ contestId, candidates, marks, limit, unlimited, onChange }: MarksInputProps) {
  const name = useId()
  const single = limit === 1
  const full = !single && marks.length >= limit
  return (
    <div className="marks-input">
      <p className="instructions">
        {single
          ? 'Choose one candidate.'
          : unlimited
            ? 'Tick every candidate you approve of: as many as you like.'
            : `Tick up to ${limit} candidates (one per seat).`}
        {!single ? (
          <span className="muted" aria-live="polite">
            {' '}
            {marks.length} ticked{unlimited ? '' : ` of at most ${limit}`}.
          </span>
        ) : null}
      </p>
      <ul className="choices">
        {candidates.map((candidate) => {
          const checked = marks.includes(candidate.candidateId)
          return (
            <li key={candidate.candidateId}>
              <label className="checkbox">
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={single ? `${name}-${contestId}` : undefined}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={() => onChange(toggleMark(marks, candidate.candidateId, limit))}
                />
                {candidate.fullName}
              </label>
            </li>
          )
        })}
      </ul>
      {single && marks.length > 0 ? (
        <button type="button" className="link-button" onClick={() => onChange([])}>
          Clear my choice (leave this contest blank)
        </button>
      ) : null}
    </div>
  )
}
