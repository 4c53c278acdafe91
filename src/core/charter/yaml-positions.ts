import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml'

/** A path into a parsed document: keys of mappings and indexes of lists. */
export type DocumentPath = readonly (string | number)[]

/** A 1-based line and column in the source text. */
export interface SourcePosition {
  readonly line: number
  readonly column: number
}

function positionOfNode(node: Node | null | undefined, counter: LineCounter): SourcePosition {
  const offset = node?.range?.[0] ?? 0
  const { line, col } = counter.linePos(offset)
  return { line, column: col }
}

function keyText(key: unknown): string | null {
  return isScalar(key) ? String(key.value) : null
}

/**
 * Where `path` sits in the source. `target: 'key'` points at the last key itself (for an unknown
 * key); otherwise at the value. When the path leads nowhere (a missing key, an index past the end),
 * the deepest node that exists is the answer: for a missing key, that is the mapping that lacks it.
 */
export function positionOf(
  doc: Document,
  counter: LineCounter,
  path: DocumentPath,
  target: 'value' | 'key' = 'value',
): SourcePosition {
  let node: unknown = doc.contents
  for (const [depth, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc)
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment))
      if (!pair) return positionOfNode(node, counter)
      const last = depth === path.length - 1
      // An empty value (`level:` with nothing after it) has no node of its own: point at its key.
      if ((last && target === 'key') || pair.value === null || pair.value === undefined) {
        return positionOfNode(pair.key as Node, counter)
      }
      node = pair.value
    } else if (isSeq(node)) {
      const item = typeof segment === 'number' ? node.items[segment] : undefined
      if (item === undefined || item === null) return positionOfNode(node, counter)
      node = item
    } else {
      // A scalar where the path wants to go deeper: the scalar itself is the problem.
      return positionOfNode(node as Node | null, counter)
    }
  }
  return positionOfNode(node as Node | null, counter)
}

/** The value at `path` in plain data (what the document parsed to), or undefined. */
export function valueAt(data: unknown, path: DocumentPath): unknown {
  let value = data
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[segment]
  }
  return value
}
