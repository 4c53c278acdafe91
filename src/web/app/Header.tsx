import type { Organisation, Principal } from '../api/types.ts'
import { OrganisationDate } from '../features/orgs/OrganisationDate.tsx'
import { UserMenu } from '../features/session/UserMenu.tsx'
import { startBodyId } from './HomeRedirect.tsx'
import { auditHref, CHARTER_HREF, useRoute } from './router.ts'

interface HeaderProps {
  readonly organisation: Organisation | null
  readonly principal: Principal | null
  readonly onSignOut: () => Promise<void>
}

/** The organisation's name and date, the main links, and who is signed in. */
export function Header({ organisation, principal, onSignOut }: HeaderProps) {
  const route = useRoute()
  // The audit of where the user starts from: the widest body they hold a role on, else the root.
  const auditBodyId = principal ? startBodyId(principal, organisation) : null
  return (
    <header className="app-header">
      <div className="brand">
        <a href="#/" className="org-name">
          {organisation?.name ?? 'Charter'}
        </a>
        {organisation ? <OrganisationDate organisation={organisation} /> : null}
      </div>
      {principal ? (
        <nav className="main-nav" aria-label="Main">
          <a href={CHARTER_HREF} aria-current={route.page === 'charter' ? 'page' : undefined}>
            Charter
          </a>
          {auditBodyId !== null ? (
            <a href={auditHref(auditBodyId)} aria-current={route.page === 'audit' ? 'page' : undefined}>
              Audit
            </a>
          ) : null}
        </nav>
      ) : null}
      {principal ? <UserMenu principal={principal} onSignOut={onSignOut} /> : null}
    </header>
  )
}
