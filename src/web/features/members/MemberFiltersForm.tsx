import { type FormEvent, useId, useState } from 'react'
import {
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type MemberCategory,
  type MemberStatus,
} from '../../api/types.ts'
import { humanise } from '../../shared/format.ts'
import { type MemberFilters, NO_FILTERS } from './filters.ts'

interface MemberFiltersFormProps {
  readonly value: MemberFilters
  readonly onChange: (filters: MemberFilters) => void
}

function isStatus(value: string): value is MemberStatus {
  return (MEMBER_STATUSES as readonly string[]).includes(value)
}

function isCategory(value: string): value is MemberCategory {
  return (MEMBER_CATEGORIES as readonly string[]).includes(value)
}

/** Standing (at least N years at the organisation's date), status and category; applied on submit. */
export function MemberFiltersForm({ value, onChange }: MemberFiltersFormProps) {
  const [standing, setStanding] = useState(
    value.minStandingYears === null ? '' : String(value.minStandingYears),
  )
  const [status, setStatus] = useState<string>(value.status ?? '')
  const [category, setCategory] = useState<string>(value.category ?? '')
  const id = useId()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const years = standing.trim() === '' ? null : Number(standing)
    onChange({
      minStandingYears: years !== null && Number.isInteger(years) && years >= 0 ? years : null,
      status: isStatus(status) ? status : null,
      category: isCategory(category) ? category : null,
    })
  }

  function clear() {
    setStanding('')
    setStatus('')
    setCategory('')
    onChange(NO_FILTERS)
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter members">
      <div className="field">
        <label htmlFor={`${id}-standing`}>Standing at least (years)</label>
        <input
          id={`${id}-standing`}
          type="number"
          inputMode="numeric"
          min={0}
          max={150}
          step={1}
          value={standing}
          onChange={(event) => setStanding(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">Any status</option>
          {MEMBER_STATUSES.map((option) => (
            <option key={option} value={option}>
              {humanise(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={category} onChange={(event) => setCategory(event.target.value)}>
          <option value="">Any category</option>
          {MEMBER_CATEGORIES.map((option) => (
            <option key={option} value={option}>
              {humanise(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  )
}
