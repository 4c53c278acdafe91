import { ApiError } from '../../api/client.ts'
import { FormError } from '../../shared/forms/FormError.tsx'

/** The charter rule ids an error's details cite (`ruleId`, or `ruleIds` for several). */
export function citedRuleIds(error: Error): readonly string[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return []
  const details = error.details as { ruleId?: unknown; ruleIds?: unknown }
  const ids = [
    ...(typeof details.ruleId === 'string' ? [details.ruleId] : []),
    ...(Array.isArray(details.ruleIds) ? details.ruleIds.filter((id) => typeof id === 'string') : []),
  ]
  return [...new Set(ids)]
}

interface RefusalErrorProps {
  readonly error: Error | null
  readonly labels?: Readonly<Record<string, string>>
}

/**
 * A refusal beside its form: the server's message, each field's problem, and the charter rule
 * that decided, so the user can look the rule up and cite it.
 */
export function RefusalError({ error, labels }: RefusalErrorProps) {
  if (!error) return null
  const ruleIds = citedRuleIds(error)
  return (
    <>
      <FormError error={error} {...(labels ? { labels } : {})} />
      {ruleIds.length > 0 ? (
        <p className="refusal-rule">
          {ruleIds.length === 1 ? 'Rule' : 'Rules'}:{' '}
          {ruleIds.map((id) => (
            <code key={id} className="rule-id">
              {id}
            </code>
          ))}
        </p>
      ) : null}
    </>
  )
}
