import { ErrorMessage } from './ErrorMessage.tsx'
import { plural } from './format.ts'
import { Loading } from './Loading.tsx'
import type { KeysetPages } from './use-keyset-pages.ts'

type PagesState = Pick<KeysetPages<unknown>, 'error' | 'loading' | 'hasMore' | 'retry' | 'loadMore'>

interface PagesFooterProps {
  readonly pages: PagesState
  /** What the loading line says, e.g. "Loading members…". */
  readonly loadingLabel: string
}

/** The end of a keyset list: its error with a retry, the loading line, and "Load more". */
export function PagesFooter({ pages, loadingLabel }: PagesFooterProps) {
  return (
    <>
      {pages.error ? <ErrorMessage error={pages.error} onRetry={pages.retry} /> : null}
      {pages.loading ? <Loading label={loadingLabel} /> : null}
      {pages.hasMore && !pages.loading ? (
        <button type="button" className="load-more" onClick={pages.loadMore}>
          Load more
        </button>
      ) : null}
    </>
  )
}

interface PagesTallyProps {
  readonly pages: Pick<KeysetPages<unknown>, 'items' | 'loading' | 'error' | 'hasMore'>
  /** The singular noun of a row, e.g. "contact". */
  readonly noun: string
  /** What to say when the list is empty. */
  readonly empty: string
}

/** "Showing 3 contacts so far." once a page has come, or what to say when there is none. */
export function PagesTally({ pages, noun, empty }: PagesTallyProps) {
  if (pages.loading || pages.error) return null
  return (
    <p className="muted" aria-live="polite">
      {pages.items.length === 0
        ? empty
        : `Showing ${plural(pages.items.length, noun)}${pages.hasMore ? ' so far' : ''}.`}
    </p>
  )
}
