import { type FormEvent, useState } from 'react'
import { ApiError, apiUpload } from '../../../api/client.ts'
import type { ImportResult, ImportRowError } from '../../../api/types.ts'
import { plural } from '../../../shared/format.ts'
import { Field } from '../../../shared/forms/Field.tsx'
import { FormError } from '../../../shared/forms/FormError.tsx'
import { SubmitRow } from '../../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../../shared/forms/use-submit.ts'
import { useRefresh } from '../../../shared/refresh-context.ts'
import { ImportProblems } from './ImportProblems.tsx'
import { TemplateLink } from './TemplateLink.tsx'

interface Rejection {
  readonly errors: readonly ImportRowError[]
  readonly errorCount: number
}

/** The row problems of an IMPORT_REJECTED answer, or null for any other error. */
function rejectionOf(error: Error | null): Rejection | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_REJECTED') return null
  const details = error.details as { errors?: unknown; errorCount?: unknown }
  const errors = Array.isArray(details.errors) ? (details.errors as ImportRowError[]) : []
  const errorCount = typeof details.errorCount === 'number' ? details.errorCount : errors.length
  return { errors, errorCount }
}

interface ImportMembersFormProps {
  readonly bodyId: number
  readonly bodyName: string
  readonly isUnit: boolean
  readonly onClose: () => void
}

/** Uploads a members CSV to the body (all rows or none) and says what happened. */
export function ImportMembersForm({ bodyId, bodyName, isUnit, onClose }: ImportMembersFormProps) {
  const [file, setFile] = useState<File | null>(null)
  const [imported, setImported] = useState<ImportResult | null>(null)
  const submission = useSubmit()
  const { refresh } = useRefresh()
  const rejection = rejectionOf(submission.error)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!file) return
    setImported(null)
    await submission.run(async () => {
      const result = await apiUpload<ImportResult>(
        `/bodies/${bodyId}/members/import`,
        await file.text(),
        'text/csv',
      )
      setImported(result)
      refresh()
    })
  }

  return (
    <form className="action-form stacked" onSubmit={submit} aria-labelledby="import-title">
      <h3 id="import-title">Import members (CSV)</h3>
      <p className="muted">
        One member per row, with a header row.{' '}
        {isUnit
          ? `The unit_id of ${bodyName} is ${bodyId}.`
          : `Every unit_id must be a unit within ${bodyName} (each body page shows its id).`}{' '}
        If any row has a problem, nothing is imported. <TemplateLink />
      </p>
      <Field label="CSV file" hint="UTF-8 text; the columns of the template, in any order.">
        {(id, hint) => (
          <input
            id={id}
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={hint}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setImported(null)
              submission.clearError()
            }}
          />
        )}
      </Field>
      {rejection ? (
        <ImportProblems errors={rejection.errors} errorCount={rejection.errorCount} />
      ) : (
        <FormError error={submission.error} />
      )}
      {imported ? (
        <p className="success" role="status">
          Imported {plural(imported.count, 'member')}.
        </p>
      ) : null}
      <SubmitRow
        label="Import"
        sendingLabel="Importing…"
        sending={submission.sending}
        disabled={!file}
        onCancel={onClose}
      />
    </form>
  )
}
