import { useState } from 'react'
import type { Principal } from '../../api/types.ts'
import { MY_DATA_HREF, PASSWORD_HREF } from '../../app/router.ts'

interface UserMenuProps {
  readonly principal: Principal
  readonly onSignOut: () => Promise<void>
}

/** The signed-in user's name, their roles, and the sign-out button. */
export function UserMenu({ principal, onSignOut }: UserMenuProps) {
  const [busy, setBusy] = useState(false)
  const roles = principal.grants.map((grant) => `${grant.role} of ${grant.bodyName}`).join(', ')
  return (
    <div className="user-menu">
      <span className="user-name" title={roles || undefined}>
        {principal.displayName}
      </span>
      {principal.memberId !== null ? (
        <a href={MY_DATA_HREF} className="link-button">
          My data
        </a>
      ) : null}
      <a href={PASSWORD_HREF} className="link-button">
        Change password
      </a>
      <button
        type="button"
        className="link-button"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          onSignOut().finally(() => setBusy(false))
        }}
      >
        Sign out
      </button>
    </div>
  )
}
