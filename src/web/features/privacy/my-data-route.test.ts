import { describe, expect, it } from 'vitest'
import { MY_DATA_HREF, parseRoute } from '../../app/router.ts'

describe('the My data page has its own link', () => {
  it('parses #/me/data and nothing near it', () => {
    expect(parseRoute(MY_DATA_HREF)).toEqual({ page: 'my-data' })
    expect(parseRoute('#/me/data/x')).toEqual({ page: 'not-found', hash: '/me/data/x' })
    expect(parseRoute('#/bodies/3')).toEqual({ page: 'body', bodyId: 3, memberId: null })
  })
})
