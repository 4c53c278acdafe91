import { bodyHref } from '../../app/router.ts'
import { formatLongDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { EndMandateForm } from './EndMandateForm.tsx'
import { HowBadge, PromotedTag } from './MandateBadges.tsx'
import type { PostHolder } from './types.ts'

interface HolderItemProps {
  readonly holder: PostHolder
  /** The body page the post is shown on: a holder's name opens their record there. */
  readonly bodyId: number
  readonly canOpenMember: boolean
  readonly canEnd: boolean
}

/**
 * One holder of a post: how they got it (elected, or appointed by which body and why), until
 * when, and a warning when an appointment has outlived its expiry and an election is due.
 */
export function HolderItem({ holder, bodyId, canOpenMember, canEnd }: HolderItemProps) {
  return (
    <li className={holder.expired ? 'holder expired' : 'holder'}>
      <div className="holder-head">
        {canOpenMember ? (
          <a href={bodyHref(bodyId, holder.memberId)} className="holder-name">
            {holder.memberName}
          </a>
        ) : (
          <span className="holder-name">{holder.memberName}</span>
        )}
        <HowBadge how={holder.how} />
        {holder.firstMandate ? <PromotedTag /> : null}
      </div>
      <p className="holder-facts">
        <span>Since {formatLongDate(holder.startsOn)}.</span>{' '}
        {holder.how === 'appointed' ? (
          <>
            {holder.appointedBy ? (
              <span>
                Appointed by <a href={bodyHref(holder.appointedBy.id)}>{holder.appointedBy.name}</a>.
              </span>
            ) : null}{' '}
            {holder.expired ? (
              <strong className="tag warning">
                Expired on {formatLongDate(holder.endsOn)} — an election is due
              </strong>
            ) : (
              <span>Expires on {formatLongDate(holder.endsOn)}.</span>
            )}
          </>
        ) : (
          <span>Term ends on {formatLongDate(holder.endsOn)}.</span>
        )}
      </p>
      {holder.justification ? (
        <p className="justification">
          <span className="muted">Justification: </span>
          <q>{holder.justification.text ?? holder.justification.id}</q>{' '}
          <code className="rule-id">{holder.justification.id}</code>
          {holder.ruleId ? (
            <>
              {' '}
              <span className="muted">under</span> <code className="rule-id">{holder.ruleId}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {canEnd ? (
        <ActionBar
          label={`Mandate of ${holder.memberName}`}
          actions={[
            {
              id: 'end',
              label: 'End mandate',
              render: (close) => (
                <EndMandateForm
                  mandateId={holder.mandateId}
                  holderName={holder.memberName}
                  startsOn={holder.startsOn}
                  onDone={close}
                />
              ),
            },
          ]}
        />
      ) : null}
    </li>
  )
}
