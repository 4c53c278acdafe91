import type { ImportRowError } from '../../../api/types.ts'
import { plural } from '../../../shared/format.ts'

interface ImportProblemsProps {
  readonly errors: readonly ImportRowError[]
  readonly errorCount: number
}

/** Every rejected row the server listed, as a table; the import was all or nothing. */
export function ImportProblems({ errors, errorCount }: ImportProblemsProps) {
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>Nothing was imported.</strong> The file has {plural(errorCount, 'problem')}; fix{' '}
        {errorCount === 1 ? 'it' : 'them'} and import the whole file again.
        {errors.length < errorCount ? ` The first ${errors.length} are listed.` : ''}
      </p>
      <div className="table-wrap">
        <table className="members problems">
          <caption className="visually-hidden">Problems in the file</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems.
              <tr key={`${error.row}-${index}`}>
                <td className="num">{error.row}</td>
                <td className="mono">{error.column ?? '(whole row)'}</td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
