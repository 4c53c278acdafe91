import { describe, expect, it } from 'vitest'
import * as core from '../../../core/audit/audit-wording.ts'
import { AUDIT_CHECKS } from '../../../core/audit/checks.ts'
import { FINDING_KINDS as CORE_KINDS, SEVERITIES as CORE_SEVERITIES } from '../../../core/audit/finding.ts'
import { auditHref, parseRoute } from '../../app/router.ts'
import {
  admissionWording,
  appointedWording,
  dateProblem,
  decisionsWording,
  electedWording,
  KIND_FAMILIES,
  percent,
  postTitleFor,
  subjectLink,
  summaryLine,
  worstPost,
  worstPostWording,
} from './audit-format.ts'
import { FINDING_KINDS, SEVERITIES } from './types.ts'

const post = (title: string, elected: number, appointed: number) => ({
  post: title.toLowerCase().replaceAll(' ', '-'),
  title,
  level: 'unit',
  elected,
  appointed,
  total: elected + appointed,
  share: elected + appointed === 0 ? null : elected / (elected + appointed),
})

describe('the audit’s web constants', () => {
  it('know the core’s kinds and severities, and the family each registered check reads', () => {
    expect([...FINDING_KINDS]).toEqual([...CORE_KINDS])
    expect(SEVERITIES).toEqual(CORE_SEVERITIES)
    for (const check of AUDIT_CHECKS)
      expect([check.kind, KIND_FAMILIES[check.kind]]).toEqual([check.kind, check.family])
  })
})

describe('the audit page’s route', () => {
  it('parses a body’s audit today and as of a date, as auditHref writes them', () => {
    expect(parseRoute(auditHref(12))).toEqual({ page: 'audit', bodyId: 12, asOf: null })
    expect(parseRoute(auditHref(12, '1923-06-01'))).toEqual({ page: 'audit', bodyId: 12, asOf: '1923-06-01' })
    expect(parseRoute('#/bodies/12/audit/June')).toEqual({ page: 'not-found', hash: '/bodies/12/audit/June' })
  })
})

describe('the audit in words', () => {
  it('puts a post’s title in the plural the count needs', () => {
    expect(postTitleFor('Unit secretary', 130)).toBe('unit secretaries')
    expect(postTitleFor('Unit secretary', 1)).toBe('unit secretary')
    expect(postTitleFor('Member of the unit bureau', 3)).toBe('members of the unit bureau')
    expect(postTitleFor('Delegate to the congress', 2)).toBe('delegates to the congress')
    expect(postTitleFor('Secretary of the Central Committee', 2)).toBe('secretaries of the Central Committee')
    expect(postTitleFor('Shop steward', 4)).toBe('shop stewards')
  })

  it('says how a post is held: “80 of 130 appointed”', () => {
    expect(appointedWording(post('Unit secretary', 50, 80))).toBe('80 of 130 appointed')
    expect(appointedWording(post('Unit secretary', 12, 0))).toBe('all 12 elected')
    expect(percent(0.3846)).toBe('38%')
    expect(percent(null)).toBe('—')
  })

  it('sums a body up in one line: violations, then its most appointed post', () => {
    const ratios = {
      electedPosts: {
        elected: 53,
        appointed: 81,
        total: 134,
        share: 0.3955,
        posts: [post('Member of the unit bureau', 3, 1), post('Unit secretary', 50, 80)],
      },
    }
    expect(
      summaryLine({ totals: { violation: 12, warning: 0, notice: 2, total: 14 }, ratios } as never),
    ).toBe('12 violations · 2 notices · 80 of 130 unit secretaries appointed')
    const clean = { electedPosts: { elected: 4, appointed: 0, total: 4, share: 1, posts: [] } }
    expect(
      summaryLine({ totals: { violation: 0, warning: 0, notice: 0, total: 0 }, ratios: clean } as never),
    ).toBe('No departure from the rules found · all 4 elective posts filled by election')
  })

  it('words decisions and admissions, and what was not there to measure', () => {
    const window = { from: '1922-12-03', to: '1923-12-02' }
    expect(
      decisionsWording({
        ...window,
        total: 9,
        afterDiscussion: 6,
        byException: 2,
        urgent: 2,
        confidential: 0,
        withoutDiscussion: 1,
        share: 0.6667,
      }),
    ).toBe('6 of 9 major decisions after discussion; 2 urgent, 1 without discussion')
    expect(admissionWording({ ...window, decided: 3, medianDays: 41 })).toBe(
      'Median 41 days from application to admission as a candidate, 3 applications decided',
    )
    expect(admissionWording({ ...window, decided: 0, medianDays: null })).toBe(
      'No worker application was decided',
    )
  })

  it('links a finding’s subject where the web has a page for it', () => {
    const at = { bodyId: 7, bodyName: 'Dynamo Works' }
    expect(subjectLink({ ...at, subject: { kind: 'question', id: 3 } })).toEqual({
      href: '#/questions/3',
      label: 'Question #3',
    })
    expect(subjectLink({ ...at, subject: { kind: 'mandate', id: 9 } })).toEqual({
      href: '#/bodies/7',
      label: 'Posts of Dynamo Works (mandate #9)',
    })
    expect(subjectLink({ ...at, subject: { kind: 'body', id: 7 } })?.label).toBe('Dynamo Works')
    expect(subjectLink({ ...at, subject: { kind: 'member', id: 40 } })?.href).toBe('#/bodies/7/members/40')
    expect(subjectLink({ ...at, subject: { kind: 'slate', id: 1 } })).toBeNull()
  })
})

describe('the web’s wording and the reports’ (core/audit/audit-wording.ts)', () => {
  it('say the same things in the same words', () => {
    const posts = [
      post('Unit secretary', 50, 80),
      post('Member of the unit bureau', 3, 0),
      post('Delegate', 0, 1),
    ]
    for (const ratio of [...posts, post('Unit secretary', 0, 0), post('Unit secretary', 1, 0)]) {
      expect(appointedWording(ratio)).toBe(core.appointedWording(ratio))
      for (const n of [1, 2, 130])
        expect(postTitleFor(ratio.title, n)).toBe(core.postTitleFor(ratio.title, n))
      expect(worstPostWording(ratio)).toBe(core.worstPostWording(ratio))
    }
    for (const share of [null, 0, 0.3846, 1]) expect(percent(share)).toBe(core.percent(share))
    for (const list of [posts, [], [post('Unit secretary', 4, 0)]]) {
      const elected = list.reduce((sum, p) => sum + p.elected, 0)
      const total = list.reduce((sum, p) => sum + p.total, 0)
      const ratios = {
        elected,
        appointed: total - elected,
        total,
        share: total ? elected / total : null,
        posts: list,
      }
      expect(electedWording(ratios)).toBe(core.electedWording(ratios))
      expect(worstPost(ratios)).toEqual(core.worstPost(ratios))
    }
    const window = { from: '1922-12-03', to: '1923-12-02' }
    for (const decisions of [
      {
        total: 9,
        afterDiscussion: 6,
        byException: 2,
        urgent: 2,
        confidential: 0,
        withoutDiscussion: 1,
        share: 0.6667,
      },
      {
        total: 0,
        afterDiscussion: 0,
        byException: 0,
        urgent: 0,
        confidential: 0,
        withoutDiscussion: 0,
        share: null,
      },
      {
        total: 3,
        afterDiscussion: 1,
        byException: 1,
        urgent: 0,
        confidential: 1,
        withoutDiscussion: 1,
        share: 0.3333,
      },
    ]) {
      expect(decisionsWording({ ...window, ...decisions })).toBe(
        core.decisionsWording({ ...window, ...decisions }),
      )
    }
    for (const admission of [
      { decided: 3, medianDays: 41 },
      { decided: 1, medianDays: 1 },
      { decided: 0, medianDays: null },
    ]) {
      expect(admissionWording({ ...window, ...admission })).toBe(
        core.admissionWording({ ...window, ...admission }),
      )
    }
  })
})

describe('the audit’s date picker', () => {
  it('says what is wrong with a date instead of ignoring it', () => {
    expect(dateProblem('1923-06-01', '1923-12-02')).toBeNull()
    expect(dateProblem('1923-12-02', '1923-12-02')).toBeNull()
    expect(dateProblem('', '1923-12-02')).toMatch(/whole date/)
    expect(dateProblem('1923-02-30', '1923-12-02')).toMatch(/whole date/)
    expect(dateProblem('1924-01-01', '1923-12-02')).toMatch(/no later than today/)
  })
})
