/**
 * Source offsets for every value of a parsed document, kept beside the data rather than in it,
 * so the data stays plain JSON for ajv, rules and formatters.
 */
import {giveBack} from './memory.js'

/**
 * Where every container of a document came from, as a tree of entries beside the data, all in one
 * growing Int32Array. Per container: a header (how many offsets, and whether it is a mapping), its
 * own value offset (written by its parent), then its offsets: a mapping's key and value offsets
 * interleaved (`k0, v0, k1, v1…`), a sequence's item offsets. Where a member's value is itself a
 * container, its slot holds `-(entry + 1)` instead, and the offset is in that entry. A pointer is
 * walked from the root entry down through these, beside the data.
 *
 * Why flat: an object and an array per container (938,717 of them at 100k systems, 5.9 million
 * offsets) put peak memory at 12.1× the file; one typed array keeps 4 bytes per offset and no
 * per-container objects. Why a tree: a Map from each container to its entry (a WeakMap before it,
 * which made the collector half the cost of parsing) was 29 MB at 100k systems, and setting and
 * reading it a good part of parsing and of locating findings.
 */
export class PositionTable {
  private flat: Int32Array
  private used = 0
  private lastEntry = -1
  /**
   * A mapping's keys in source order, by entry, where it differs from `Object.keys` (objects put
   * integer-like keys first). The fast path never accepts such keys, so it leaves this empty.
   */
  private readonly keyOrder = new Map<number, string[]>()

  /** `sizeHint`: the text's length; about one number per 7 characters in a generated inventory. */
  constructor(sizeHint = 0) {
    this.flat = new Int32Array(Math.max(256, Math.floor(sizeHint / 7)))
  }

  /**
   * Records a complete container: its offsets, and each member's entry (-1 for a scalar), read from
   * the arrays (which the caller may reuse after). Parsers add a container once its members are added,
   * so the root comes last, and right after a value is parsed `entryOf` gives its entry.
   */
  add(offsets: readonly number[], members: readonly number[], keys?: string[]): void {
    const count = offsets.length
    const isMap = count > 0 && count === 2 * members.length
    if (this.used + count + 2 > this.flat.length) {
      const grown = new Int32Array(Math.max(Math.floor(this.flat.length * 1.5), this.used + count + 2))
      grown.set(this.flat.subarray(0, this.used))
      this.flat = grown
    }
    const at = this.used
    const flat = this.flat
    flat[at] = count * 2 + (isMap ? 1 : 0)
    flat[at + 1] = -1
    for (let i = 0; i < count; i++) flat[at + 2 + i] = offsets[i]
    for (let m = 0; m < members.length; m++) {
      const child = members[m]
      if (child < 0) continue
      const slot = at + 2 + (isMap ? 2 * m + 1 : m)
      flat[child + 1] = flat[slot]
      flat[slot] = -(child + 1)
    }
    this.used = at + count + 2
    this.lastEntry = at
    if (keys) this.keyOrder.set(at, keys)
  }

  /** The entry of `value` just parsed: the last one added when it is a container, else -1. */
  entryOf(value: unknown): number {
    return value !== null && typeof value === 'object' ? this.lastEntry : -1
  }

  /** Lets go of the room the table grew into and did not use (a copy, once a document is parsed). */
  trim(): void {
    if (this.flat.length - this.used > this.flat.length >> 3) this.flat = this.flat.slice(0, this.used)
  }

  /** Gives the table's memory back (see giveBack): the document locates nothing after this. */
  release(): void {
    giveBack(this.flat)
    this.flat = new Int32Array(0)
    this.used = 0
    this.lastEntry = -1
    this.keyOrder.clear()
  }

  /** The `i`th offset of the entry at `entry`, or -1. */
  offsetAt(entry: number, i: number): number {
    if (entry < 0 || i < 0 || i >= this.flat[entry] >> 1) return -1
    const v = this.flat[entry + 2 + i]
    return v >= 0 ? v : this.flat[-v]
  }

  /** The entry of member `m` (a mapping's `m`th value, a sequence's `m`th item) of `entry`, or -1. */
  memberAt(entry: number, m: number): number {
    if (entry < 0 || m < 0) return -1
    const header = this.flat[entry]
    const slot = header & 1 ? 2 * m + 1 : m
    if (slot >= header >> 1) return -1
    const v = this.flat[entry + 2 + slot]
    return v >= 0 ? -1 : -v - 1
  }

  /**
   * Adds a copy of the entry at \`entry\` and of every entry under it (an alias's value: each use has
   * positions of its own, those of its anchor's text), and returns the copy's entry.
   */
  copy(entry: number): number {
    const header = this.flat[entry]
    const count = header >> 1
    const n = header & 1 ? count >> 1 : count
    const offsets: number[] = []
    const members: number[] = []
    for (let i = 0; i < count; i++) offsets.push(this.offsetAt(entry, i))
    for (let m = 0; m < n; m++) {
      const child = this.memberAt(entry, m)
      members.push(child < 0 ? -1 : this.copy(child))
    }
    this.add(offsets, members, this.keyOrder.get(entry))
    return this.lastEntry
  }

  keys(entry: number): string[] | undefined {
    // Empty for every document the fast path read: skip a lookup per level of every pointer walked.
    return this.keyOrder.size === 0 ? undefined : this.keyOrder.get(entry)
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

/** Line start offsets of a text or its bytes, for turning offsets into 1-based line:column (4 bytes a line). */
export function lineStarts(text: string | Uint8Array): Int32Array {
  if (typeof text !== 'string') return byteLineStarts(text, false)!
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  const starts = new Int32Array(lines)
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1
  return starts
}

/**
 * The line starts of bytes. `plain`: undefined instead when they hold a C0 control other than tab,
 * LF and CR, DEL, or a CR alone (CONTROL_CHARACTER and LONE_CR in index.ts): the loader's check and
 * what locating needs later, in one pass.
 */
export function byteLineStarts(bytes: Uint8Array, plain: boolean): Int32Array | undefined {
  let starts = new Int32Array(Math.max(64, bytes.length >> 5))
  let n = 1
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b >= 0x20 && b !== 0x7f) continue
    if (b === 10) {
      if (n === starts.length) {
        const grown = new Int32Array(n * 2)
        grown.set(starts)
        starts = grown
      }
      starts[n++] = i + 1
      continue
    }
    if (plain && b !== 9 && !(b === 13 && bytes[i + 1] === 10)) return undefined
  }
  return starts.slice(0, n)
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
