import { queryString } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { formatShortDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { PagesFooter, PagesTally } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { AddPersonForm } from './AddPersonForm.tsx'
import { GrantRoleForm } from './GrantRoleForm.tsx'
import { RevokeButton } from './RevokeButton.tsx'
import { type AccessGrant, ROLE_LABELS } from './types.ts'
import './people.css'

const PAGE_SIZE = 50

/** For admins: who holds which role on this body and below it; add, grant, revoke. */
export function PeopleSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const pages = useKeysetPages<AccessGrant>(
    `/bodies/${body.id}/access${queryString({ limit: PAGE_SIZE })}`,
    nextCursor,
    version,
  )
  const active = body.status === 'active'
  return (
    <section aria-labelledby="people-title" className="card people">
      <h2 id="people-title">People with access</h2>
      <p className="muted">
        Roles granted on {body.name} and the bodies below it. A role reaches the whole subtree of its body.
      </p>
      {active ? (
        <ActionBar
          label="Manage access"
          actions={[
            {
              id: 'add-person',
              label: 'Add person',
              render: (close) => <AddPersonForm body={body} onClose={close} />,
            },
            {
              id: 'grant-role',
              label: 'Grant role',
              render: (close) => <GrantRoleForm body={body} onClose={close} />,
            },
          ]}
        />
      ) : null}
      {pages.items.length > 0 ? (
        <div className="table-wrap">
          <table className="members access-table">
            <caption className="visually-hidden">People with access to {body.name}</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">On</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((grant) => (
                <tr key={grant.grantId}>
                  <td>
                    {grant.displayName}
                    {grant.disabled ? <span className="tag warning">disabled</span> : null}
                  </td>
                  <td className="mono">{grant.email}</td>
                  <td>
                    <span className={`badge role-${grant.role}`}>{ROLE_LABELS[grant.role]}</span>
                  </td>
                  {/* Plain text, not a link: the page already links every body below it once. */}
                  <td>{grant.bodyName}</td>
                  <td>{formatShortDate(grant.grantedAt)}</td>
                  <td className="row-action">
                    <RevokeButton grant={grant} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PagesTally pages={pages} noun="grant" empty="Nobody holds a role here or below yet." />
      <PagesFooter pages={pages} loadingLabel="Loading people…" />
    </section>
  )
}
