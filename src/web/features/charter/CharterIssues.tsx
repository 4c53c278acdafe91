import type { CharterIssue } from './types.ts'

/** Whether a value is a list of charter issues (as CHARTER_INVALID's details carry them). */
export function isCharterIssues(value: unknown): value is readonly CharterIssue[] {
  return (
    Array.isArray(value) &&
    value.every(
      (issue) =>
        typeof issue === 'object' &&
        issue !== null &&
        typeof (issue as CharterIssue).line === 'number' &&
        typeof (issue as CharterIssue).message === 'string',
    )
  )
}

/** Every problem of a charter document: line:column, the path in the document, and what is wrong. */
export function CharterIssues({ issues }: { readonly issues: readonly CharterIssue[] }) {
  return (
    <ul className="issues charter-issues" aria-label="Problems in the charter">
      {issues.map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity and never reorder.
        <li key={index}>
          <span className="where">
            {issue.line}:{issue.column}
          </span>
          {issue.path ? <code className="rule-id">{issue.path}</code> : null} {issue.message}
        </li>
      ))}
    </ul>
  )
}
