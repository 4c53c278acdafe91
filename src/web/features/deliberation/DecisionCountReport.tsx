import { optionName } from './decision-format.ts'
import type { Decision } from './decision-types.ts'
import { schulzeReport } from './decision-types.ts'

/**
 * What the vote counted: yes, no and abstentions; or, for a choice, the options with the one
 * adopted, the Schulze ranking and the pairwise table (how many ranked the row's option above the
 * column's), with the lot's seed so anyone can redo the count.
 */
export function DecisionCountReport({ decision }: { readonly decision: Decision }) {
  if (decision.counts) {
    const { yes, no, abstain } = decision.counts
    return (
      <table className="counts-table" aria-label="The vote">
        <tbody>
          <tr>
            <th scope="row">Yes</th>
            <td>{yes}</td>
          </tr>
          <tr>
            <th scope="row">No</th>
            <td>{no}</td>
          </tr>
          <tr>
            <th scope="row">Abstain</th>
            <td>{abstain}</td>
          </tr>
        </tbody>
      </table>
    )
  }
  const options = decision.options
  if (!options) return null
  const report = schulzeReport(decision.countReport)
  const name = (index: number) => {
    const option = options.find((o) => o.index === index)
    return option ? optionName(option) : `Option ${index}`
  }
  return (
    <>
      <ol className="plain-list" aria-label="The options">
        {options.map((option) => (
          <li key={option.index}>
            <strong>{optionName(option)}</strong>{' '}
            {option.chosen ? <span className="badge outcome-adopted">Adopted</span> : null}
            <p>{option.text ?? <em className="muted">Hidden by a moderator for conduct.</em>}</p>
          </li>
        ))}
      </ol>
      {report ? (
        <>
          <p>
            {report.ballots} {report.ballots === 1 ? 'ballot' : 'ballots'} counted by the Schulze method.
            {report.ranking && report.ranking.length > 0
              ? ` Ranking: ${report.ranking.map((group) => group.map(name).join(' = ')).join(' › ')}.`
              : ''}
          </p>
          {report.pairwise ? (
            <table className="pairwise-table" aria-label="Pairwise count">
              <caption className="muted">Voters who ranked the row’s option above the column’s</caption>
              <thead>
                <tr>
                  <td />
                  {options.map((option) => (
                    <th key={option.index} scope="col">
                      {optionName(option)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {options.map((row) => (
                  <tr key={row.index}>
                    <th scope="row">{optionName(row)}</th>
                    {options.map((column) => {
                      if (column.index === row.index) return <td key={column.index}>—</td>
                      const over = report.pairwise?.preferences[row.index]?.[column.index] ?? 0
                      const under = report.pairwise?.preferences[column.index]?.[row.index] ?? 0
                      return (
                        <td key={column.index} className={over > under ? 'wins' : undefined}>
                          {over}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {report.tieBreaks && report.tieBreaks.length > 0 ? (
            <p className="muted">A tie was broken by the recorded lot.</p>
          ) : null}
          <p className="muted">
            Lot seed <code>{report.tieBreakSeed}</code>
          </p>
        </>
      ) : null}
    </>
  )
}
