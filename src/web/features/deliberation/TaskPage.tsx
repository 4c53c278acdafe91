/** Placeholder until the page is built in this session. */
export function TaskPage({ taskId }: { readonly taskId: number }) {
  return <p>TaskPage {taskId}</p>
}
