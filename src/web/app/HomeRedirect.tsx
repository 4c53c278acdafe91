import { useEffect } from 'react'
import type { Organisation, Principal } from '../api/types.ts'
import { bodyHref, navigate } from './router.ts'

/** The body to start from: the widest grant the user holds, else the organisation's root. */
export function startBodyId(principal: Principal, organisation: Organisation | null): number | null {
  const widest = [...principal.grants].sort((a, b) => a.bodyPath.length - b.bodyPath.length)[0]
  return widest?.bodyId ?? organisation?.rootBodyId ?? null
}

interface HomeRedirectProps {
  readonly principal: Principal
  readonly organisation: Organisation | null
}

/** Home sends the user to their starting body; with none, it says so. */
export function HomeRedirect({ principal, organisation }: HomeRedirectProps) {
  const bodyId = startBodyId(principal, organisation)
  useEffect(() => {
    if (bodyId !== null) navigate(bodyHref(bodyId), { replace: true })
  }, [bodyId])
  if (bodyId !== null) return null
  return (
    <section className="card">
      <h1>Nothing to show yet</h1>
      <p>Your account holds no role on any body, and the organisation has no bodies yet.</p>
    </section>
  )
}
