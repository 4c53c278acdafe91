import { useEffect, useState } from 'react'
import type { Organisation } from '../../api/types.ts'
import { formatLongDate } from '../../shared/format.ts'

/**
 * The organisation's date, on its own clock (the demo lives in 1923). The offset from this
 * browser's clock is taken once, then the date moves on in real time as the organisation's does.
 */
export function OrganisationDate({ organisation }: { readonly organisation: Organisation }) {
  const [offset] = useState(() => Date.parse(organisation.now) - Date.now())
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000)
    return () => window.clearInterval(timer)
  }, [])
  const today = new Date(now + offset).toISOString().slice(0, 10)
  return (
    <time className="org-date" dateTime={today} title="The organisation's date">
      {formatLongDate(today)}
    </time>
  )
}
