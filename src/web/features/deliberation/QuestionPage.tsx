/** Placeholder until the page is built in this session. */
export function QuestionPage({ questionId }: { readonly questionId: number }) {
  return <p>QuestionPage {questionId}</p>
}
