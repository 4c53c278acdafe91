import { useSyncExternalStore } from 'react'

/** The app's pages, parsed from the URL hash so every view has a link and the back button works. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'body'; readonly bodyId: number; readonly memberId: number | null }
  | { readonly page: 'audit'; readonly bodyId: number; readonly asOf: string | null }
  | { readonly page: 'my-data' }
  | { readonly page: 'password' }
  | { readonly page: 'log' }
  | { readonly page: 'charter'; readonly versionId: number | null }
  | { readonly page: 'election'; readonly electionId: number }
  | { readonly page: 'question'; readonly questionId: number }
  | { readonly page: 'decision'; readonly decisionId: number }
  | { readonly page: 'meeting'; readonly meetingId: number }
  | { readonly page: 'task'; readonly taskId: number }
  | { readonly page: 'not-found'; readonly hash: string }

/** The signed-in member's own data (personal-data rights). */
export const MY_DATA_HREF = '#/me/data'

/** The signed-in user's password form. */
export const PASSWORD_HREF = '#/me/password'

/** The integrity of the whole event log (admins at the root). */
export const LOG_HREF = '#/log'

/** The charter in force, its versions and rules. */
export const CHARTER_HREF = '#/charter'

/** The charter page with one version's source open. */
export function charterVersionHref(versionId: number): string {
  return `${CHARTER_HREF}/versions/${versionId}`
}

/** One election's page. */
export function electionHref(electionId: number): string {
  return `#/elections/${electionId}`
}

/** One question's page: its proposal, discussion, vote and decision. */
export function questionHref(questionId: number): string {
  return `#/questions/${questionId}`
}

/** One decision's page: its vote, quorum, ratification and tasks. */
export function decisionHref(decisionId: number): string {
  return `#/decisions/${decisionId}`
}

/** One meeting's page: agenda, attendance and quorum, minutes. */
export function meetingHref(meetingId: number): string {
  return `#/meetings/${meetingId}`
}

/** One task's page: owner, deadline, progress reports. */
export function taskHref(taskId: number): string {
  return `#/tasks/${taskId}`
}

const DELIBERATION_PAGES = /^\/(questions|decisions|meetings|tasks)\/(\d+)\/?$/

/** Parses '#/bodies/12', '#/bodies/12/members/40' or '#/me/data' (anything else is home or not found). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  if (path === '/' || path === '') return { page: 'home' }
  if (path === MY_DATA_HREF.slice(1)) return { page: 'my-data' }
  if (path === PASSWORD_HREF.slice(1)) return { page: 'password' }
  if (path === LOG_HREF.slice(1)) return { page: 'log' }
  const charter = /^\/charter(?:\/versions\/(\d+))?\/?$/.exec(path)
  if (charter) return { page: 'charter', versionId: charter[1] ? Number(charter[1]) : null }
  const election = /^\/elections\/(\d+)\/?$/.exec(path)
  if (election) return { page: 'election', electionId: Number(election[1]) }
  const deliberation = DELIBERATION_PAGES.exec(path)
  if (deliberation) {
    const id = Number(deliberation[2])
    switch (deliberation[1]) {
      case 'questions':
        return { page: 'question', questionId: id }
      case 'decisions':
        return { page: 'decision', decisionId: id }
      case 'meetings':
        return { page: 'meeting', meetingId: id }
      default:
        return { page: 'task', taskId: id }
    }
  }
  const audit = /^\/bodies\/(\d+)\/audit(?:\/(\d{4}-\d{2}-\d{2}))?\/?$/.exec(path)
  if (audit) return { page: 'audit', bodyId: Number(audit[1]), asOf: audit[2] ?? null }
  const match = /^\/bodies\/(\d+)(?:\/members\/(\d+))?\/?$/.exec(path)
  if (match) {
    return { page: 'body', bodyId: Number(match[1]), memberId: match[2] ? Number(match[2]) : null }
  }
  return { page: 'not-found', hash: path }
}

/** The hash link of a body page, optionally with a member's detail open. */
export function bodyHref(bodyId: number, memberId?: number | null): string {
  return memberId ? `#/bodies/${bodyId}/members/${memberId}` : `#/bodies/${bodyId}`
}

/** A body's audit page, as of a date ('YYYY-MM-DD') or, without one, the organisation's today. */
export function auditHref(bodyId: number, asOf?: string | null): string {
  return asOf ? `#/bodies/${bodyId}/audit/${asOf}` : `#/bodies/${bodyId}/audit`
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseRoute(hash)
}

/** Goes to a hash link (replacing the history entry when asked, e.g. for redirects). */
export function navigate(href: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace) window.location.replace(href)
  else window.location.hash = href.replace(/^#/, '')
}
