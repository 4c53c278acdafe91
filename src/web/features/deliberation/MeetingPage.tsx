/** Placeholder until the page is built in this session. */
export function MeetingPage({ meetingId }: { readonly meetingId: number }) {
  return <p>MeetingPage {meetingId}</p>
}
