import {
  admissionWording,
  appointedWording,
  decisionsWording,
  electedWording,
  formatWindow,
  percent,
} from './audit-format.ts'
import type { AuditSummary, NotMeasured } from './types.ts'

/** A bar split into the elected (or discussed) part and the rest, an image labelled with its figures. */
export function ShareBar({
  part,
  total,
  label,
}: {
  readonly part: number
  readonly total: number
  readonly label: string
}) {
  const width = total === 0 ? 0 : (part / total) * 100
  return (
    <svg className="share-bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <rect className="share-rest" x={0} y={0} width={100} height={8} />
      <rect className="share-part" x={0} y={0} width={width} height={8} />
    </svg>
  )
}

function NotMeasuredCard({ title, measure }: { readonly title: string; readonly measure: NotMeasured }) {
  return (
    <div className="ratio-card not-measured">
      <h3>{title}</h3>
      <p className="muted">Not measured yet — {measure.notMeasured}.</p>
    </div>
  )
}

/**
 * The headline ratios as of the date: the elective posts filled by election (overall, then post
 * by post: "80 of 130 appointed"), major decisions after discussion, the time workers waited for
 * admission, and the measures whose capability has not landed, saying why.
 */
export function AuditRatios({ summary }: { readonly summary: AuditSummary }) {
  const { electedPosts: posts, discussedDecisions: decisions, workerAdmission: admission } = summary.ratios
  return (
    <section className="card" aria-labelledby="audit-ratios-title">
      <h2 id="audit-ratios-title">Headline ratios</h2>
      <div className="ratio-cards">
        <div className="ratio-card wide">
          <h3>Elective posts filled by election</h3>
          <p className="ratio-figure">{percent(posts.share)}</p>
          <ShareBar part={posts.elected} total={posts.total} label={`${percent(posts.share)} elected`} />
          <p>
            {electedWording(posts)}
            {posts.appointed > 0 ? `; ${posts.appointed} appointed` : ''}.
          </p>
          {posts.posts.length > 0 ? (
            <ul className="post-ratios" aria-label="By post">
              {posts.posts.map((post) => (
                <li key={post.post}>
                  <span className="post-title">{post.title}</span>
                  <ShareBar part={post.elected} total={post.total} label={`${percent(post.share)} elected`} />
                  <span>{appointedWording(post)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="ratio-card">
          <h3>Major decisions after discussion</h3>
          <p className="ratio-figure">{percent(decisions.share)}</p>
          <ShareBar
            part={decisions.afterDiscussion}
            total={decisions.total}
            label={`${percent(decisions.share)} after discussion`}
          />
          <p>{decisionsWording(decisions)}.</p>
          <p className="muted">{formatWindow(decisions.from, decisions.to)}</p>
        </div>
        <div className="ratio-card">
          <h3>Worker admission</h3>
          <p className="ratio-figure">
            {admission.medianDays === null ? '—' : `${admission.medianDays} days`}
          </p>
          <p>{admissionWording(admission)}.</p>
          <p className="muted">{formatWindow(admission.from, admission.to)}</p>
        </div>
        <NotMeasuredCard title="Report punctuality" measure={summary.ratios.reportPunctuality} />
        <NotMeasuredCard title="Conference regularity" measure={summary.ratios.conferenceRegularity} />
      </div>
    </section>
  )
}
