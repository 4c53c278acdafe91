import { type FormEvent, useState } from 'react'
import { ApiError, apiGet, apiSend } from '../../api/client.ts'
import { formatLongDate, humanise, plural } from '../../shared/format.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import { CharterIssues, isCharterIssues } from './CharterIssues.tsx'
import {
  type CharterValidation,
  type CharterVersionDetail,
  DECISION_KINDS,
  type DecisionKind,
} from './types.ts'

interface AdoptVersionFormProps {
  /** The version in force, offered as a starting point; null when none is. */
  readonly inForceVersionId: number | null
  readonly onAdopted: (version: CharterVersionDetail) => void
}

/** The problems an adoption was refused for, when they are a charter's (CHARTER_INVALID). */
function refusedIssues(error: Error | null) {
  if (!(error instanceof ApiError) || error.code !== 'CHARTER_INVALID') return null
  const issues = (error.details as { issues?: unknown } | null)?.issues
  return isCharterIssues(issues) ? issues : null
}

/**
 * Adopts a new charter version (admins on the root): the document as YAML, the decision that
 * adopts it and the date it takes effect. Validate checks the text first; nothing is written
 * until Adopt, and an invalid document is refused whole with every problem placed by line.
 */
export function AdoptVersionForm({ inForceVersionId, onAdopted }: AdoptVersionFormProps) {
  const today = useOrganisationToday() ?? ''
  const [source, setSource] = useState('')
  const [kind, setKind] = useState<DecisionKind>('congress')
  const [title, setTitle] = useState('')
  const [decidedOn, setDecidedOn] = useState(today)
  const [effectiveFrom, setEffectiveFrom] = useState(today)
  const [validation, setValidation] = useState<CharterValidation | null>(null)
  const checking = useSubmit()
  const adoption = useSubmit()
  const loading = useSubmit()

  function edit(text: string) {
    setSource(text)
    setValidation(null)
  }

  async function validate() {
    setValidation(null)
    await checking.run(async () => {
      setValidation(await apiSend<CharterValidation>('POST', '/charter/validate', { source }))
    })
  }

  async function startFromInForce() {
    if (inForceVersionId === null) return
    await loading.run(async () => {
      const version = await apiGet<CharterVersionDetail>(`/charter/versions/${inForceVersionId}`)
      edit(version.source)
    })
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setValidation(null)
    let adopted: CharterVersionDetail | null = null
    const ok = await adoption.run(async () => {
      adopted = await apiSend<CharterVersionDetail>('POST', '/charter/versions', {
        source,
        decision: { kind, title: title.trim(), decidedOn },
        effectiveFrom,
      })
    })
    if (ok && adopted) onAdopted(adopted)
  }

  const refused = refusedIssues(adoption.error)
  return (
    <form className="action-form" onSubmit={submit} aria-label="Adopt a new charter version">
      <Field
        label="Charter (YAML)"
        wide
        hint="The whole document, as the file charter/default.yaml is written."
      >
        {(id, hint) => (
          <textarea
            id={id}
            className="charter-yaml"
            required
            spellCheck={false}
            rows={18}
            aria-describedby={hint}
            value={source}
            onChange={(event) => edit(event.target.value)}
          />
        )}
      </Field>
      {inForceVersionId !== null ? (
        <p>
          <button type="button" className="link-button" onClick={startFromInForce} disabled={loading.sending}>
            Start from the version in force
          </button>
        </p>
      ) : null}
      {loading.error ? <FormError error={loading.error} /> : null}
      <div className="form-grid">
        <Field label="Decided by">
          {(id) => (
            <select id={id} value={kind} onChange={(event) => setKind(event.target.value as DecisionKind)}>
              {DECISION_KINDS.map((value) => (
                <option key={value} value={value}>
                  {humanise(value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Decision" hint="e.g. Twelfth Congress">
          {(id, hint) => (
            <input
              id={id}
              type="text"
              required
              maxLength={200}
              aria-describedby={hint}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <Field label="Decided on">
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={decidedOn}
              onChange={(event) => setDecidedOn(event.target.value)}
            />
          )}
        </Field>
        <Field label="In force from">
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={effectiveFrom}
              onChange={(event) => setEffectiveFrom(event.target.value)}
            />
          )}
        </Field>
      </div>
      <div aria-live="polite">
        {validation?.ok ? (
          <p className="success" role="status">
            The document is valid. Adopting it puts it in force from{' '}
            {effectiveFrom ? formatLongDate(effectiveFrom) : 'the date you give'}.
          </p>
        ) : null}
        {validation && !validation.ok ? (
          <div className="error" role="alert">
            <p>The document has {plural(validation.issues.length, 'problem')}:</p>
            <CharterIssues issues={validation.issues} />
          </div>
        ) : null}
        {checking.error ? <FormError error={checking.error} /> : null}
        {adoption.error && refused ? (
          <div className="error" role="alert">
            <p>Nothing was adopted: the document has {plural(refused.length, 'problem')}.</p>
            <CharterIssues issues={refused} />
          </div>
        ) : null}
        {adoption.error && !refused ? (
          <FormError
            error={adoption.error}
            labels={{ source: 'Charter', 'decision.title': 'Decision', effectiveFrom: 'In force from' }}
          />
        ) : null}
      </div>
      <div className="actions">
        <button type="button" onClick={validate} disabled={checking.sending || source.trim() === ''}>
          {checking.sending ? 'Validating…' : 'Validate'}
        </button>
        <button type="submit" className="primary" disabled={adoption.sending}>
          {adoption.sending ? 'Adopting…' : 'Adopt this version'}
        </button>
      </div>
    </form>
  )
}
