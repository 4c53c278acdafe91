import { describe, expect, it } from 'vitest'
import { buildThread, type CommentNode } from './comment-thread.ts'
import { daysLeft, parseMemberIds } from './format.ts'
import type { Comment } from './types.ts'

function comment(id: number, parentId: number | null): Comment {
  return {
    id,
    questionId: 1,
    parentId,
    depth: 0,
    author: { memberId: 1, name: 'Anna' },
    kind: 'comment',
    body: `#${id}`,
    amendedProposal: null,
    diff: null,
    postedAt: '1923-12-02T10:00:00.000Z',
    support: { count: 0, supportedByMe: false },
    hidden: null,
    permissions: { canHide: false, canSupport: false },
  }
}

/** The tree as nested ids, e.g. [1, [2, [3]]]. */
function shape(nodes: readonly CommentNode[]): unknown[] {
  return nodes.map((node) =>
    node.replies.length === 0 ? node.comment.id : [node.comment.id, shape(node.replies)],
  )
}

describe('the criticism thread', () => {
  it('nests replies under their comment, each level in posting order', () => {
    const thread = buildThread([
      comment(1, null),
      comment(2, 1),
      comment(3, null),
      comment(4, 2),
      comment(5, 1),
    ])
    expect(shape(thread)).toEqual([[1, [[2, [4]], 5]], 3])
  })

  it('keeps a reply whose parent is not loaded at the top level instead of losing it', () => {
    expect(shape(buildThread([comment(7, 99), comment(8, 7)]))).toEqual([[7, [8]]])
  })
})

describe('deliberation formats', () => {
  it('counts the days a discussion has left, rounding up, and none once past', () => {
    expect(daysLeft('1924-01-01T10:00:00.000Z', '1923-12-02T10:00:00.000Z')).toBe(30)
    expect(daysLeft('1923-12-03T16:00:00.000Z', '1923-12-02T10:00:00.000Z')).toBe(2)
    expect(daysLeft('1923-12-02T09:00:00.000Z', '1923-12-02T10:00:00.000Z')).toBe(0)
  })

  it('reads an audience typed as member ids, refusing anything else', () => {
    expect(parseMemberIds('12, 40 41;12')).toEqual({ ids: [12, 40, 41], bad: null })
    expect(parseMemberIds('')).toEqual({ ids: [], bad: null })
    expect(parseMemberIds('12, Anna').bad).toBe('Anna')
    expect(parseMemberIds('0').bad).toBe('0')
  })
})
