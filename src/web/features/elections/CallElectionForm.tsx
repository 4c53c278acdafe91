import { type FormEvent, useState } from 'react'
import { apiSend } from '../../api/client.ts'
import { electionHref, navigate } from '../../app/router.ts'
import { Field } from '../../shared/forms/Field.tsx'
import { SubmitRow } from '../../shared/forms/SubmitRow.tsx'
import { useSubmit } from '../../shared/forms/use-submit.ts'
import { Loading } from '../../shared/Loading.tsx'
import { useOrganisationToday } from '../../shared/organisation-context.ts'
import type { BodyPost } from '../mandates/types.ts'
import { ElectionRefusal } from './ElectionRefusal.tsx'
import { fromLocalInput } from './election-format.ts'
import { METHOD_IDS, METHODS, type MethodId } from './methods.ts'
import type { Election } from './types.ts'

interface CallElectionFormProps {
  readonly bodyId: number
  readonly bodyName: string
  /** The posts the charter defines at the body's level. */
  readonly posts: readonly BodyPost[]
  readonly onDone: () => void
}

/** 'YYYY-MM-DD' plus `days`, at `time`, as a datetime-local value. */
function dayAt(today: string, days: number, time: string): string {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return `${date.toISOString().slice(0, 10)}T${time}`
}

const WINDOWS = [
  { key: 'nominationsOpenAt', label: 'Nominations open', days: 1, time: '09:00' },
  { key: 'nominationsCloseAt', label: 'Nominations close', days: 8, time: '18:00' },
  { key: 'votingOpenAt', label: 'Voting opens', days: 10, time: '09:00' },
  { key: 'votingCloseAt', label: 'Voting closes', days: 12, time: '18:00' },
] as const
type WindowKey = (typeof WINDOWS)[number]['key']

/**
 * Calls an election in the body (POST /bodies/:id/elections): a title, the counting method (each
 * explained in a line), the posts with their seats, and the nomination and voting windows on the
 * organisation's clock. The server checks the posts against the charter and the windows' order.
 */
export function CallElectionForm(props: CallElectionFormProps) {
  // The default windows count from the organisation's date, never the browser's (a demo runs in 1923).
  const today = useOrganisationToday()
  if (today === null) return <Loading label="Loading the organisation’s date…" />
  return <CallElectionFields {...props} today={today} />
}

function CallElectionFields({
  bodyId,
  bodyName,
  posts,
  onDone,
  today,
}: CallElectionFormProps & { readonly today: string }) {
  const [title, setTitle] = useState('')
  const [method, setMethod] = useState<MethodId>('scottish-stv')
  const [seats, setSeats] = useState<Readonly<Record<string, string>>>(() =>
    Object.fromEntries(posts.map((post) => [post.post, String(post.seats)])),
  )
  const [chosen, setChosen] = useState<readonly string[]>(() => posts.map((post) => post.post))
  const [windows, setWindows] = useState<Readonly<Record<WindowKey, string>>>(
    () =>
      Object.fromEntries(WINDOWS.map((w) => [w.key, dayAt(today, w.days, w.time)])) as Record<
        WindowKey,
        string
      >,
  )
  const submission = useSubmit()
  const contests = posts
    .filter((post) => chosen.includes(post.post))
    .map((post) => ({ post: post.post, seats: method === 'plurality' ? 1 : Number(seats[post.post] ?? 1) }))
  const labels: Record<string, string> = {
    title: 'Title',
    method: 'Method',
    contests: 'Posts',
    ...Object.fromEntries(WINDOWS.map((w) => [w.key, w.label])),
    ...Object.fromEntries(
      contests.flatMap((contest, index) => {
        const postTitle = posts.find((p) => p.post === contest.post)?.title ?? contest.post
        return [
          [`contests.${index}.post`, postTitle],
          [`contests.${index}.seats`, `Seats for ${postTitle}`],
        ]
      }),
    ),
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const answer: { election?: Election } = {}
    const ok = await submission.run(async () => {
      answer.election = await apiSend<Election>('POST', `/bodies/${bodyId}/elections`, {
        title,
        method,
        contests,
        ...Object.fromEntries(WINDOWS.map((w) => [w.key, fromLocalInput(windows[w.key])])),
      })
    })
    if (ok && answer.election) navigate(electionHref(answer.election.id))
  }

  return (
    <form className="action-form" onSubmit={submit} aria-label={`Call an election in ${bodyName}`}>
      <div className="form-grid">
        <Field label="Title" wide>
          {(id) => (
            <input
              id={id}
              required
              maxLength={200}
              placeholder={`${bodyName}: elections`}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <Field label="Counting method" hint={METHODS[method].explanation} wide>
          {(id, hint) => (
            <select
              id={id}
              aria-describedby={hint}
              value={method}
              onChange={(event) => setMethod(event.target.value as MethodId)}
            >
              {METHOD_IDS.map((m) => (
                <option key={m} value={m}>
                  {METHODS[m].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Posts and seats</legend>
          {posts.length === 0 ? <p className="empty">The charter defines no posts at this level.</p> : null}
          {method === 'plurality' ? (
            <p className="hint">Plurality fills one seat per post; choose a block vote for several.</p>
          ) : null}
          <ul className="post-choices">
            {posts.map((post) => (
              <li key={post.post}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(post.post)}
                    onChange={(event) =>
                      setChosen(
                        event.target.checked ? [...chosen, post.post] : chosen.filter((p) => p !== post.post),
                      )
                    }
                  />
                  {post.title}
                </label>
                <label className="seats">
                  Seats{' '}
                  <input
                    type="number"
                    min={1}
                    max={post.seats}
                    disabled={!chosen.includes(post.post) || method === 'plurality'}
                    value={method === 'plurality' ? '1' : (seats[post.post] ?? '1')}
                    onChange={(event) => setSeats({ ...seats, [post.post]: event.target.value })}
                  />
                </label>
                <span className="muted"> of {post.seats}</span>
              </li>
            ))}
          </ul>
        </fieldset>
        {WINDOWS.map((w) => (
          <Field key={w.key} label={w.label} hint="The organisation's time (UTC)">
            {(id, hint) => (
              <input
                id={id}
                type="datetime-local"
                required
                aria-describedby={hint}
                value={windows[w.key]}
                onChange={(event) => setWindows({ ...windows, [w.key]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <ElectionRefusal error={submission.error} labels={labels} />
      <SubmitRow
        label="Call the election"
        sendingLabel="Calling…"
        sending={submission.sending}
        disabled={contests.length === 0}
        onCancel={onDone}
      />
    </form>
  )
}
