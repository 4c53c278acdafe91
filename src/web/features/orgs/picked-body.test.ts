import { describe, expect, it } from 'vitest'
import { UNIT_KINDS as CORE_KINDS } from '../../../core/orgs/organisation-settings.ts'
import { UNIT_KINDS } from './picked-body.ts'

describe('the add-body form offers what the server accepts', () => {
  it('mirrors the unit kinds', () => {
    expect(UNIT_KINDS).toEqual(CORE_KINDS)
  })
})
