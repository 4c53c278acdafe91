import { queryString } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { formatShortDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { PagesFooter, PagesTally } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { AddContactForm } from './AddContactForm.tsx'
import type { Contact } from './types.ts'
import '../accounts/people.css'

const PAGE_SIZE = 50

interface ContactsSectionProps {
  readonly body: Body
  readonly canManage: boolean
}

/** The non-members this body keeps for outreach and public elections, oldest first. */
export function ContactsSection({ body, canManage }: ContactsSectionProps) {
  const { version } = useRefresh()
  const pages = useKeysetPages<Contact>(
    `/bodies/${body.id}/contacts${queryString({ limit: PAGE_SIZE })}`,
    nextCursor,
    version,
  )
  return (
    <section aria-labelledby="contacts-title" className="card contacts">
      <h2 id="contacts-title">Contacts</h2>
      <p className="muted">Non-members {body.name} keeps in touch with, for outreach and public elections.</p>
      {canManage && body.status === 'active' ? (
        <ActionBar
          label="Manage contacts"
          actions={[
            {
              id: 'add-contact',
              label: 'Add contact',
              render: (close) => <AddContactForm body={body} onClose={close} />,
            },
          ]}
        />
      ) : null}
      {pages.items.length > 0 ? (
        <div className="table-wrap">
          <table className="members contacts-table">
            <caption className="visually-hidden">Contacts of {body.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Category</th>
                <th scope="col">E-mail</th>
                <th scope="col">Phone</th>
                <th scope="col">Notes</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((contact) => (
                <tr key={contact.id}>
                  <td>{contact.fullName}</td>
                  <td>{contact.category ?? ''}</td>
                  <td className="mono">{contact.email ?? ''}</td>
                  <td className="mono">{contact.phone ?? ''}</td>
                  <td className="notes">{contact.notes ?? ''}</td>
                  <td>{formatShortDate(contact.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PagesTally pages={pages} noun="contact" empty="No contacts kept here yet." />
      <PagesFooter pages={pages} loadingLabel="Loading contacts…" />
    </section>
  )
}
