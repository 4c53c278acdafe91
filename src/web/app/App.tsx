import { apiGet } from '../api/client.ts'
import type { Organisation } from '../api/types.ts'
import { ChangePasswordPage } from '../features/accounts/ChangePasswordPage.tsx'
import { LogIntegrityPage } from '../features/activity/LogIntegrityPage.tsx'
import { AuditPage } from '../features/audit/AuditPage.tsx'
import { CharterPage } from '../features/charter/CharterPage.tsx'
import { DecisionPage } from '../features/deliberation/DecisionPage.tsx'
import { MeetingPage } from '../features/deliberation/MeetingPage.tsx'
import { QuestionPage } from '../features/deliberation/QuestionPage.tsx'
import { TaskPage } from '../features/deliberation/TaskPage.tsx'
import { ElectionPage } from '../features/elections/ElectionPage.tsx'
import { BodyPage } from '../features/orgs/BodyPage.tsx'
import { MyDataPage } from '../features/privacy/MyDataPage.tsx'
import { SignInPage } from '../features/session/SignInPage.tsx'
import { useSession } from '../features/session/use-session.ts'
import { ErrorMessage } from '../shared/ErrorMessage.tsx'
import { Loading } from '../shared/Loading.tsx'
import { OrganisationContext } from '../shared/organisation-context.ts'
import { useAsync } from '../shared/use-async.ts'
import { Header } from './Header.tsx'
import { HomeRedirect } from './HomeRedirect.tsx'
import { useRoute } from './router.ts'

/** The whole app: header, then sign-in or the page the URL names. */
export function App() {
  const organisation = useAsync(() => apiGet<Organisation>('/organisation'), [])
  const session = useSession()
  const route = useRoute()
  const org = organisation.status === 'ready' ? organisation.data : null
  const principal = session.state.status === 'signed-in' ? session.state.principal : null

  function content() {
    switch (session.state.status) {
      case 'checking':
        return <Loading />
      case 'failed':
        return <ErrorMessage error={session.state.error} onRetry={session.recheck} />
      case 'signed-out':
        return <SignInPage organisationName={org?.name ?? null} onSignIn={session.signIn} />
      case 'signed-in':
        switch (route.page) {
          case 'home':
            return <HomeRedirect principal={session.state.principal} organisation={org} />
          case 'body':
            return <BodyPage key={route.bodyId} bodyId={route.bodyId} memberId={route.memberId} />
          case 'audit':
            return <AuditPage key={route.bodyId} bodyId={route.bodyId} asOf={route.asOf} />
          case 'my-data':
            return <MyDataPage />
          case 'password':
            return <ChangePasswordPage />
          case 'log':
            return <LogIntegrityPage />
          case 'charter':
            return <CharterPage versionId={route.versionId} />
          case 'election':
            return <ElectionPage key={route.electionId} electionId={route.electionId} />
          case 'question':
            return <QuestionPage key={route.questionId} questionId={route.questionId} />
          case 'decision':
            return <DecisionPage key={route.decisionId} decisionId={route.decisionId} />
          case 'meeting':
            return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
          case 'task':
            return <TaskPage key={route.taskId} taskId={route.taskId} />
          case 'not-found':
            return (
              <section className="card">
                <h1>Page not found</h1>
                <p>
                  There is no page at <code>{route.hash}</code>. <a href="#/">Go to the start page</a>.
                </p>
              </section>
            )
        }
    }
  }

  return (
    <OrganisationContext value={org}>
      <button
        type="button"
        className="skip-link"
        onClick={() => {
          // A button, not a #main link: the URL hash belongs to the router.
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </button>
      <Header organisation={org} principal={principal} onSignOut={session.signOut} />
      <main id="main" tabIndex={-1}>
        {organisation.status === 'error' ? (
          <ErrorMessage error={organisation.error} onRetry={organisation.reload} />
        ) : null}
        {content()}
      </main>
    </OrganisationContext>
  )
}
