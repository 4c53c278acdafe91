import type { Context } from 'hono'

/**
 * Streams CSV text chunks as a download. The first chunk is pulled before the response starts,
 * so a failure (a refusal, a bad cursor) still gets a proper error response instead of a cut file.
 */
export async function csvDownload(
  c: Context,
  chunks: AsyncGenerator<string, void, undefined>,
  fileName: string,
): Promise<Response> {
  const first = await chunks.next()
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close()
      else controller.enqueue(encoder.encode(first.value))
    },
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return c.body(stream, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
  })
}
