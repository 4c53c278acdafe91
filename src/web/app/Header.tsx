import type { Organisation, Principal } from '../api/types.ts'
import { OrganisationDate } from '../features/orgs/OrganisationDate.tsx'
import { UserMenu } from '../features/session/UserMenu.tsx'

interface HeaderProps {
  readonly organisation: Organisation | null
  readonly principal: Principal | null
  readonly onSignOut: () => Promise<void>
}

/** The organisation's name and date, and who is signed in. */
export function Header({ organisation, principal, onSignOut }: HeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <a href="#/" className="org-name">
          {organisation?.name ?? 'Charter'}
        </a>
        {organisation ? <OrganisationDate organisation={organisation} /> : null}
      </div>
      {principal ? <UserMenu principal={principal} onSignOut={onSignOut} /> : null}
    </header>
  )
}
