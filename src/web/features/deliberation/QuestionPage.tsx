import { useMemo, useState } from 'react'
import { apiGet } from '../../api/client.ts'
import { bodyHref } from '../../app/router.ts'
import { Loading } from '../../shared/Loading.tsx'
import { type Refresh, RefreshContext } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { CriticismSection } from './CriticismSection.tsx'
import { DiscussionTimeline } from './DiscussionTimeline.tsx'
import { QuestionDecisionPanel } from './QuestionDecisionPanel.tsx'
import { QuestionHeader } from './QuestionHeader.tsx'
import { QuestionRedacted } from './QuestionRedacted.tsx'
import { QuestionRefusal } from './QuestionRefusal.tsx'
import { SignaturesPanel } from './SignaturesPanel.tsx'
import type { Question } from './types.ts'
import '../elections/elections.css'
import './deliberation.css'

/**
 * One question (#/questions/:id): the question and its proposal with supporters, an initiative's
 * signatures, the discussion's limits and timeline, the vote and decision, and the threaded
 * criticism. A confidential question outside its audience reads as a notice that it exists.
 */
export function QuestionPage({ questionId }: { readonly questionId: number }) {
  // Every action bumps the version: the question, the vote and the thread reload in place.
  const [version, setVersion] = useState(0)
  const refresh = useMemo<Refresh>(() => ({ version, refresh: () => setVersion((n) => n + 1) }), [version])
  const question = useAsync(() => apiGet<Question>(`/questions/${questionId}`), [questionId], version)
  if (question.status === 'loading') return <Loading label="Loading the question…" />
  if (question.status === 'error')
    return (
      <section className="card">
        <QuestionRefusal error={question.error} />
        <button type="button" className="link-button" onClick={question.reload}>
          Try again
        </button>
      </section>
    )
  const data = question.data
  if (data.redacted) return <QuestionRedacted question={data} />
  return (
    <RefreshContext value={refresh}>
      <div className="question-page">
        <nav aria-label="Breadcrumb">
          <a href={bodyHref(data.body.id)}>← {data.body.name}</a>
        </nav>
        <QuestionHeader question={data} />
        <SignaturesPanel question={data} />
        <DiscussionTimeline question={data} />
        <QuestionDecisionPanel question={data} />
        <CriticismSection question={data} />
      </div>
    </RefreshContext>
  )
}
