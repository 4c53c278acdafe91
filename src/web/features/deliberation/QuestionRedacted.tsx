import { apiGet } from '../../api/client.ts'
import type { BodyDescription } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import { useAsync } from '../../shared/use-async.ts'
import type { RedactedQuestion } from './types.ts'

/**
 * A confidential question seen from outside its audience: that it exists, in which body, raised
 * when. Nothing else reaches the browser (the API sends only these three facts); the body's name
 * comes from the body itself, as far as the reader may see it.
 */
export function QuestionRedacted({ question }: { readonly question: RedactedQuestion }) {
  const body = useAsync(() => apiGet<BodyDescription>(`/bodies/${question.bodyId}`), [question.bodyId])
  const name = body.status === 'ready' ? body.data.body.name : `body #${question.bodyId}`
  return (
    <div className="question-page">
      <nav aria-label="Breadcrumb">
        <a href={bodyHref(question.bodyId)}>← {name}</a>
      </nav>
      <section className="card" aria-labelledby="question-title">
        <h1 id="question-title">Confidential question</h1>
        <p>
          This question is confidential. It was raised in <a href={bodyHref(question.bodyId)}>{name}</a> on{' '}
          {formatLongDate(question.raisedOn)}.
        </p>
        <p className="muted">
          Only its named audience reads it until it is declassified; then it opens to every member in scope.
        </p>
      </section>
    </div>
  )
}
