import { useContext, useState } from 'react'
import { queryString } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { InitiativeForm } from './InitiativeForm.tsx'
import { QuestionListItem } from './QuestionListItem.tsx'
import { QuestionRaiseForm } from './QuestionRaiseForm.tsx'
import {
  describeCounts,
  NO_QUESTION_FILTERS,
  type QuestionFilters,
  QuestionsFilters,
} from './QuestionsFilters.tsx'
import { useDeliberationCharter } from './question-charter.ts'
import type { QuestionListPage, QuestionSummary, RedactedQuestion } from './types.ts'
import './deliberation.css'

/**
 * A body's questions, latest raised first, each with its state (and the days its discussion has
 * left), major with the rule that says so; search and a state filter with counts. Officers raise
 * a question and export the list as CSV; members in scope start an initiative. A confidential
 * question the reader may not read is one line: that it exists, and when.
 */
export function QuestionsSection({ body }: { readonly body: Body }) {
  const { version } = useRefresh()
  const [filters, setFilters] = useState<QuestionFilters>(NO_QUESTION_FILTERS)
  const now = useContext(OrganisationContext)?.now ?? null
  const query = `/bodies/${body.id}/questions${queryString({ q: filters.q, state: filters.state, limit: 20 })}`
  const pages = useKeysetPages<QuestionSummary | RedactedQuestion, QuestionListPage>(
    query,
    nextCursor,
    version,
  )
  const first = pages.pages[0]
  const permissions = first?.permissions
  const mayAct = permissions?.canRaise === true || permissions?.canStartInitiative === true
  const charter = useDeliberationCharter(mayAct)
  const counts = first ? describeCounts(first.counts) : ''
  const filtered = filters.q !== '' || filters.state !== null

  return (
    <section aria-labelledby="questions-title" className="card questions">
      <div className="section-head">
        <h2 id="questions-title">Questions</h2>
        {permissions?.canExport ? (
          <a className="button" href={`/api/bodies/${body.id}/questions.csv`} download>
            Export as CSV
          </a>
        ) : null}
      </div>
      {permissions ? (
        <ActionBar
          label="Questions"
          actions={[
            ...(permissions.canRaise
              ? [
                  {
                    id: 'raise',
                    label: 'Raise a question',
                    render: (close: () => void) => (
                      <QuestionRaiseForm
                        bodyId={body.id}
                        bodyName={body.name}
                        charter={charter}
                        onCancel={close}
                      />
                    ),
                  },
                ]
              : []),
            ...(permissions.canStartInitiative
              ? [
                  {
                    id: 'initiative',
                    label: 'Start an initiative',
                    render: (close: () => void) => (
                      <InitiativeForm
                        bodyId={body.id}
                        bodyName={body.name}
                        charter={charter}
                        onCancel={close}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      <QuestionsFilters value={filters} counts={first?.counts ?? null} onChange={setFilters} />
      {counts ? <p className="muted question-counts">{counts}</p> : null}
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">
          {filtered ? 'No question matches.' : `No question has been raised in ${body.name}.`}
        </p>
      ) : null}
      <ul className="question-list">
        {pages.items.map((item) => (
          <QuestionListItem key={item.id} item={item} now={now} />
        ))}
      </ul>
      <PagesFooter pages={pages} loadingLabel="Loading the questions…" />
    </section>
  )
}
