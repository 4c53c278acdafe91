import { apiGet } from '../../api/client.ts'
import { formatLongDate } from '../../shared/format.ts'
import { ActionBar } from '../../shared/forms/ActionBar.tsx'
import { useRefresh } from '../../shared/refresh-context.ts'
import { useAsync } from '../../shared/use-async.ts'
import { EraseMemberForm } from './EraseMemberForm.tsx'
import { ERASURE_REASON_LABELS, type ErasureState } from './types.ts'

interface ErasureSectionProps {
  readonly memberId: number
  readonly fullName: string
}

/**
 * On the member panel: that the member's personal data was erased (when and why), or, for an
 * admin whose subtree holds the member, the "Erase personal data" action. Nothing otherwise.
 */
export function ErasureSection({ memberId, fullName }: ErasureSectionProps) {
  const { version } = useRefresh()
  const state = useAsync(() => apiGet<ErasureState>(`/members/${memberId}/erasure`), [memberId], version)
  if (state.status !== 'ready') return null
  const { erasure, canErase } = state.data
  if (erasure) {
    return (
      <p className="muted">
        Personal data erased on {formatLongDate(erasure.erasedAt)}: {ERASURE_REASON_LABELS[erasure.reason]}.
      </p>
    )
  }
  if (!canErase) return null
  return (
    <ActionBar
      label={`Personal data of ${fullName}`}
      actions={[
        {
          id: 'erase',
          label: 'Erase personal data',
          render: (close) => <EraseMemberForm memberId={memberId} fullName={fullName} onDone={close} />,
        },
      ]}
    />
  )
}
