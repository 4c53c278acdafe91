import type { Comment } from './types.ts'

/** A comment with its replies, in posting order. */
export interface CommentNode {
  readonly comment: Comment
  readonly replies: readonly CommentNode[]
}

/**
 * The thread as a tree, from the comments in posting order (the API's order; a reply always comes
 * after its parent). A reply whose parent is not among them (not loaded, or from another
 * question) is shown at the top level rather than lost.
 */
export function buildThread(comments: readonly Comment[]): readonly CommentNode[] {
  const replies = new Map<number, Comment[]>()
  const known = new Set(comments.map((comment) => comment.id))
  const roots: Comment[] = []
  for (const comment of comments) {
    if (comment.parentId !== null && known.has(comment.parentId) && comment.parentId !== comment.id) {
      const siblings = replies.get(comment.parentId) ?? []
      siblings.push(comment)
      replies.set(comment.parentId, siblings)
    } else {
      roots.push(comment)
    }
  }
  // Recursion starts from the roots only, so even a malformed loop of parents cannot recurse forever.
  const node = (comment: Comment): CommentNode => ({
    comment,
    replies: (replies.get(comment.id) ?? []).map(node),
  })
  return roots.map(node)
}
