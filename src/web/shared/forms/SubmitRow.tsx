interface SubmitRowProps {
  readonly label: string
  readonly sendingLabel?: string
  readonly sending: boolean
  /** Disabled for another reason than sending (e.g. nothing chosen yet). */
  readonly disabled?: boolean
  readonly onCancel?: () => void
  readonly danger?: boolean
}

/** The submit button (disabled while sending, saying so) and an optional Cancel. */
export function SubmitRow({
  label,
  sendingLabel = 'Saving…',
  sending,
  disabled,
  onCancel,
  danger,
}: SubmitRowProps) {
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'danger' : 'primary'} disabled={sending || disabled}>
        {sending ? sendingLabel : label}
      </button>
      {onCancel ? (
        <button type="button" onClick={onCancel} disabled={sending}>
          Cancel
        </button>
      ) : null}
    </div>
  )
}
