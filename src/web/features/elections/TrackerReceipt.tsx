import { useEffect, useRef, useState } from 'react'

/**
 * The receipt after a cast: the tracker, large, with why it matters and a copy button. It is shown
 * this once (the server keeps no copy tied to the voter), so the heading takes the focus and a
 * screen reader reads it at once.
 */
export function TrackerReceipt({ tracker }: { readonly tracker: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  const code = useRef<HTMLElement>(null)
  const [copied, setCopied] = useState<'no' | 'yes' | 'selected'>('no')
  useEffect(() => heading.current?.focus(), [])

  async function copy() {
    try {
      await navigator.clipboard.writeText(tracker)
      setCopied('yes')
    } catch {
      // No clipboard (an insecure origin, or refused): select the text so the user can copy it.
      const selection = window.getSelection()
      if (code.current && selection) {
        selection.selectAllChildren(code.current)
        setCopied('selected')
      }
    }
  }

  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h3 id="receipt-title" ref={heading} tabIndex={-1}>
        Your ballot was cast. Your tracker:
      </h3>
      <p className="tracker">
        <code ref={code}>{tracker}</code>
      </p>
      <p>
        <strong>Write it down or copy it: it proves your ballot was counted; nobody else can see it.</strong>{' '}
        It is shown only now. After the close, type it under “Check my ballot” to see your ballot in the
        published box, exactly as you cast it.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={copy}>
          Copy the tracker
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied.' : copied === 'selected' ? 'Selected: press Ctrl+C to copy it.' : ''}
        </span>
      </div>
    </section>
  )
}
