import { describe, expect, it } from 'vitest'
import { MEMBER_CSV_COLUMNS as CORE_COLUMNS } from '../../../core/members/member-csv.ts'
import { FIELDS_OF_WORK as CORE_FIELDS } from '../../../core/members/schemas.ts'
import { FIELDS_OF_WORK, MEMBER_CSV_COLUMNS } from './member-rules.ts'

describe('the web app offers what the server accepts', () => {
  it('mirrors the CSV columns and the fields of work', () => {
    expect(MEMBER_CSV_COLUMNS).toEqual(CORE_COLUMNS)
    expect(FIELDS_OF_WORK).toEqual(CORE_FIELDS)
  })
})
