/**
 * Source offsets for every value of a parsed document, kept beside the data rather than in it,
 * so the data stays plain JSON for ajv, rules and formatters.
 */
export interface NodePositions {
  /** Offset of the container's first character (a block sequence's first `-`, a flow `[`, a mapping's first key). */
  start: number
  /** Mapping keys in source order (objects reorder integer-like keys, so the order is kept here). */
  keys?: string[]
  keyOffsets?: number[]
  valueOffsets: number[]
}

export type PositionMap = WeakMap<object, NodePositions>

/** Nesting deeper than this is refused on every parsing path: no inventory needs it and it protects the stack. */
export const MAX_DEPTH = 64

/** Defines `obj[key] = value` as an own data property, so `__proto__` is a plain key and never a prototype. */
export function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, {value, writable: true, enumerable: true, configurable: true})
  } else {
    obj[key] = value
  }
}

/** Line start offsets of a text, for turning offsets into 1-based line:column. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  let i = text.indexOf('\n')
  while (i !== -1) {
    starts.push(i + 1)
    i = text.indexOf('\n', i + 1)
  }
  return starts
}

export function offsetToPosition(starts: number[], offset: number): {line: number; column: number} {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return {line: lo + 1, column: offset - starts[lo] + 1}
}

/** Splits a JSON pointer (RFC 6901) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
