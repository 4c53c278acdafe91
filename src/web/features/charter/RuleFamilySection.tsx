import { describeRule, FAMILY_HEADINGS } from './rule-families.ts'
import type { FamilyRule, RuleFamily } from './rule-types.ts'
import type { CharterDocument } from './types.ts'

/** The rule with its parameters, found in the document by family and id. */
function fullRule(document: CharterDocument, family: RuleFamily, id: string): FamilyRule | null {
  const rules = document.rules[family] as readonly { readonly id: string }[]
  const rule = rules.find((candidate) => candidate.id === id)
  return rule ? ({ family, rule } as FamilyRule) : null
}

interface RuleFamilySectionProps {
  readonly family: RuleFamily
  readonly rules: readonly { readonly id: string; readonly text: string }[]
  readonly document: CharterDocument
}

/** One family of rules: its heading, then each rule's text, id (which members cite) and parameters. */
export function RuleFamilySection({ family, rules, document }: RuleFamilySectionProps) {
  const heading = FAMILY_HEADINGS[family]
  const titles = new Map(document.rules.posts.map((post) => [post.post, post.title]))
  const postTitle = (post: string) => titles.get(post) ?? post
  const titleId = `family-${family}`
  return (
    <section className="card rule-family" aria-labelledby={titleId}>
      <h2 id={titleId}>{heading.title}</h2>
      <p className="muted">{heading.about}</p>
      <ul className="rules">
        {rules.map((summary) => {
          const entry = fullRule(document, family, summary.id)
          const parameters = entry ? describeRule(entry, postTitle) : []
          const justifications =
            entry?.family === 'elections' ? (entry.rule.appointment?.justifications ?? []) : []
          return (
            <li key={summary.id} className="rule">
              <p className="rule-text">{summary.text}</p>
              <code className="rule-id" title="The rule's id, to cite it">
                {summary.id}
              </code>
              {parameters.length > 0 ? (
                <dl className="rule-params">
                  {parameters.map((parameter) => (
                    <div key={parameter.label}>
                      <dt>{parameter.label}</dt>
                      <dd>{parameter.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {justifications.length > 0 ? (
                <>
                  <p className="sub-label">Appointment allowed only when:</p>
                  <ul className="justifications">
                    {justifications.map((justification) => (
                      <li key={justification.id}>
                        {justification.text} <code className="rule-id">{justification.id}</code>{' '}
                        <span className="muted">
                          — an election is due within {justification.maxMonths} months
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
