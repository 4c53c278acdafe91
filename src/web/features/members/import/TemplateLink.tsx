import { csvTemplate } from './csv-template.ts'

/**
 * Downloads the CSV template, made in the browser (no request to the server). A data: URL, not a
 * blob: URL, so there is nothing to revoke (StrictMode's double effects revoked a blob too early).
 */
export function TemplateLink() {
  return (
    <a
      href={`data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate())}`}
      download="members-template.csv"
    >
      Download the CSV template
    </a>
  )
}
