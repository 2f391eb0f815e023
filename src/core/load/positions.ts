/**
 * Source offsets for every value of a parsed document, kept beside the data rather than in it,
 * so the data stays plain JSON for ajv, rules and formatters.
 */
/**
 * Where every container of a document came from. Per container, a count and then its offsets: a
 * mapping's key and value offsets interleaved (`k0, v0, k1, v1…`), a sequence's item offsets. All of
 * them in one growing Int32Array, found through a Map from the container (object or array) to its
 * entry's index.
 *
 * Why flat: an object and an array per container (938,717 of them at 100k systems, 5.9 million
 * offsets) put peak memory at 12.1× the file; one typed array keeps 4 bytes per offset and no
 * per-container objects. A Map, not a WeakMap: the positions live exactly as long as the document,
 * and a WeakMap with a million entries made the garbage collector half the cost of parsing.
 */
export class PositionTable {
  private flat: Int32Array
  private used = 0
  private readonly index = new Map<object, number>()
  /**
   * A mapping's keys in source order, where it differs from `Object.keys` (objects put integer-like
   * keys first). The fast path never accepts such keys, so it leaves this out.
   */
  private readonly keyOrder = new Map<object, string[]>()

  /** `sizeHint`: the text's length; about one offset per 10 characters in a generated inventory. */
  constructor(sizeHint = 0) {
    this.flat = new Int32Array(Math.max(256, sizeHint >> 3))
  }

  /** Records `node`'s offsets (read from `offsets[0..count)`, which the caller may reuse after). */
  add(node: object, offsets: readonly number[], keys?: string[]): void {
    const count = offsets.length
    if (this.used + count + 1 > this.flat.length) {
      const grown = new Int32Array(Math.max(this.flat.length * 2, this.used + count + 1))
      grown.set(this.flat.subarray(0, this.used))
      this.flat = grown
    }
    const at = this.used
    this.flat[at] = count
    for (let i = 0; i < count; i++) this.flat[at + 1 + i] = offsets[i]
    this.used = at + 1 + count
    this.index.set(node, at)
    if (keys) this.keyOrder.set(node, keys)
  }

  /** Where `node`'s entry is, for `offsetAt`, or -1 when it has none. */
  entry(node: object): number {
    return this.index.get(node) ?? -1
  }

  /** The `i`th offset of the entry at `entry`, or -1. */
  offsetAt(entry: number, i: number): number {
    if (entry < 0 || i < 0 || i >= this.flat[entry]) return -1
    return this.flat[entry + 1 + i]
  }

  keys(node: object): string[] | undefined {
    // Empty for every document the fast path read: skip a lookup per level of every pointer walked.
    return this.keyOrder.size === 0 ? undefined : this.keyOrder.get(node)
  }
}

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

/** A byte of UTF-8 past ASCII, in text read as Latin-1. */
const HIGH = /[\x80-\xff]/

/**
 * Text read as Latin-1 holds UTF-8 bytes one character a byte: this gives the characters they encode
 * (the string itself when it is ASCII). Why read a file so: one character past Latin-1 (a single '—')
 * makes a decoded string two bytes a character, the whole 57 MiB file and every value sliced from it
 * (V8 slices keep their parent); read as Latin-1 it stays one byte, and only the few values with a
 * byte over 0x7F are decoded, alone.
 */
export function fromLatin1(s: string): string {
  return HIGH.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s
}

/** Line start offsets of a text, for turning offsets into 1-based line:column (4 bytes a line). */
export function lineStarts(text: string): Int32Array {
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  const starts = new Int32Array(lines)
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1
  return starts
}

export function offsetToPosition(starts: ArrayLike<number>, offset: number): {line: number; column: number} {
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
