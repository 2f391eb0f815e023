import type {Position, SourceDocument} from '../model/types.js'
import {giveBack} from './memory.js'
import {fromLatin1, lineStarts, offsetToPosition, type PositionTable} from './positions.js'
import {asciiDigits} from '../strings.js'

/** What the fast path knows of the bytes a document is parsed from. */
export interface BytesSource {
  /** UTF-8 past ASCII, read one byte a character. */
  latin1?: boolean
  /** The bytes read for this document alone, to give back on `releaseText`. */
  owned?: Buffer
  /** The line starts, found while the bytes were checked. */
  starts?: Int32Array
}

/** A parsed document that can say where any JSON pointer came from. */
export class ParsedDocument implements SourceDocument {
  private starts: Int32Array | undefined
  /** The root container's entry: the last one its parser added (-1 for a scalar root). */
  private readonly rootEntry: number

  constructor(
    readonly file: string,
    /**
     * The source, until `releaseText`: the file's bytes on the fast path, which reads bytes; the decoded
     * text on the full path (there every value of 13 characters or more is a V8 slice that holds it).
     */
    private source: Buffer | string,
    readonly data: unknown,
    private readonly positions: PositionTable,
    private readonly rootOffset: number,
    bytes: BytesSource = {},
  ) {
    // Made right after parsing: the table is complete, and its root is the entry it added last.
    this.rootEntry = positions.entryOf(data)
    positions.trim()
    this.latin1 = bytes.latin1 ?? false
    this.owned = bytes.owned
    this.starts = bytes.starts
  }

  /** The source is UTF-8 bytes read one a character: offsets count bytes, columns count characters. */
  private readonly latin1: boolean
  /** The bytes read for this document alone (the source, or the source and a BOM): `releaseText` gives their memory back. */
  private owned: Buffer | undefined

  /** What the document still holds of its source: the bytes (the fast path), the decoded text, or nothing once released. */
  get holds(): 'bytes' | 'text' | 'nothing' {
    return typeof this.source !== 'string' ? 'bytes' : this.source === '' ? 'nothing' : 'text'
  }

  /**
   * Done with the source (validation is over: `sourceText` is for its messages): keeps only what
   * locating needs, the line starts and, on Latin-1 text, the lines with bytes past ASCII. The source
   * is 60 MB at 100k systems; before this it lived until the end of the run.
   */
  releaseText(): void {
    const source = this.source
    if (source === '') return
    this.starts ??= lineStarts(source)
    // Latin-1 reading is the fast path's, on bytes.
    if (this.latin1 && typeof source !== 'string') {
      const starts = this.starts
      for (let i = 0; i < source.length; i++) {
        if (source[i] < 0x80) continue
        const line = offsetToPosition(starts, i).line
        const end = line < starts.length ? starts[line] : source.length
        this.highLines.set(line, Buffer.from(source.subarray(starts[line - 1], end)))
        i = end - 1
      }
    }
    if (this.owned) giveBack(this.owned)
    this.owned = undefined
    this.source = ''
  }

  /**
   * Done locating (the assessment has placed every finding; nothing after it locates): gives the
   * position table and the line starts back, 42 MB at 100k systems. Locating after this throws.
   */
  releasePositions(): void {
    this.releaseText()
    this.positions.release()
    if (this.starts) giveBack(this.starts)
    this.starts = undefined
    this.highLines.clear()
    this.base = undefined
    this.located = false
  }

  /** False once `releasePositions` has been called. */
  private located = true

  private mustLocate(): void {
    if (!this.located) throw new Error(`${this.file}: its positions were released, nothing can be located in it any more`)
  }

  /** After `releaseText`, the bytes of each line with bytes past ASCII, by line number. */
  private readonly highLines = new Map<number, Buffer>()

  locate(pointer: string): Position {
    this.mustLocate()
    return this.position(this.offsetOf(pointer).value)
  }

  locateKey(pointer: string): Position {
    this.mustLocate()
    return this.position(this.offsetOf(pointer).key)
  }

  sourceText(pointer: string): string | undefined {
    if (this.source === '') return undefined
    const {value, exact} = this.offsetOf(pointer)
    if (!exact) return undefined
    // From the bytes, the rest of the value's first line (what a message quotes: a number, a version).
    let t = this.source
    let at = value
    if (typeof t !== 'string') {
      const nl = t.indexOf(10, value)
      t = t.toString('latin1', value, nl === -1 ? t.length : nl)
      at = 0
    }
    const c = t[at]
    if (c === '"' || c === "'") {
      const end = t.indexOf(c, at + 1)
      return end === -1 ? undefined : this.chars(t.slice(at, end + 1))
    }
    if (c === '[' || c === '{') return undefined
    const m = /^[^\n\r,\]}]*?(?=[ \t]+#|[ \t]*[\n\r,\]}]|[ \t]*$)/.exec(t.slice(at, at + 500))
    return m ? this.chars(m[0]) : undefined
  }

  /** The source line that holds the key at `pointer` (for a message that quotes what was written), or undefined. */
  keyLine(pointer: string): string | undefined {
    if (this.source === '') return undefined
    const {key, exact} = this.offsetOf(pointer)
    if (!exact) return undefined
    const t = this.source
    if (typeof t === 'string') {
      const from = t.lastIndexOf('\n', key) + 1
      const nl = t.indexOf('\n', key)
      return t.slice(from, nl === -1 ? t.length : nl)
    }
    const from = t.lastIndexOf(10, key) + 1
    const nl = t.indexOf(10, key)
    return this.chars(t.toString('latin1', from, nl === -1 ? t.length : nl))
  }

  /**
   * `locate(base + suffix)`, for many suffixes under one base in a row (a system's findings): the walk
   * to `base` (`/systems/3`, three table lookups and a key search) is made once for the run of them.
   */
  locateIn(base: string, suffix: string): Position {
    this.mustLocate()
    if (suffix !== '' && suffix[0] !== '/') return this.locate(base + suffix)
    let b = this.base
    if (b?.pointer !== base) this.base = b = {pointer: base, ...this.offsetOf(base)}
    if (!b.exact || suffix === '') return this.position(b.value)
    return this.position(this.offsetOf(suffix, b).value)
  }

  /** The last base `locateIn` walked to. */
  private base: (Walked & {pointer: string}) | undefined

  /**
   * The offset of the value (and of its key) at `pointer`, or of its nearest existing ancestor;
   * from the root, or from where an earlier walk ended (`pointer` then goes on from there).
   */
  private offsetOf(pointer: string, start?: Walked): Walked {
    let node: unknown = start ? start.node : this.data
    let entry = start ? start.entry : this.rootEntry
    let value = start ? start.value : this.rootOffset
    let key = start ? start.key : this.rootOffset
    if (pointer === '') return {value, key, exact: true, node, entry}
    // The segments are read in place (a hot path: every finding is located): no split, no regex.
    const escaped = pointer.includes('~')
    let from = 1
    for (;;) {
      const slash = pointer.indexOf('/', from)
      const end = slash === -1 ? pointer.length : slash
      if (node === null || typeof node !== 'object' || entry < 0) return {value, key, exact: false, node, entry}
      if (Array.isArray(node)) {
        const index = arrayIndex(pointer, from, end)
        if (index < 0 || index >= node.length) return {value, key, exact: false, node, entry}
        const at = this.positions.offsetAt(entry, index)
        if (at < 0) return {value, key, exact: false, node, entry}
        value = at
        key = at
        node = node[index]
        entry = this.positions.memberAt(entry, index)
      } else {
        let segment = pointer.slice(from, end)
        if (escaped) segment = segment.replace(/~1/g, '/').replace(/~0/g, '~')
        const keys = this.positions.keys(entry)
        const index = keys ? keys.indexOf(segment) : ownKeyIndex(node as Record<string, unknown>, segment)
        if (index === -1) return {value, key, exact: false, node, entry}
        const keyAt = this.positions.offsetAt(entry, 2 * index)
        const valueAt = this.positions.offsetAt(entry, 2 * index + 1)
        if (keyAt < 0 || valueAt < 0) return {value, key, exact: false, node, entry}
        key = keyAt
        value = valueAt
        node = (node as Record<string, unknown>)[segment]
        entry = this.positions.memberAt(entry, index)
      }
      if (slash === -1) return {value, key, exact: true, node, entry}
      from = slash + 1
    }
  }

  private chars(s: string): string {
    return this.latin1 ? fromLatin1(s) : s
  }

  private position(offset: number): Position {
    this.starts ??= lineStarts(this.source)
    const at = offsetToPosition(this.starts, offset)
    if (!this.latin1 || at.column === 1) return at
    // Bytes to characters, on the line's part before the offset.
    if (this.source === '') {
      const line = this.highLines.get(at.line)
      return line ? {line: at.line, column: line.toString('utf8', 0, at.column - 1).length + 1} : at
    }
    const lineStart = this.starts[at.line - 1]
    const source = this.source
    const before = typeof source === 'string' ? fromLatin1(source.slice(lineStart, offset)) : source.toString('utf8', lineStart, offset)
    return {line: at.line, column: before.length + 1}
  }
}

/** Where a walk down a pointer ended: the offsets of the value and its key, and the value itself. */
interface Walked {
  value: number
  key: number
  /** False when the pointer went on past what exists: the offsets are of its nearest ancestor. */
  exact: boolean
  node: unknown
  /** `node`'s entry in the position table (-1 for a scalar). */
  entry: number
}

/** `pointer[from, end)` as an array index (`0` or digits without a leading zero), or -1. */
function arrayIndex(pointer: string, from: number, end: number): number {
  if (end === from || end - from > 15) return -1
  if (pointer.charCodeAt(from) === 48 /* 0 */) return end - from === 1 ? 0 : -1
  return asciiDigits(pointer, from, end)
}

/** The position of `key` among an object's own keys, without allocating the key list (a hot path). */
function ownKeyIndex(node: Record<string, unknown>, key: string): number {
  if (!Object.prototype.hasOwnProperty.call(node, key)) return -1
  let i = 0
  for (const k in node) {
    if (k === key) return i
    i++
  }
  return -1
}
