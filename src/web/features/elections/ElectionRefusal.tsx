import { ApiError } from '../../api/client.ts'
import { RefusalError } from '../mandates/RefusalError.tsx'
import { explainRefusal } from './refusals.ts'

/** A refusal beside an election form: what it means in plain words, then the server's message and rules. */
export function ElectionRefusal({
  error,
  labels,
}: {
  readonly error: Error | null
  /** Field names as the form labels them (API name → label). */
  readonly labels?: Readonly<Record<string, string>>
}) {
  if (!error) return null
  const explanation = explainRefusal(error)
  return (
    <>
      {explanation ? (
        <p className="refusal-plain">
          <strong>{explanation}</strong>
          {error instanceof ApiError ? <code className="rule-id">{error.code}</code> : null}
        </p>
      ) : null}
      <RefusalError error={error} {...(labels ? { labels } : {})} />
    </>
  )
}
