/**
 * Source offsets for every value of a parsed document, kept beside the data rather than in it,
 * so the data stays plain JSON for ajv, rules and formatters.
 */
export interface NodePositions {
  /** Offset of the container's first character (a block sequence's first `-`, a flow `[`, a mapping's first key). */
  start: number
  /** A mapping's key and value offsets interleaved (`k0, v0, k1, v1…`); a sequence's item offsets. */
  offsets: number[]
  /**
   * A mapping's keys in source order, where it differs from `Object.keys` (objects put integer-like
   * keys first). The fast path never accepts such keys, so it leaves this out.
   */
  keys?: string[]
}

/**
 * A Map, not a WeakMap: the positions live exactly as long as the document, and a WeakMap with a
 * million entries made the garbage collector half the cost of parsing (ephemeron tables).
 */
export type PositionMap = Map<object, NodePositions>

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
  const parts = pointer.slice(1).split('/')
  return pointer.includes('~') ? parts.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : parts
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
