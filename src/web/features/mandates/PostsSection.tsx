import { apiGet } from '../../api/client.ts'
import type { Body } from '../../api/types.ts'
import { CHARTER_HREF } from '../../app/router.ts'
import { ErrorMessage } from '../../shared/ErrorMessage.tsx'
import { formatLongDate } from '../../shared/format.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { PostCard } from './PostCard.tsx'
import type { BodyPosts } from './types.ts'
import '../charter/charter.css'
import './mandates.css'

interface PostsSectionProps {
  readonly body: Body
  readonly canReadMembers: boolean
}

/** The posts the charter defines for the body's level, who holds them and how, and vacant seats. */
export function PostsSection({ body, canReadMembers }: PostsSectionProps) {
  const { version } = useRefresh()
  const posts = useAsync(() => apiGet<BodyPosts>(`/bodies/${body.id}/posts`), [body.id], version)
  return (
    <section aria-labelledby="posts-title" className="card posts">
      <h2 id="posts-title">Posts</h2>
      {posts.status === 'loading' ? <Loading label="Loading the posts…" /> : null}
      {posts.status === 'error' ? <ErrorMessage error={posts.error} onRetry={posts.reload} /> : null}
      {posts.status === 'ready' ? (
        <>
          <p className="muted">
            {posts.data.charterVersionId === null ? (
              <>
                No charter was in force on {formatLongDate(posts.data.date)}, so it defines no posts here. See
                the <a href={CHARTER_HREF}>charter</a>.
              </>
            ) : (
              <>
                Held on {formatLongDate(posts.data.date)}, by the <a href={CHARTER_HREF}>charter</a> then in
                force.
              </>
            )}
          </p>
          {posts.data.charterVersionId !== null && posts.data.posts.length === 0 ? (
            <p className="empty">The charter defines no posts for {body.level} bodies.</p>
          ) : null}
          {posts.data.posts.map((post) => (
            <PostCard
              key={post.post}
              bodyId={body.id}
              post={post}
              date={posts.data.date}
              canManageMandates={posts.data.permissions.canManageMandates && body.status === 'active'}
              canReadMembers={canReadMembers}
            />
          ))}
        </>
      ) : null}
    </section>
  )
}
