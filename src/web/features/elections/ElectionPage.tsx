import { useState } from 'react'
import { apiGet } from '../../api/client.ts'
import { bodyHref } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { useAsync } from '../../shared/use-async.ts'
import type { BallotReceipt } from './ballot-types.ts'
import { CancelElectionForm } from './CancelElectionForm.tsx'
import { ContestsSection } from './ContestsSection.tsx'
import { describeTurnout } from './election-format.ts'
import { MyNominations } from './MyNominations.tsx'
import { isMethod, METHODS, methodLabel } from './methods.ts'
import { PhaseTimeline } from './PhaseTimeline.tsx'
import { ResultsSection } from './ResultsSection.tsx'
import { StateBadge } from './StateBadge.tsx'
import type { Election } from './types.ts'
import { VotingSection } from './VotingSection.tsx'
import '../mandates/mandates.css'
import './elections.css'

/**
 * One election (#/elections/:id): its phases against the organisation's date, its posts and
 * candidates with nominations while open, your own nominations, the ballot while voting is open,
 * and the results once closed; officers cancel it from here.
 */
export function ElectionPage({ electionId }: { readonly electionId: number }) {
  const [version, setVersion] = useState(0)
  // The receipt lives here, not in the ballot: the reload after a cast (which says "you have
  // voted") must not lose the one showing of the tracker.
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null)
  const election = useAsync(() => apiGet<Election>(`/elections/${electionId}`), [electionId], version)
  const refresh = () => setVersion((n) => n + 1)
  if (election.status === 'loading') return <Loading label="Loading the election…" />
  if (election.status === 'error') return <ErrorMessage error={election.error} onRetry={election.reload} />
  const data = election.data
  return (
    <div className="election-page">
      <nav aria-label="Breadcrumb">
        <a href={`${bodyHref(data.body.id)}`}>← {data.body.name}</a>
      </nav>
      <section className="card" aria-labelledby="election-title">
        <div className="election-head">
          <h1 id="election-title">{data.title}</h1>
          <StateBadge state={data.state} />
        </div>
        <p>
          Counted by <strong>{methodLabel(data.method)}</strong>
          {isMethod(data.method) ? <span className="muted">: {METHODS[data.method].explanation}</span> : null}
        </p>
        <p className="muted">
          {data.electorateSize === null
            ? 'The electorate is fixed when voting opens.'
            : describeTurnout(data.votersCount, data.electorateSize)}
        </p>
        <PhaseTimeline election={data} />
        {data.permissions.canManage ? (
          <ActionBar
            label="Manage the election"
            actions={[
              {
                id: 'cancel',
                label: 'Cancel the election',
                render: (close) => (
                  <CancelElectionForm
                    election={data}
                    onDone={close}
                    onCancelled={() => {
                      close()
                      refresh()
                    }}
                  />
                ),
              },
            ]}
          />
        ) : null}
      </section>
      <MyNominations election={data} onAnswered={refresh} />
      {data.state === 'voting' || receipt ? (
        <VotingSection
          election={data}
          receipt={receipt}
          onCast={(cast) => {
            setReceipt(cast)
            refresh()
          }}
        />
      ) : null}
      {/* Once closed, the results list every candidate; the contests would only repeat them. */}
      {data.state === 'closed' ? (
        <ResultsSection election={data} />
      ) : (
        <ContestsSection election={data} onNominated={refresh} />
      )}
    </div>
  )
}
