import { useContext, useState } from 'react'
import { apiGet } from '../../api/client.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { Loading } from '../../shared/Loading.tsx'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { DecisionOutcomeSummary } from './DecisionOutcomeSummary.tsx'
import type { Decision, DecisionVote } from './decision-types.ts'
import type { QuestionView } from './types.ts'
import { UrgentDecisionForm } from './UrgentDecisionForm.tsx'
import { VoteBallotForm } from './VoteBallotForm.tsx'
import { VoteCloseForm } from './VoteCloseForm.tsx'
import { VoteOpenForm } from './VoteOpenForm.tsx'
import { VoteProgress } from './VoteProgress.tsx'
import { mayPutToVote } from './vote-readiness.ts'
import './decisions.css'

/**
 * The vote and the decision on the question page. Officers put the question to the vote (when the
 * server's rules allow it) or decide it urgently; deciding members vote while it is open; everyone
 * sees the vote's progress and, once decided, the decision with a link to its page.
 */
export function QuestionDecisionPanel({ question }: { readonly question: QuestionView }) {
  const page = useRefresh()
  const now = useContext(OrganisationContext)?.now ?? null
  // The page reloads the question after an action; until it has, the panel keeps what the action
  // answered, so it never shows a stale phase.
  const [opened, setOpened] = useState<DecisionVote | null>(null)
  const [decided, setDecided] = useState<Decision | null>(null)
  const [local, setLocal] = useState(0)
  const version = page.version + local
  const changed = () => {
    setLocal((n) => n + 1)
    page.refresh()
  }
  const decisionId = question.decisionId ?? decided?.id ?? null
  const voting = decisionId === null && (question.state === 'voting' || opened !== null)
  const vote = useAsync(
    () => (voting ? apiGet<DecisionVote>(`/questions/${question.id}/vote`) : Promise.resolve(null)),
    [question.id, voting],
    version,
  )
  const manage = question.permissions.canManage
  const onDecided = (decision: Decision) => {
    setDecided(decision)
    changed()
  }

  function content() {
    if (decisionId !== null) return <DecisionOutcomeSummary decisionId={decisionId} version={version} />
    if (question.state === 'withdrawn')
      return <p className="muted">The question was withdrawn: nothing is decided.</p>
    if (!voting) {
      return (
        <p className="muted">
          {question.state === 'collecting'
            ? 'The question is still collecting signatures.'
            : 'Not yet put to the vote.'}
          {question.major
            ? ` A major question${question.majorRuleId ? ` (${question.majorRuleId})` : ''} is decided only after its discussion is completed.`
            : ''}
        </p>
      )
    }
    if (vote.status === 'loading') return <Loading label="Loading the vote…" />
    if (vote.status === 'error') return <ErrorMessage error={vote.error} onRetry={vote.reload} />
    const open = vote.data
    if (!open) return null
    return (
      <>
        <VoteProgress vote={open} />
        {open.me.hasVoted ? <p className="you-voted">You voted. Your vote is recorded.</p> : null}
        {open.permissions.canVote ? (
          <VoteBallotForm
            vote={open}
            onVoted={() => {
              changed()
            }}
          />
        ) : null}
      </>
    )
  }

  const actions: Action[] = []
  if (manage && decisionId === null) {
    if (voting && vote.status === 'ready' && vote.data?.permissions.canClose) {
      actions.push({
        id: 'close',
        label: 'Close the vote',
        render: (close) => <VoteCloseForm questionId={question.id} onDecided={onDecided} onCancel={close} />,
      })
    }
    if (!voting && mayPutToVote(question, now)) {
      actions.push({
        id: 'vote',
        label: 'Put to the vote',
        render: (close) => (
          <VoteOpenForm
            question={question}
            onOpened={(answer) => {
              setOpened(answer)
              close()
              changed()
            }}
            onCancel={close}
          />
        ),
      })
    }
    if (['collecting', 'discussion', 'discussed', 'voting'].includes(question.state)) {
      actions.push({
        id: 'urgent',
        label: 'Decide urgently',
        render: (close) => <UrgentDecisionForm question={question} onDecided={onDecided} onCancel={close} />,
      })
    }
  }

  return (
    <section aria-labelledby="decision-panel-title" className="card decision-panel">
      <h2 id="decision-panel-title">Vote and decision</h2>
      {content()}
      <ActionBar label="Decide the question" actions={actions} />
    </section>
  )
}
