import { useId, useState } from 'react'
import { AmendmentDiff } from './AmendmentDiff.tsx'
import { CommentForm } from './CommentForm.tsx'
import type { CommentNode } from './comment-thread.ts'
import { COMMENT_KIND_LABELS, formatInstant, HIDE_REASON_LABELS } from './format.ts'
import { HideCommentForm } from './HideCommentForm.tsx'
import { SupportButton } from './SupportButton.tsx'
import type { Comment, HideReason } from './types.ts'

/** What the thread knows about the whole discussion, passed down to every comment. */
export interface ThreadContext {
  readonly questionId: number
  readonly proposal: string
  /** The caller may contribute now (reply). */
  readonly canComment: boolean
  readonly hideReasons: readonly HideReason[]
  readonly criticismRuleId: string | null
}

/** Past this depth replies stop indenting further, so a long exchange stays readable. */
const MAX_INDENT = 6

/**
 * The notice everyone sees on a hidden comment, and, for its author and auditors (who still
 * receive the text), the text itself, marked, with the moderator's note and name.
 */
function HiddenNotice({ comment }: { readonly comment: Comment }) {
  const hidden = comment.hidden
  if (!hidden) return null
  return (
    <div className="hidden-notice">
      <p role="note">
        <strong>Hidden by a moderator</strong> — reason: {HIDE_REASON_LABELS[hidden.reason].toLowerCase()}
        <span className="muted"> · {formatInstant(hidden.hiddenAt)}</span>
      </p>
      {comment.body !== null ? (
        <div className="hidden-text">
          <p className="muted">Shown only to its author and to auditors:</p>
          <p className="comment-body">{comment.body}</p>
          {hidden.note ? <p className="muted">Moderator’s note: {hidden.note}</p> : null}
          {hidden.hiddenBy ? <p className="muted">Hidden by {hidden.hiddenBy.name}</p> : null}
        </div>
      ) : null}
    </div>
  )
}

type Panel = 'reply' | 'hide' | null

/**
 * One contribution with its replies: the author (criticism is signed), its kind (counter-proposals
 * and amendments stand out), the text or the hide notice, an amendment's diff, its supporters, and
 * Reply and Hide for those who may. There is no delete: criticism cannot be deleted.
 */
export function CommentItem({
  node,
  thread,
}: {
  readonly node: CommentNode
  readonly thread: ThreadContext
}) {
  const { comment, replies } = node
  const [panel, setPanel] = useState<Panel>(null)
  const headingId = useId()
  const kindLabel = COMMENT_KIND_LABELS[comment.kind]
  const isReply = comment.parentId !== null
  const name = `${isReply && comment.kind === 'comment' ? 'Reply' : kindLabel} by ${comment.author.name}`
  const toggle = (next: Panel) => setPanel(panel === next ? null : next)
  return (
    <li className={comment.depth >= MAX_INDENT ? 'flat' : undefined}>
      <article
        className={`comment kind-${comment.kind}${comment.hidden ? ' is-hidden' : ''}`}
        aria-labelledby={headingId}
      >
        <header className="comment-head">
          <h3 id={headingId} className="visually-hidden">
            {name}
          </h3>
          <strong>{comment.author.name}</strong>
          {comment.kind !== 'comment' ? (
            <span className={`badge kind ${comment.kind}`}>{kindLabel}</span>
          ) : null}
          <time className="muted" dateTime={comment.postedAt}>
            {formatInstant(comment.postedAt)}
          </time>
        </header>
        {comment.hidden ? <HiddenNotice comment={comment} /> : <p className="comment-body">{comment.body}</p>}
        {comment.diff && comment.body !== null ? <AmendmentDiff diff={comment.diff} /> : null}
        <footer className="comment-actions">
          <SupportButton
            path={`/comments/${comment.id}/support`}
            what={comment.kind === 'comment' ? 'this comment' : `this ${kindLabel.toLowerCase()}`}
            count={comment.support.count}
            supported={comment.support.supportedByMe}
            canSupport={comment.permissions.canSupport && comment.hidden === null}
          />
          {thread.canComment ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={panel === 'reply'}
              onClick={() => toggle('reply')}
            >
              Reply
            </button>
          ) : null}
          {comment.permissions.canHide ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={panel === 'hide'}
              onClick={() => toggle('hide')}
            >
              Hide
            </button>
          ) : null}
        </footer>
        {panel === 'reply' ? (
          <CommentForm
            questionId={thread.questionId}
            kind="comment"
            parentId={comment.id}
            proposal={thread.proposal}
            label={`Reply to ${comment.author.name}`}
            onDone={() => setPanel(null)}
          />
        ) : null}
        {panel === 'hide' ? (
          <HideCommentForm
            comment={comment}
            reasons={thread.hideReasons}
            ruleId={thread.criticismRuleId}
            onDone={() => setPanel(null)}
          />
        ) : null}
      </article>
      {replies.length > 0 ? (
        <ul className="comment-thread" aria-label={`Replies to ${comment.author.name}`}>
          {replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} thread={thread} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}
