/**
 * Downloads every member of the body's subtree as CSV (the server records the export as an event).
 * The export ignores the list's filters: the API's export takes none.
 */
export function ExportLink({ bodyId }: { readonly bodyId: number }) {
  return (
    <a className="button" href={`/api/bodies/${bodyId}/members/export`} download>
      Export all as CSV
    </a>
  )
}
