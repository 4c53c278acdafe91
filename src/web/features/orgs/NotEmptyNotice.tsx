import { bodyHref } from '../../app/router.ts'
import { plural } from '../../shared/format.ts'
import type { NotEmptyReport } from './not-empty-report.ts'

interface NotEmptyNoticeProps {
  readonly bodyId: number
  readonly bodyName: string
  readonly report: NotEmptyReport
}

/** Why a dissolution was refused: who is still there (each id opens the member). */
export function NotEmptyNotice({ bodyId, bodyName, report }: NotEmptyNoticeProps) {
  return (
    <div className="error" role="alert">
      <p>
        {bodyName} was not dissolved: {plural(report.memberCount, 'member')}{' '}
        {report.memberCount === 1 ? 'still belongs' : 'still belong'} to it or below. Choose a unit to
        transfer them to, then dissolve again.
      </p>
      <p>
        Member ids
        {report.memberIds.length < report.memberCount ? ` (the first ${report.memberIds.length})` : ''}:{' '}
        {report.memberIds.map((id, index) => (
          <span key={id}>
            {index > 0 ? ', ' : ''}
            <a href={bodyHref(bodyId, id)}>{id}</a>
          </span>
        ))}
      </p>
    </div>
  )
}
