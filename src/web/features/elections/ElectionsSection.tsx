import { apiGet } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { electionHref } from '../../app/router.ts'
import { formatShortDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import type { BodyPosts } from '../mandates/types.ts'
import { CallElectionForm } from './CallElectionForm.tsx'
import { methodLabel } from './methods.ts'
import { StateBadge } from './StateBadge.tsx'
import type { ElectionSummary, ElectionSummaryPage } from './types.ts'
import './elections.css'

/** '1 Dec 1923 – 5 Dec 1923'. */
function span(from: string, to: string): string {
  return `${formatShortDate(from)} – ${formatShortDate(to)}`
}

/** The dates that matter in the election's state: nominations before voting, then voting. */
function when(election: ElectionSummary): string {
  const voting = `Voting ${span(election.votingOpenAt, election.votingCloseAt)}`
  if (election.state === 'called' || election.state === 'nominating')
    return `Nominations ${span(election.nominationsOpenAt, election.nominationsCloseAt)} · ${voting}`
  return voting
}

/**
 * A body's elections, latest voting close first, each with its state and dates; officers call a
 * new one here. The posts (from the charter at the body's level) feed the call form.
 */
export function ElectionsSection({ body }: { readonly body: Body }) {
  const { version, refresh } = useRefresh()
  const pages = useKeysetPages<ElectionSummary, ElectionSummaryPage>(
    `/bodies/${body.id}/elections?limit=20`,
    nextCursor,
    version,
  )
  const canCall = pages.pages[0]?.permissions.canCall === true
  // The call form's posts; fetched only for those who may call (the Posts section fetches its own).
  const posts = useAsync(
    () => (canCall ? apiGet<BodyPosts>(`/bodies/${body.id}/posts`) : Promise.resolve(null)),
    [body.id, canCall],
    version,
  )
  const definedPosts =
    posts.status === 'ready' && posts.data ? posts.data.posts.filter((post) => post.defined) : []

  return (
    <section aria-labelledby="elections-title" className="card elections">
      <h2 id="elections-title">Elections</h2>
      {canCall ? (
        <ActionBar
          label="Elections"
          actions={[
            {
              id: 'call',
              label: 'Call an election',
              render: (close) => (
                <CallElectionForm
                  bodyId={body.id}
                  bodyName={body.name}
                  posts={definedPosts}
                  onDone={() => {
                    refresh()
                    close()
                  }}
                />
              ),
            },
          ]}
        />
      ) : null}
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">No election has been called in {body.name}.</p>
      ) : null}
      <ul className="election-list">
        {pages.items.map((election) => (
          <li key={election.id}>
            <div className="election-row-head">
              <a href={electionHref(election.id)} className="election-name">
                {election.title}
              </a>
              <StateBadge state={election.state} />
            </div>
            <p className="muted">
              {when(election)} · {methodLabel(election.method)}
              {election.electorateSize !== null ? ` · ${election.electorateSize} electors` : ''}
            </p>
          </li>
        ))}
      </ul>
      <PagesFooter pages={pages} loadingLabel="Loading the elections…" />
    </section>
  )
}
