import { useMemo } from 'react'
import { plural } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { PagesFooter } from '../../shared/PagesFooter.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { nextCursor, useKeysetPages } from '../../shared/use-keyset-pages.ts'
import { CommentForm } from './CommentForm.tsx'
import { CommentItem, type ThreadContext } from './CommentItem.tsx'
import { buildThread } from './comment-thread.ts'
import { useDeliberationCharter } from './question-charter.ts'
import type { Comment, CommentPage, QuestionView } from './types.ts'

/** Why the caller reads but cannot contribute. */
function whyReadOnly(question: QuestionView): string {
  if (question.state === 'collecting') return 'The discussion opens when the initiative has its signatures.'
  if (!question.discussion.open) return 'The discussion is closed: it takes no more contributions.'
  return `You may read this discussion; candidate and full members of ${question.body.name} take part.`
}

/**
 * The free criticism of a question: threaded comments and replies, counter-proposals and
 * amendments (each amendment as a diff), supports, and the forms to contribute while the
 * discussion is open. Moderators hide for conduct with the charter's reasons; nobody deletes.
 */
export function CriticismSection({ question }: { readonly question: QuestionView }) {
  const { version } = useRefresh()
  const pages = useKeysetPages<Comment, CommentPage>(
    `/questions/${question.id}/comments?limit=200`,
    nextCursor,
    version,
  )
  const permissions = pages.pages[0]?.permissions
  const canComment = permissions?.canComment === true
  const charter = useDeliberationCharter(permissions?.canModerate === true)
  const thread = useMemo(() => buildThread(pages.items), [pages.items])
  const context: ThreadContext = {
    questionId: question.id,
    proposal: question.proposal,
    canComment,
    hideReasons: charter.hideReasons,
    criticismRuleId: charter.criticismRuleId,
  }
  const { visible, hidden } = question.comments
  const form = (kind: 'comment' | 'counter-proposal' | 'amendment', label: string) => ({
    id: kind,
    label,
    render: (close: () => void) => (
      <CommentForm
        questionId={question.id}
        kind={kind}
        proposal={question.proposal}
        label={label}
        onDone={close}
      />
    ),
  })

  return (
    <section className="card criticism" aria-labelledby="criticism-title">
      <h2 id="criticism-title">Discussion</h2>
      <p className="muted">
        {plural(visible + hidden, 'contribution')}
        {hidden > 0 ? ` · ${hidden} hidden by a moderator` : ''} · criticism is signed and is never deleted
      </p>
      {canComment ? (
        <ActionBar
          label="Take part"
          actions={[
            form('comment', 'Comment'),
            form('counter-proposal', 'Make a counter-proposal'),
            form('amendment', 'Amend the proposal'),
          ]}
        />
      ) : permissions ? (
        <p className="muted">{whyReadOnly(question)}</p>
      ) : null}
      {!pages.loading && !pages.error && pages.items.length === 0 ? (
        <p className="empty">No contribution yet.</p>
      ) : null}
      <ul className="comment-thread top" aria-label="Contributions">
        {thread.map((node) => (
          <CommentItem key={node.comment.id} node={node} thread={context} />
        ))}
      </ul>
      <PagesFooter pages={pages} loadingLabel="Loading the discussion…" />
    </section>
  )
}
