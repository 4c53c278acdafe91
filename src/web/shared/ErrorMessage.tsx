interface ErrorMessageProps {
  readonly error: Error
  readonly onRetry?: () => void
}

/** An API or network error in words, announced to screen readers, with an optional retry. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  return (
    <div className="error" role="alert">
      <p>{error.message || 'Something went wrong.'}</p>
      {onRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}
