/** An error answered by the API: its stable code, the message to show, and the HTTP status. */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly details: unknown
  constructor(code: string, message: string, status: number, details: unknown) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
  }
}

type Listener = () => void
const unauthenticatedListeners = new Set<Listener>()

/** Called whenever the API answers 401, so the app can return to the sign-in page. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener)
  return () => unauthenticatedListeners.delete(listener)
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}

interface Payload {
  readonly contentType: string
  readonly text: string
}

async function request<T>(method: string, path: string, payload?: Payload): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: payload
        ? { accept: 'application/json', 'content-type': payload.contentType }
        : { accept: 'application/json' },
      body: payload?.text,
    })
  } catch {
    throw new ApiError('NETWORK', 'The server cannot be reached. Check your connection and try again.', 0, {})
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (!response.ok) {
    // A 401 on the session routes themselves is a wrong password, not an expired session.
    if (response.status === 401 && path !== '/session')
      for (const listener of unauthenticatedListeners) listener()
    if (isErrorBody(parsed))
      throw new ApiError(parsed.code, parsed.message, response.status, parsed.details ?? {})
    throw new ApiError(
      'HTTP_ERROR',
      `The server answered ${response.status} ${response.statusText}`.trim(),
      response.status,
      {},
    )
  }
  return parsed as T
}

/** GET a JSON resource under /api. */
export function apiGet<T>(path: string): Promise<T> {
  return request<T>('GET', path)
}

/** POST/PUT/PATCH/DELETE under /api with an optional JSON body. */
export function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return request<T>(
    method,
    path,
    body === undefined ? undefined : { contentType: 'application/json', text: JSON.stringify(body) },
  )
}

/** POSTs a text file (e.g. a CSV import) as it is, with its content type. */
export function apiUpload<T>(path: string, text: string, contentType: string): Promise<T> {
  return request<T>('POST', path, { contentType, text })
}

/** A query string from the defined values only ('' when none). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
