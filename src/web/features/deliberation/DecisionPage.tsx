/** Placeholder until the page is built in this session. */
export function DecisionPage({ decisionId }: { readonly decisionId: number }) {
  return <p>DecisionPage {decisionId}</p>
}
