/** A quiet loading line, announced politely. */
export function Loading({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <p className="loading" aria-live="polite">
      {label}
    </p>
  )
}
