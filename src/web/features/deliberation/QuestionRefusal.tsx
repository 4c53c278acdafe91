import { ApiError } from '../../api/client.ts'
import { FormError } from '../../shared/forms/FormError.tsx'
import { citedRuleIds } from '../mandates/RefusalError.tsx'

interface QuestionRefusalProps {
  readonly error: Error | null
  /** Field names as the form labels them (API name → label). */
  readonly labels?: Readonly<Record<string, string>>
}

/**
 * A refusal of a deliberation route beside the form or button that met it: its code and the
 * charter rule that decided (e.g. NOT_IN_SCOPE · deliberation.criticism), so a member can look
 * the rule up and cite it, then the server's message and each field's problem.
 */
export function QuestionRefusal({ error, labels }: QuestionRefusalProps) {
  if (!error) return null
  const ruleIds = citedRuleIds(error)
  const code = error instanceof ApiError && error.code !== 'HTTP_ERROR' ? error.code : null
  return (
    <div className="question-refusal">
      {code ? (
        <p className="refusal-code">
          <code>{code}</code>
          {ruleIds.map((id) => (
            <span key={id}>
              {' · '}
              <code className="rule-id">{id}</code>
            </span>
          ))}
        </p>
      ) : null}
      <FormError error={error} {...(labels ? { labels } : {})} />
    </div>
  )
}
