import { ApiError } from '../../api/client.ts'

interface Issue {
  readonly field: string | null
  readonly message: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** The per-field problems an error's details name: `issues: [{ path, message }]`, one shape everywhere. */
export function fieldIssues(error: Error): readonly Issue[] {
  if (!(error instanceof ApiError) || !isRecord(error.details)) return []
  const { issues } = error.details
  if (!Array.isArray(issues)) return []
  return issues.filter(isRecord).map((issue) => ({
    field: typeof issue.path === 'string' && issue.path !== '' ? issue.path : null,
    message: typeof issue.message === 'string' ? issue.message : 'is not valid',
  }))
}

interface FormErrorProps {
  readonly error: Error | null
  /** Field names as the user sees them (API name → label). */
  readonly labels?: Readonly<Record<string, string>>
}

/** The server's answer to a form, beside it: the message, then each field's problem. */
export function FormError({ error, labels = {} }: FormErrorProps) {
  if (!error) return null
  const issues = fieldIssues(error)
  return (
    <div className="error" role="alert">
      <p>{error.message || 'Something went wrong.'}</p>
      {issues.length > 0 ? (
        <ul className="issues">
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity and never reorder.
            <li key={index}>
              {issue.field ? <strong>{labels[issue.field] ?? issue.field}: </strong> : null}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
