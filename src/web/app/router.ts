import { useSyncExternalStore } from 'react'

/** The app's pages, parsed from the URL hash so every view has a link and the back button works. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'body'; readonly bodyId: number; readonly memberId: number | null }
  | { readonly page: 'not-found'; readonly hash: string }

/** Parses '#/bodies/12' or '#/bodies/12/members/40' (anything else is home or not found). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  if (path === '/' || path === '') return { page: 'home' }
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
