import { plural } from '../../shared/format.ts'
import { type Action, ActionBar } from '../../shared/forms/ActionBar.tsx'
import { AppointForm } from './AppointForm.tsx'
import { CheckMemberForm } from './CheckMemberForm.tsx'
import { ElectionResultForm } from './ElectionResultForm.tsx'
import { EligibleMembers } from './EligibleMembers.tsx'
import { HolderItem } from './HolderItem.tsx'
import type { BodyPost } from './types.ts'

interface PostCardProps {
  readonly bodyId: number
  readonly post: BodyPost
  /** The date the posts were read on. */
  readonly date: string
  readonly canManageMandates: boolean
  /** Whether the user may read members here (the eligible list and member records need it). */
  readonly canReadMembers: boolean
}

/** One post of the body: its seats and rules, who holds it and how, vacant seats, and what can be done. */
export function PostCard({ bodyId, post, date, canManageMandates, canReadMembers }: PostCardProps) {
  const titleId = `post-${post.post}-title`
  const actions: Action[] = []
  if (post.defined && post.canAppoint) {
    actions.push({
      id: 'appoint',
      label: 'Appoint',
      render: (close) => <AppointForm bodyId={bodyId} post={post} onDone={close} />,
    })
  }
  if (post.defined && canManageMandates) {
    actions.push({
      id: 'elected',
      label: 'Record an election result',
      render: (close) => <ElectionResultForm bodyId={bodyId} post={post} onDone={close} />,
    })
  }
  if (post.defined && canReadMembers) {
    actions.push(
      {
        id: 'eligible',
        label: 'Who may stand?',
        render: () => <EligibleMembers bodyId={bodyId} post={post} date={date} />,
      },
      {
        id: 'check',
        label: 'Check a member',
        render: (close) => <CheckMemberForm bodyId={bodyId} post={post} onDone={close} />,
      },
    )
  }
  const ruleIds = [post.ruleIds.post, ...post.ruleIds.standing, post.ruleIds.election].filter(
    (id): id is string => id !== null,
  )
  return (
    <article className="post" aria-labelledby={titleId}>
      <div className="post-head">
        <h3 id={titleId}>{post.title}</h3>
        <span className="muted">
          {post.defined
            ? `${plural(post.seats, 'seat')}${post.termMonths ? `, a term of ${plural(post.termMonths, 'month')}` : ''}`
            : 'No longer in the charter in force'}
          {post.defined ? (post.elective ? '; elected' : '; not required to be elected') : ''}
        </span>
      </div>
      {ruleIds.length > 0 ? (
        <p className="post-rules">
          {ruleIds.map((id) => (
            <code key={id} className="rule-id">
              {id}
            </code>
          ))}
        </p>
      ) : null}
      <ul className="holders" aria-label={`Holders of ${post.title}`}>
        {post.holders.map((holder) => (
          <HolderItem
            key={holder.mandateId}
            holder={holder}
            bodyId={bodyId}
            canOpenMember={canReadMembers}
            canEnd={canManageMandates}
          />
        ))}
        {post.vacant > 0 ? (
          <li className="holder vacant">
            {post.vacant === 1 ? 'Vacant seat' : `${post.vacant} vacant seats`}
            {post.elective ? ' — an election is due' : ''}
          </li>
        ) : null}
      </ul>
      <ActionBar label={`Actions for ${post.title}`} actions={actions} />
    </article>
  )
}
