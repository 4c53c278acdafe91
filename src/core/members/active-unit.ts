import type { Executor } from '../../db/client.ts'
import type { BodyRow } from '../../db/schema.ts'
import { getBody } from '../orgs/get-body.ts'
import { readLevels } from '../orgs/organisation-settings.ts'
import { isUnitLevel } from '../orgs/tree.ts'
import { AppError } from '../shared/errors.ts'

/**
 * Loads a body that can hold members: a unit (a body of the last configured level) that is still
 * active. Fails with BODY_NOT_FOUND, NOT_A_UNIT or BODY_DISSOLVED.
 */
export async function loadActiveUnit(db: Executor, unitId: number): Promise<BodyRow> {
  const body = await getBody(db, unitId)
  const levels = await readLevels(db)
  if (!isUnitLevel(levels, body.level)) {
    throw new AppError(
      'NOT_A_UNIT',
      `Body ${unitId} is a ${body.level}, not a unit: members belong to units`,
      {
        bodyId: unitId,
        level: body.level,
        unitLevel: levels[levels.length - 1],
      },
    )
  }
  if (body.status !== 'active') {
    throw new AppError('BODY_DISSOLVED', `Unit ${unitId} is dissolved`, { bodyId: unitId })
  }
  return body
}
