import { useContext } from 'react'
import { OrganisationContext } from '../../shared/organisation-context.ts'

/** A body chosen in a picker: enough to name it and to check what it may be used for. */
export interface PickedBody {
  readonly id: number
  readonly name: string
  readonly level: string
  /** The materialised path '/1/5/23/', to keep a body from moving under itself. */
  readonly path: string
}

/** Whether a level is the organisation's last one (units, where members belong). */
export function useIsUnitLevel(): (level: string) => boolean {
  const levels = useContext(OrganisationContext)?.levels ?? []
  return (level) => levels.length > 0 && levels[levels.length - 1] === level
}

/** The unit kinds of the default charter (src/core/orgs/organisation-settings.ts); or `custom:<name>`. */
export const UNIT_KINDS = ['factory', 'village', 'army', 'office', 'school'] as const
