import type { BodyDescription } from '../../api/types.ts'
import { humanise, plural } from '../../shared/format.ts'

/** The body's name with its level, kind, status and counts. */
export function BodySummary({ description }: { readonly description: BodyDescription }) {
  const { body, childCount, memberCount } = description
  return (
    <div className="body-summary">
      <h1>{body.name}</h1>
      <p className="facts">
        <span className="tag">{humanise(body.level)}</span>
        {body.kind ? <span className="tag kind">{humanise(body.kind)}</span> : null}
        {/* The id is what a CSV import's unit_id column and the body pickers ask for. */}
        <span className="tag id">id {body.id}</span>
        {body.status === 'dissolved' ? <span className="tag warning">Dissolved</span> : null}
        {memberCount !== null ? (
          <span>{plural(memberCount, 'member')}</span>
        ) : (
          <span>{plural(childCount, 'body', 'bodies')} below</span>
        )}
      </p>
    </div>
  )
}
