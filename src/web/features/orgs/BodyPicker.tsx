import { useContext, useState } from 'react'
import { apiGet } from '../../api/client.ts'
import type { BodyDescription } from '../../api/types.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { FormError } from '../../shared/forms/FormError.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { OrganisationContext } from '../../shared/organisation-context.ts'
import { PickerBrowser } from './PickerBrowser.tsx'
import { PickerSearch } from './PickerSearch.tsx'
import type { PickedBody } from './picked-body.ts'

interface BodyPickerProps {
  readonly legend: string
  /** Where browsing starts. */
  readonly startId: number
  readonly value: PickedBody | null
  readonly onChange: (body: PickedBody | null) => void
  /** Which bodies may be chosen (e.g. only units, or not the body being moved). */
  readonly canChoose: (body: PickedBody) => boolean
  /** Why a typed id was refused by canChoose. */
  readonly refusal: string
  /**
   * Whose subtree the search box searches; the organisation's root by default (the server keeps
   * the results to what the user may read, so a secretary finds only their own subtree).
   */
  readonly searchRootId?: number
}

/** Chooses a body by searching its name, browsing the tree, or typing its id. */
export function BodyPicker({
  legend,
  startId,
  value,
  onChange,
  canChoose,
  refusal,
  searchRootId,
}: BodyPickerProps) {
  const rootId = useContext(OrganisationContext)?.rootBodyId ?? null
  const searchIn = searchRootId ?? rootId ?? startId
  const [browsingId, setBrowsingId] = useState(startId)
  const [typedId, setTypedId] = useState('')
  const lookup = useSubmit()
  const [refused, setRefused] = useState<string | null>(null)

  async function chooseTypedId() {
    setRefused(null)
    const id = Number(typedId)
    if (!Number.isInteger(id) || id <= 0) {
      setRefused('Enter a body id: a whole number.')
      return
    }
    await lookup.run(async () => {
      const { body } = await apiGet<BodyDescription>(`/bodies/${id}`)
      if (canChoose(body)) onChange(body)
      else setRefused(`${body.name}: ${refusal}`)
    })
  }

  return (
    <fieldset className="picker">
      <legend>{legend}</legend>
      <p className="picker-chosen" aria-live="polite">
        {value ? (
          <>
            Chosen: <strong>{value.name}</strong> <span className="muted">(id {value.id})</span>{' '}
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              Clear
            </button>
          </>
        ) : (
          <span className="muted">Nothing chosen yet.</span>
        )}
      </p>
      <PickerSearch rootId={searchIn} canChoose={canChoose} onChoose={onChange} />
      <p className="sub-label">Or browse the tree</p>
      <PickerBrowser
        browsingId={browsingId}
        onBrowse={setBrowsingId}
        canChoose={canChoose}
        onChoose={onChange}
      />
      <div className="picker-id">
        <Field label="Or enter a body id">
          {(id) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={typedId}
              onChange={(event) => setTypedId(event.target.value)}
              onKeyDown={(event) => {
                // Enter picks the id here instead of submitting the surrounding form.
                if (event.key === 'Enter') {
                  event.preventDefault()
                  void chooseTypedId()
                }
              }}
            />
          )}
        </Field>
        <button type="button" onClick={() => void chooseTypedId()} disabled={lookup.sending}>
          Use this id
        </button>
      </div>
      {refused ? (
        <p className="error" role="alert">
          {refused}
        </p>
      ) : null}
      <FormError error={lookup.error} />
    </fieldset>
  )
}
