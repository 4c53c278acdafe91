import { useEffect, useMemo } from 'react'
import { csvTemplate } from './csv-template.ts'

/** Downloads the CSV template, made in the browser (no request to the server). */
export function TemplateLink() {
  const url = useMemo(() => URL.createObjectURL(new Blob([csvTemplate()], { type: 'text/csv' })), [])
  useEffect(() => () => URL.revokeObjectURL(url), [url])
  return (
    <a href={url} download="members-template.csv">
      Download the CSV template
    </a>
  )
}
