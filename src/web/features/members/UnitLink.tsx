import { apiGet } from '../../api/client.ts'
import type { BodyDescription } from '../../api/types.ts'
import { bodyHref } from '../../app/router.ts'
import { useAsync } from '../../shared/use-async.ts'

/** A link to a unit by its name (by its number while the name loads or if it cannot be read). */
export function UnitLink({ unitId }: { readonly unitId: number }) {
  const unit = useAsync(() => apiGet<BodyDescription>(`/bodies/${unitId}`), [unitId])
  return <a href={bodyHref(unitId)}>{unit.status === 'ready' ? unit.data.body.name : `Unit ${unitId}`}</a>
}
