import { describe, expect, it } from 'vitest'
import { STATUS_TRANSITIONS as CORE_TRANSITIONS } from '../../../core/members/change-member-status.ts'
import { MEMBER_CSV_COLUMNS as CORE_COLUMNS } from '../../../core/members/member-csv.ts'
import { FIELDS_OF_WORK as CORE_FIELDS } from '../../../core/members/schemas.ts'
import { FIELDS_OF_WORK, MEMBER_CSV_COLUMNS, STATUS_TRANSITIONS } from './member-rules.ts'

describe('the web app offers what the server accepts', () => {
  it('mirrors the status transitions, the CSV columns and the fields of work', () => {
    expect(STATUS_TRANSITIONS).toEqual(CORE_TRANSITIONS)
    expect(MEMBER_CSV_COLUMNS).toEqual(CORE_COLUMNS)
    expect(FIELDS_OF_WORK).toEqual(CORE_FIELDS)
  })
})
