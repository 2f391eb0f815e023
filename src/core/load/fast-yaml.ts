/**
 * A fast parser for the block-style YAML subset that inventories are written in, recording the
 * source offset of every key and value. Anything outside the subset (anchors, tags, block scalars,
 * multi-line scalars or flows, directives, duplicate keys, tabs, errors of any kind) makes it give up
 * with `null`, and the caller parses the same text with the `yaml` library, which is exact but about
 * ten times slower. Both paths resolve scalars with the YAML 1.2 core schema, so they agree on every
 * document the fast path accepts (a differential test holds them to it).
 */
import {fromLatin1, MAX_DEPTH, type PositionTable, setMember} from './positions.js'

const BAIL = Symbol('bail')

const NL = 10
const CR = 13
const SPACE = 32
const TAB = 9
const HASH = 35
const COLON = 58
const DASH = 45
const COMMA = 44
const LBRACKET = 91
const RBRACKET = 93
const LBRACE = 123
const RBRACE = 125
const SQUOTE = 39
const DQUOTE = 34
const PIPE = 124
const GT = 62
const AMP = 38
const STAR = 42

const enum Flag {
  /** A character that cannot start a plain scalar (YAML c-indicator, less `-?:` handled apart). */
  Indicator = 1,
  /** A character that ends a plain scalar inside a flow collection. */
  FlowEnd = 2,
}

const charFlags = new Uint8Array(128)
for (const c of '[]{},#&*!|>\'"%@`') charFlags[c.charCodeAt(0)] |= Flag.Indicator
for (const c of ',[]{}') charFlags[c.charCodeAt(0)] |= Flag.FlowEnd

export interface FastParseResult {
  value: unknown
  rootOffset: number
}

/**
 * Parses the bytes of a UTF-8 file (BOM already removed), read one byte a character, or returns null
 * when the document is outside the subset. Offsets are byte offsets. Positions of every container are
 * added to `positions`. `latin1`: the bytes are not all ASCII, so each string is decoded from UTF-8.
 * The parser reads bytes, not a decoded text: a text of the whole file would be a second copy of it
 * (62 MB at 100k systems) that only a full collection frees, and V8 often runs none after parsing.
 */
export function fastParse(bytes: Buffer, positions: PositionTable, stoppedAt?: {offset: number}, latin1 = false): FastParseResult | null {
  const docs = fastParseAll(bytes, () => positions, stoppedAt, latin1)
  if (docs === null || docs.length > 1) return null
  return docs.length === 0 ? {value: null, rootOffset: 0} : {value: docs[0].value, rootOffset: docs[0].rootOffset}
}

/** One document of a stream read on the fast path, with its own position table. */
export interface FastDocument extends FastParseResult {
  positions: PositionTable
}

/**
 * Every document of the bytes (a stream: \`---\` between them, \`...\` ending one), each with a table
 * from \`table()\`; or null when any is outside what the fast path reads.
 */
export function fastParseAll(bytes: Buffer, table: () => PositionTable, stoppedAt?: {offset: number}, latin1 = false): FastDocument[] | null {
  const p = new FastParser(bytes, table(), latin1)
  try {
    return p.parseStream(table)
  } catch (error) {
    if (error !== BAIL) throw error
    // Where it gave up: the first thing outside the subset, or a mistake, is there or just after.
    if (stoppedAt) stoppedAt.offset = p.offset
    return null
  }
}

/** Strings of at most this many bytes are looked up among those made recently before one is made. */
const SHORT = 24
const RECENT_SLOTS = 4096
/**
 * Short strings made so far, by a hash of their bytes. Keys and enumerated values repeat on every
 * system (`criticality: high`): each is made once, not once a system (34 MB less alive at 100k
 * systems). Shared by every parse: an estate in 200 files repeats them across files too.
 */
const recent: string[] = new Array<string>(RECENT_SLOTS).fill('')

class FastParser {
  private pos = 0

  get offset(): number {
    return Math.min(this.pos, this.len)
  }

  private depth = 0
  private readonly len: number
  /** Anchored values by name, with their position entries and how many values each expands to. */
  private readonly anchors = new Map<string, {value: unknown; entry: number; size: number}>()
  /** Values aliases may still expand to: past it the file is an alias bomb, for the library to report. */
  private aliasBudget: number
  /** In a flow over several lines, the column its lines must be indented past (its key's or dash's); -1: one line only. */
  private flowParent = -1
  /** Where the node after an anchor (`&name`) starts: its value offset, as on the library's path (-1: no anchor). */
  private nodeStart = -1

  constructor(
    private readonly bytes: Buffer,
    private positions: PositionTable,
    /** The bytes are UTF-8 past ASCII: strings are decoded (see `fromLatin1` in positions.ts). */
    private readonly latin1 = false,
  ) {
    this.len = bytes.length
    this.aliasBudget = bytes.length + 10_000
  }

  /** The name after `&` or `*` at `pos`; `pos` is left after it. */
  private propertyName(): string {
    const t = this.bytes
    const start = this.pos + 1
    let i = start
    while (i < this.len) {
      const c = t[i]
      if (c === SPACE || c === NL || c === CR || c === TAB || (c < 128 && charFlags[c] & Flag.FlowEnd)) break
      i++
    }
    if (i === start) throw BAIL
    this.pos = i
    return this.chars(this.str(start, i))
  }

  /** `*name`: a copy of the anchored value (as the library makes one per alias), counted against the budget. */
  private alias(): unknown {
    const a = this.anchors.get(this.propertyName())
    // An unknown alias, or one inside its own anchor (not yet defined), is the library's to report.
    if (!a) throw BAIL
    this.aliasBudget -= a.size
    if (this.aliasBudget < 0) throw BAIL
    // The copy's positions are its anchor's (the text a user edits), in entries of its own.
    if (a.entry >= 0) this.positions.copy(a.entry)
    return copy(a.value)
  }

  private anchor(name: string, value: unknown, entry: number): void {
    this.anchors.set(name, {value, entry, size: sizeOf(value)})
  }

  /**
   * The value after \`key: \` or \`- \` on this line, with what may follow it: an anchor (\`&name\`, the
   * node on this line or the lines below), an alias, a block scalar (\`|\` or \`>\`, over the lines
   * below), or a scalar that may go on over more indented lines. \`parent\`: the key's or the dash's column.
   * Leaves \`pos\` at the next line.
   */
  private parseLineValue(parent: number): unknown {
    const t = this.bytes
    const c = t[this.pos]
    if (c === AMP) {
      const name = this.propertyName()
      while (t[this.pos] === SPACE) this.pos++
      const d = this.pos < this.len ? t[this.pos] : NL
      let value: unknown
      if (d === NL || d === CR || d === HASH) {
        this.endOfLine()
        const next = this.nextContentLine()
        const e = t[this.pos]
        if (next <= parent || e === AMP || e === STAR) throw BAIL
        const start = this.pos
        value = this.parseBlockNode(next)
        this.nodeStart = start
      } else {
        // A property before a key belongs to the key: the library's to read.
        if (d === AMP || d === STAR || this.findKeyEnd() !== -1) throw BAIL
        const start = this.pos
        value = this.parseLineValue(parent)
        this.nodeStart = start
      }
      this.anchor(name, value, this.positions.entryOf(value))
      return value
    }
    if (c === STAR) {
      const value = this.alias()
      this.endOfLine()
      return value
    }
    if (c === PIPE || c === GT) return this.parseBlockScalar(parent)
    const value = this.parseInlineValue(parent)
    this.endOfLine()
    return value
  }

  /**
   * A literal (\`|\`) or folded (\`>\`) block scalar at \`pos\`, with its chomping (\`+\`, \`-\`) and
   * indentation (1–9) indicators, as YAML 1.2 §8.1 reads it. Leaves \`pos\` at the start of the first
   * line after it.
   */
  private parseBlockScalar(parent: number): string {
    const t = this.bytes
    const folded = t[this.pos] === GT
    let i = this.pos + 1
    let chomp = 0
    let explicit = 0
    for (let k = 0; k < 2; k++) {
      const c = t[i]
      if ((c === 43 || c === DASH) && chomp === 0) chomp = c === 43 ? 1 : -1
      else if (c >= 49 && c <= 57 && explicit === 0) explicit = c - 48
      else break
      i++
    }
    this.pos = i
    // Then only spaces and a comment on the header's line.
    if (i < this.len && t[i] !== SPACE && t[i] !== NL && t[i] !== CR) throw BAIL
    this.endOfLine()
    let indent = explicit ? Math.max(parent, 0) + explicit : -1
    const lines: Array<[start: number, end: number]> = []
    let leadingBlank = 0
    let at = this.pos
    while (at < this.len) {
      let end = t.indexOf(NL, at)
      const next = end === -1 ? this.len : end + 1
      if (end === -1) end = this.len
      if (end > at && t[end - 1] === CR) end--
      let sp = at
      while (sp < end && t[sp] === SPACE) sp++
      const spaces = sp - at
      const blank = sp === end
      if (indent === -1) {
        if (blank) {
          leadingBlank = Math.max(leadingBlank, spaces)
          lines.push([end, end])
          at = next
          continue
        }
        if (spaces <= parent) break
        if (t[sp] === TAB) throw BAIL
        indent = spaces
        // A leading empty line with more spaces than the first line of text is an error in YAML.
        if (leadingBlank > indent) throw BAIL
      }
      if (blank && spaces <= indent) {
        lines.push([end, end])
      } else if (spaces < indent) {
        break
      } else {
        lines.push([at + indent, end])
      }
      at = next
    }
    this.pos = at
    // The lines of text, and the empty ones after the last (what chomping keeps or strips).
    let last = lines.length - 1
    while (last >= 0 && lines[last][0] === lines[last][1]) last--
    const trailing = lines.length - 1 - last
    let body = ''
    if (!folded) {
      for (let k = 0; k <= last; k++) body += (k > 0 ? '\n' : '') + t.toString('latin1', lines[k][0], lines[k][1])
    } else {
      // Folding: a line break between two lines of text is a space; each empty line a line break;
      // lines that start with white space ("more indented") keep the breaks around them.
      let prev: 'text' | 'more' | undefined
      let empties = 0
      for (let k = 0; k <= last; k++) {
        const [s0, e0] = lines[k]
        if (s0 === e0) {
          empties++
          continue
        }
        const more = t[s0] === SPACE || t[s0] === TAB
        if (prev === undefined) body += '\n'.repeat(empties)
        else if (prev === 'text' && !more) body += empties ? '\n'.repeat(empties) : ' '
        else body += '\n'.repeat(empties + 1)
        body += t.toString('latin1', s0, e0)
        prev = more ? 'more' : 'text'
        empties = 0
      }
    }
    if (last >= 0) {
      if (chomp >= 0) body += '\n'
      if (chomp > 0) body += '\n'.repeat(trailing)
    } else if (chomp > 0) {
      body = '\n'.repeat(trailing)
    }
    return this.chars(body)
  }

  /** `bytes[start, end)` as a string, one character a byte. */
  private str(start: number, end: number): string {
    const t = this.bytes
    const n = end - start
    if (n > SHORT) return t.toString('latin1', start, end)
    let h = n
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + t[i]) | 0
    const slot = (h ^ (h >>> 12)) & (RECENT_SLOTS - 1)
    const known = recent[slot]
    if (known.length === n) {
      let i = 0
      while (i < n && known.charCodeAt(i) === t[start + i]) i++
      if (i === n) return known
    }
    const made = t.toString('latin1', start, end)
    recent[slot] = made
    return made
  }

  /** Is the byte `c` at `i` and at the two after it (`---`, `...`)? */
  private thrice(c: number, i: number): boolean {
    const t = this.bytes
    return t[i] === c && t[i + 1] === c && t[i + 2] === c
  }

  /** A value as the characters it stands for: past ASCII, its UTF-8 bytes decoded. */
  private chars(s: string): string {
    return this.latin1 ? fromLatin1(s) : s
  }

  /** A document marker (`---` or `...` followed by a break) at the start of the line at `pos`. */
  private atMarker(): boolean {
    const i = this.pos
    return (i === 0 || this.bytes[i - 1] === NL) && (this.thrice(DASH, i) || this.thrice(46, i)) && this.isBreakOrEnd(i + 3)
  }

  /**
   * The documents of the stream: a root at column 0 each, \`---\` alone on its line before every one
   * but the first (which may go without), \`...\` alone after one. \`--- value\`, directives and a bare
   * document after \`...\` are the library's to read.
   */
  parseStream(table: () => PositionTable): FastDocument[] {
    const t = this.bytes
    const docs: FastDocument[] = []
    let indent = this.nextContentLine()
    for (let first = true; ; first = false) {
      let explicit = false
      if (indent === 0 && this.thrice(DASH, this.pos) && this.isBreakOrEnd(this.pos + 3)) {
        this.pos += 3
        this.endOfLine()
        explicit = true
        indent = this.nextContentLine()
      } else if (!first) {
        throw BAIL
      }
      if (indent === -1 || (indent === 0 && this.atMarker())) {
        // `---` with nothing after it is an empty document; no marker and nothing, none.
        if (explicit) docs.push({value: null, rootOffset: 0, positions: (this.positions = docs.length === 0 ? this.positions : table())})
        if (indent === -1) return docs
        if (t[this.pos] === 46) {
          this.pos += 3
          this.endOfLine()
          indent = this.nextContentLine()
          if (indent === -1) return docs
        }
        continue
      }
      if (t[this.pos] === 37 /* % */ || indent !== 0) throw BAIL
      if (docs.length > 0) this.positions = table()
      const rootOffset = this.pos
      const value = this.parseBlockNode(0)
      docs.push({value, rootOffset, positions: this.positions})
      indent = this.nextContentLine()
      if (indent === -1) return docs
      if (indent === 0 && t[this.pos] === 46 && this.atMarker()) {
        this.pos += 3
        this.endOfLine()
        indent = this.nextContentLine()
        if (indent === -1) return docs
      }
    }
  }

  /** Is the byte at `i` a space, a line break or the end of the bytes? */
  private isBreakOrEnd(i: number): boolean {
    if (i >= this.len) return true
    const c = this.bytes[i]
    return c === SPACE || c === NL || c === CR
  }

  /**
   * From the start of a line (or the end of a previous line's content), skips blank and comment lines.
   * Leaves `pos` at the first character of the next content line and returns its indentation, or -1 at
   * the end of the bytes.
   */
  private nextContentLine(): number {
    const t = this.bytes
    const len = this.len
    let i = this.pos
    // A nested block returns with `pos` after the next line's indentation: measure from the line's start.
    while (i > 0 && t[i - 1] === SPACE) i--
    if (i > 0 && t[i - 1] !== NL) i = this.pos
    for (;;) {
      const lineStart = i
      while (i < len && t[i] === SPACE) i++
      if (i >= len) {
        this.pos = len
        return -1
      }
      const c = t[i]
      if (c === NL) {
        i++
        continue
      }
      if (c === CR) {
        if (t[i + 1] !== NL) throw BAIL
        i += 2
        continue
      }
      if (c === HASH) {
        const nl = t.indexOf(NL, i)
        if (nl === -1) {
          this.pos = len
          return -1
        }
        i = nl + 1
        continue
      }
      if (c === TAB) throw BAIL
      this.pos = i
      return i - lineStart
    }
  }

  /** After a value: optional spaces and a comment, then a line break or the end. */
  private endOfLine(): void {
    const t = this.bytes
    let i = this.pos
    while (i < this.len && t[i] === SPACE) i++
    if (i >= this.len) {
      this.pos = i
      return
    }
    let c = t[i]
    // A comment needs white space before it (`a#b` is a scalar).
    if (c === HASH && (i === 0 || t[i - 1] === SPACE || t[i - 1] === NL)) {
      const nl = t.indexOf(NL, i)
      this.pos = nl === -1 ? this.len : nl + 1
      return
    }
    if (c === CR) {
      i++
      c = t[i]
    }
    if (c !== NL) throw BAIL
    this.pos = i + 1
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw BAIL
  }

  /** Reusable arrays per depth for a container's offsets and members' entries until it is recorded: none per container. */
  private readonly scratchByDepth: number[][] = []
  private readonly membersByDepth: number[][] = []

  /** The emptied offsets array of the current depth (call after `enter`). */
  private scratch(): number[] {
    const list = (this.scratchByDepth[this.depth] ??= [])
    list.length = 0
    return list
  }

  /** The emptied members' entries array of the current depth (call after `enter`). */
  private members(): number[] {
    const list = (this.membersByDepth[this.depth] ??= [])
    list.length = 0
    return list
  }

  /** A node whose first character is at `pos`, on a line indented by `indent`. */
  private parseBlockNode(indent: number): unknown {
    const t = this.bytes
    const c = t[this.pos]
    if (c === DASH && this.isBreakOrEnd(this.pos + 1)) return this.parseBlockSequence(indent)
    const keyEnd = this.findKeyEnd()
    if (keyEnd !== -1) return this.parseBlockMapping(indent)
    const value = this.parseInlineValue(indent - 1)
    this.endOfLine()
    return value
  }

  /**
   * If the content at `pos` is a mapping key (`key:` followed by a space or line end), returns the
   * offset of its colon; otherwise -1.
   */
  private findKeyEnd(): number {
    const t = this.bytes
    let i = this.pos
    const c0 = t[i]
    // A flow collection as a key is outside the subset; as a value it is parsed, and a `:` after it bails.
    if (c0 === LBRACKET || c0 === LBRACE) return -1
    if (c0 === DQUOTE || c0 === SQUOTE) {
      const end = this.quotedEnd(i)
      let j = end
      while (t[j] === SPACE) j++
      return t[j] === COLON && this.isBreakOrEnd(j + 1) ? j : -1
    }
    for (; i < this.len; i++) {
      const c = t[i]
      if (c === COLON) {
        if (this.isBreakOrEnd(i + 1)) return i
      } else if (c === NL || c === CR) {
        return -1
      } else if (c === HASH) {
        if (t[i - 1] === SPACE) return -1
      } else if (c === TAB) {
        throw BAIL
      }
    }
    return -1
  }

  /**
   * Offset just past the closing quote of the quoted scalar starting at \`i\`: on the same line, or
   * with \`parent\` (a value's key or dash column), over lines indented more than it.
   */
  private quotedEnd(i: number, parent = -1): number {
    const t = this.bytes
    const q = t[i]
    for (let j = i + 1; j < this.len; j++) {
      const c = t[j]
      if (c === q) {
        if (q === SQUOTE && t[j + 1] === SQUOTE) {
          j++
          continue
        }
        return j + 1
      }
      if (c === 92 /* \ */ && q === DQUOTE) {
        // An escaped line break is still a line break: the next line is held to the same rules.
        if (t[j + 1] !== NL && t[j + 1] !== CR) j++
        continue
      }
      if (c === NL || c === CR) {
        if (parent < 0) throw BAIL
        if (c === CR && t[j + 1] !== NL) throw BAIL
        const lineStart = c === CR ? j + 2 : j + 1
        let sp = lineStart
        while (sp < this.len && t[sp] === SPACE) sp++
        const d = sp < this.len ? t[sp] : NL
        // A line of the value must be indented more than its key (an empty one may not be), and never a document marker.
        if (d !== NL && d !== CR && sp - lineStart <= parent) throw BAIL
        if (sp === lineStart && (this.thrice(DASH, sp) || this.thrice(46, sp))) throw BAIL
        j = lineStart - 1
      }
    }
    throw BAIL
  }

  private parseBlockMapping(indent: number): Record<string, unknown> {
    this.enter()
    const t = this.bytes
    const obj: Record<string, unknown> = {}
    const offsets = this.scratch()
    const members = this.members()
    const merges: Array<{value: unknown; entry: number}> = []
    for (;;) {
      const keyOffset = this.pos
      const colon = this.findKeyEnd()
      if (colon === -1) throw BAIL
      // YAML caps an implicit key at 1024 characters up to its ':'; past that the library reports an error.
      if (colon - keyOffset > 1024) throw BAIL
      const key = this.parseKey(keyOffset, colon)
      if (Object.prototype.hasOwnProperty.call(obj, key)) throw BAIL
      this.pos = colon + 1
      if (key === '<<' && t[keyOffset] !== DQUOTE && t[keyOffset] !== SQUOTE) {
        merges.push(...this.mergeSources())
        const next = this.nextContentLine()
        if (next === indent && !(indent === 0 && this.atMarker())) continue
        if (next <= indent) break
        throw BAIL
      }
      let value: unknown
      let valueOffset = keyOffset
      while (t[this.pos] === SPACE) this.pos++
      const c = this.pos < this.len ? t[this.pos] : NL
      if (c === NL || c === CR || c === HASH) {
        this.endOfLine()
        const next = this.nextContentLine()
        if (next > indent) {
          valueOffset = this.pos
          value = this.parseBlockNode(next)
        } else if (next === indent && t[this.pos] === DASH && this.isBreakOrEnd(this.pos + 1)) {
          // `key:` followed by a sequence at the key's own indentation is valid YAML.
          valueOffset = this.pos
          value = this.parseBlockSequence(indent)
        } else {
          value = null
        }
      } else {
        valueOffset = this.pos
        this.nodeStart = -1
        value = this.parseLineValue(indent)
        if (this.nodeStart !== -1) valueOffset = this.nodeStart
      }
      setMember(obj, key, value)
      offsets.push(keyOffset, valueOffset)
      members.push(this.positions.entryOf(value))
      const next = this.nextContentLine()
      if (next === indent && !(indent === 0 && this.atMarker())) continue
      if (next <= indent) break
      throw BAIL
    }
    // YAML's merge key: each named mapping's keys this one lacks, placed where they are written.
    for (const source of merges) {
      if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) throw BAIL
      const keys = Object.keys(source.value)
      for (let m = 0; m < keys.length; m++) {
        if (Object.prototype.hasOwnProperty.call(obj, keys[m])) continue
        this.aliasBudget -= sizeOf((source.value as Record<string, unknown>)[keys[m]])
        if (this.aliasBudget < 0) throw BAIL
        setMember(obj, keys[m], copy((source.value as Record<string, unknown>)[keys[m]]))
        offsets.push(this.positions.offsetAt(source.entry, 2 * m), this.positions.offsetAt(source.entry, 2 * m + 1))
        const child = this.positions.memberAt(source.entry, m)
        members.push(child < 0 ? -1 : this.positions.copy(child))
      }
    }
    this.positions.add(offsets, members)
    this.depth--
    return obj
  }

  private parseKey(start: number, colon: number): string {
    const t = this.bytes
    const c = t[start]
    if (c === DQUOTE || c === SQUOTE) {
      this.pos = start
      return this.parseQuoted()
    }
    let end = colon
    while (end > start && t[end - 1] === SPACE) end--
    if (end === start) throw BAIL
    if (c < 128 && charFlags[c] & Flag.Indicator) throw BAIL
    if ((c === DASH || c === 63 /* ? */ || c === COLON) && this.isBreakOrEnd(start + 1)) throw BAIL
    const key = this.chars(this.str(start, end))
    // Keys that the core schema would read as null, booleans or numbers are left to the library.
    if (typeof resolvePlain(key) !== 'string') throw BAIL
    return key
  }

  private parseBlockSequence(indent: number): unknown[] {
    this.enter()
    const t = this.bytes
    const arr: unknown[] = []
    const offsets = this.scratch()
    const members = this.members()
    for (;;) {
      // at `-`: an item with no value is located at its dash (as on the exact path)
      const dash = this.pos
      this.pos++
      while (t[this.pos] === SPACE) this.pos++
      const c = this.pos < this.len ? t[this.pos] : NL
      let value: unknown
      let valueOffset = this.pos
      if (c === NL || c === CR || c === HASH) {
        valueOffset = dash
        this.endOfLine()
        const next = this.nextContentLine()
        if (next > indent) {
          valueOffset = this.pos
          value = this.parseBlockNode(next)
        } else {
          value = null
        }
      } else if (c === DASH && this.isBreakOrEnd(this.pos + 1)) {
        throw BAIL
      } else if (c !== AMP && c !== STAR && this.findKeyEnd() !== -1) {
        // A compact mapping: its keys line up with the first one, after `- `.
        value = this.parseBlockMapping(this.pos - this.lineStartOf(this.pos))
      } else {
        this.nodeStart = -1
        value = this.parseLineValue(indent)
        if (this.nodeStart !== -1) valueOffset = this.nodeStart
      }
      arr.push(value)
      offsets.push(valueOffset)
      members.push(this.positions.entryOf(value))
      const next = this.nextContentLine()
      if (next === indent && t[this.pos] === DASH && this.isBreakOrEnd(this.pos + 1)) continue
      if (next <= indent) break
      throw BAIL
    }
    this.positions.add(offsets, members)
    this.depth--
    return arr
  }

  private lineStartOf(i: number): number {
    return i === 0 ? 0 : this.bytes.lastIndexOf(NL, i - 1) + 1
  }

  /** After `<<:`: one alias, or a flow list of aliases, on this line; their anchored values in order. */
  private mergeSources(): Array<{value: unknown; entry: number}> {
    const t = this.bytes
    while (t[this.pos] === SPACE) this.pos++
    const names: string[] = []
    if (t[this.pos] === STAR) {
      names.push(this.propertyName())
    } else if (t[this.pos] === LBRACKET) {
      this.pos++
      for (;;) {
        this.skipFlowSpaces()
        if (t[this.pos] !== STAR) throw BAIL
        names.push(this.propertyName())
        this.skipFlowSpaces()
        const c = t[this.pos++]
        if (c === RBRACKET) break
        if (c !== COMMA) throw BAIL
      }
    } else {
      throw BAIL
    }
    this.endOfLine()
    return names.map((n) => {
      const a = this.anchors.get(n)
      if (!a) throw BAIL
      return a
    })
  }

  /**
   * A value that starts on the current line: a flow collection, a quoted or a plain scalar. \`parent\`:
   * the column of its key or dash, when a scalar may go on over lines indented more than it.
   */
  private parseInlineValue(parent = -1): unknown {
    const t = this.bytes
    const c = t[this.pos]
    if (c === LBRACKET || c === LBRACE) {
      this.flowParent = parent
      try {
        return this.parseFlow()
      } finally {
        this.flowParent = -1
      }
    }
    if (c === DQUOTE || c === SQUOTE) return this.parseQuoted(parent)
    return this.parsePlain(false, parent)
  }

  private parsePlain(inFlow: boolean, parent = -1): unknown {
    const t = this.bytes
    const start = this.pos
    const c0 = t[start]
    if (c0 < 128 && charFlags[c0] & Flag.Indicator) throw BAIL
    if ((c0 === DASH || c0 === 63 /* ? */ || c0 === COLON) && this.isBreakOrEnd(start + 1)) throw BAIL
    // In a flow a lone `-` or `?` before `,` `]` `}` is an indicator with nothing after it, not text (YAML forbids `[-]`).
    if (inFlow && (c0 === DASH || c0 === 63 || c0 === COLON) && t[start + 1] < 128 && charFlags[t[start + 1]] & Flag.FlowEnd) throw BAIL
    // `---` and `...` followed by a break are document markers wherever they start a line: the library's to read.
    if ((c0 === DASH || c0 === 46) && this.thrice(c0, start) && this.isBreakOrEnd(start + 3)) throw BAIL
    let i = start
    let end = start
    for (; i < this.len; i++) {
      const c = t[i]
      if (c === SPACE) continue
      if (c === NL || c === CR) break
      if (c === HASH && t[i - 1] === SPACE) break
      if (c === TAB) throw BAIL
      if (c === COLON) {
        // `a: b` inside a value is an error; inside a flow any colon is left to the library.
        if (inFlow || this.isBreakOrEnd(i + 1)) throw BAIL
      }
      if (inFlow && c < 128 && charFlags[c] & Flag.FlowEnd) break
      end = i + 1
    }
    if (inFlow || parent < 0 || (i < this.len && t[i] === HASH)) {
      this.pos = end
      return resolvePlain(this.chars(this.str(start, end)))
    }
    // A plain scalar goes on over the lines indented more than its parent: each line break between two
    // lines is a space, each empty line a line break (YAML's line folding).
    let text = this.str(start, end)
    let empties = 0
    let at = i
    for (;;) {
      if (at < this.len && t[at] === CR) at++
      if (at >= this.len || t[at] !== NL) break
      const lineStart = at + 1
      let sp = lineStart
      while (sp < this.len && t[sp] === SPACE) sp++
      const c = sp < this.len ? t[sp] : NL
      if (c === NL || c === CR) {
        empties++
        at = sp
        continue
      }
      if (sp - lineStart <= parent || c === HASH) break
      if (c === TAB || (c < 128 && charFlags[c] & Flag.Indicator) || ((c === DASH || c === 63 || c === COLON) && this.isBreakOrEnd(sp + 1))) throw BAIL
      let j = sp
      let lineEnd = sp
      for (; j < this.len; j++) {
        const d = t[j]
        if (d === NL || d === CR) break
        if (d === SPACE) continue
        if (d === TAB || (d === HASH && t[j - 1] === SPACE) || (d === COLON && this.isBreakOrEnd(j + 1))) throw BAIL
        lineEnd = j + 1
      }
      text += (empties ? '\n'.repeat(empties) : ' ') + this.str(sp, lineEnd)
      empties = 0
      end = lineEnd
      at = j
    }
    this.pos = end
    return resolvePlain(this.chars(text))
  }

  private parseQuoted(parent = -1): string {
    const t = this.bytes
    const start = this.pos
    const end = this.quotedEnd(start, parent)
    this.pos = end
    // Decoded before escapes are read: `\u00e9` must stay the one character it names.
    const raw = this.chars(this.str(start + 1, end - 1))
    const body = raw.includes('\n') ? foldQuoted(raw, t[start] === DQUOTE) : raw
    if (t[start] === SQUOTE) return body.includes("''") ? body.replace(/''/g, "'") : body
    return body.includes('\\') ? unescapeDouble(body) : body
  }

  private parseFlow(): unknown {
    this.enter()
    const t = this.bytes
    const open = t[this.pos]
    const offsets = this.scratch()
    const members = this.members()
    this.pos++
    let result: unknown
    if (open === LBRACKET) {
      const arr: unknown[] = []
      this.skipFlowSpaces()
      if (t[this.pos] === RBRACKET) {
        this.pos++
      } else {
        for (;;) {
          offsets.push(this.pos)
          const item = this.parseFlowNode()
          arr.push(item)
          members.push(this.positions.entryOf(item))
          this.skipFlowSpaces()
          const c = t[this.pos]
          this.pos++
          if (c === RBRACKET) break
          if (c !== COMMA) throw BAIL
          this.skipFlowSpaces()
        }
      }
      result = arr
    } else {
      const obj: Record<string, unknown> = {}
      this.skipFlowSpaces()
      if (t[this.pos] === RBRACE) {
        this.pos++
      } else {
        for (;;) {
          const keyOffset = this.pos
          const c0 = t[this.pos]
          let key: string
          if (c0 === DQUOTE || c0 === SQUOTE) {
            key = this.parseQuoted()
          } else {
            let i = this.pos
            while (i < this.len) {
              const c = t[i]
              // ` #` starts a comment, also in a flow key: the flow then goes on over lines, outside the subset.
              if (c === COLON || c === NL || c === CR || (c === HASH && t[i - 1] === SPACE) || (c < 128 && charFlags[c] & Flag.FlowEnd)) break
              i++
            }
            key = this.parseKey(keyOffset, i)
            // A merge key in a flow mapping: the library's to read.
            if (key === '<<') throw BAIL
            this.pos = i
          }
          // An implicit key and its ':' are on one line.
          this.skipFlowSpaces(false)
          if (t[this.pos] !== COLON) throw BAIL
          if (t[this.pos + 1] === SPACE) this.pos += 2
          // After a quoted key the value may follow the ':' at once (`{"id":"x"}`): compact JSON is YAML too.
          else if (c0 === DQUOTE || c0 === SQUOTE) this.pos++
          else throw BAIL
          this.skipFlowSpaces()
          if (Object.prototype.hasOwnProperty.call(obj, key)) throw BAIL
          const c1 = t[this.pos]
          const empty = c1 === COMMA || c1 === RBRACE
          // A key with no value is located at the key, in flows and blocks, on both paths.
          const valueOffset = empty ? keyOffset : this.pos
          const value = empty ? null : this.parseFlowNode()
          setMember(obj, key, value)
          offsets.push(keyOffset, valueOffset)
          members.push(this.positions.entryOf(value))
          this.skipFlowSpaces()
          const c = t[this.pos]
          this.pos++
          if (c === RBRACE) break
          if (c !== COMMA) throw BAIL
          this.skipFlowSpaces()
        }
      }
      result = obj
    }
    this.positions.add(offsets, members)
    this.depth--
    return result
  }

  private parseFlowNode(): unknown {
    const c = this.bytes[this.pos]
    if (c === STAR) return this.alias()
    if (c === LBRACKET || c === LBRACE) return this.parseFlow()
    if (c === DQUOTE || c === SQUOTE) return this.parseQuoted()
    if (c < 128 && charFlags[c] & Flag.FlowEnd) throw BAIL
    return this.parsePlain(true)
  }

  /**
   * Spaces between the parts of a flow. A flow in a block value may go on over lines (each indented
   * past its key or dash, comments allowed at their ends), as people wrap a long list; elsewhere, and
   * where \`breaks\` is false, it stays on one line in the fast path.
   */
  private skipFlowSpaces(breaks = true): void {
    const t = this.bytes
    for (;;) {
      while (t[this.pos] === SPACE) this.pos++
      if (this.pos >= this.len) throw BAIL
      const c = t[this.pos]
      if (c === TAB) throw BAIL
      if (c === HASH) {
        if (t[this.pos - 1] !== SPACE || !breaks || this.flowParent < 0) throw BAIL
        const nl = t.indexOf(NL, this.pos)
        if (nl === -1) throw BAIL
        this.pos = nl
        continue
      }
      if (c !== NL && c !== CR) return
      if (!breaks || this.flowParent < 0) throw BAIL
      if (c === CR && t[this.pos + 1] !== NL) throw BAIL
      const lineStart = this.pos + (c === CR ? 2 : 1)
      let sp = lineStart
      while (sp < this.len && t[sp] === SPACE) sp++
      const d = sp < this.len ? t[sp] : NL
      if (d !== NL && d !== CR && d !== HASH && sp - lineStart <= this.flowParent) throw BAIL
      if (sp === lineStart && (this.thrice(DASH, sp) || this.thrice(46, sp))) throw BAIL
      this.pos = sp
    }
  }

}

/** A deep copy of plain data (an alias's value: each use is its own, as on the library's path). */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(copy)
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value)) setMember(out, k, copy((value as Record<string, unknown>)[k]))
  return out
}

/** How many values a value holds, itself included: what an alias of it costs. */
function sizeOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1
  let n = 1
  for (const v of Array.isArray(value) ? value : Object.values(value)) n += sizeOf(v)
  return n
}

/**
 * A quoted scalar over several lines, folded as YAML folds it: white space around each line break
 * trimmed, a break between two lines a space, each empty line a break; in double quotes a \`\\\` at
 * the end of a line joins the next with nothing between. Escapes are read after (see parseQuoted).
 */
function foldQuoted(raw: string, double: boolean): string {
  const lines = raw.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
  let out = ''
  let breaks = 0
  let glue = false
  for (let k = 0; k < lines.length; k++) {
    let line = k > 0 ? lines[k].replace(/^[ \t]+/, '') : lines[k]
    let escaped = false
    if (k < lines.length - 1) {
      const slashes = /\\*$/.exec(line)![0].length
      if (double && slashes % 2 === 1) {
        escaped = true
        line = line.slice(0, -1)
      } else {
        // An escaped space or tab before the break is the value's: the library's to read.
        if (double && /\\[ \t]+$/.test(line)) throw BAIL
        line = line.replace(/[ \t]+$/, '')
      }
      if (k > 0 && line === '' && !escaped) {
        breaks++
        continue
      }
    }
    if (k > 0) out += glue ? '' : breaks ? '\n'.repeat(breaks) : ' '
    out += line
    breaks = 0
    glue = escaped
  }
  return out
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
}

function unescapeDouble(body: string): string {
  let out = ''
  let i = 0
  for (;;) {
    const j = body.indexOf('\\', i)
    if (j === -1) return out + body.slice(i)
    out += body.slice(i, j)
    const e = body[j + 1]
    const simple = SIMPLE_ESCAPES[e]
    if (simple !== undefined) {
      out += simple
      i = j + 2
      continue
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0
    const hex = body.slice(j + 2, j + 2 + width)
    if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw BAIL
    const code = parseInt(hex, 16)
    // Lone surrogates and out-of-range code points are the library's to judge.
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw BAIL
    out += String.fromCodePoint(code)
    i = j + 2 + width
  }
}

// The YAML 1.2 core schema, exactly as the `yaml` library's `core` schema resolves plain scalars.
const INT = /^[-+]?[0-9]+$/
const INT_OCT = /^0o[0-7]+$/
const INT_HEX = /^0x[0-9a-fA-F]+$/
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/

/** Resolves a plain scalar with the YAML 1.2 core schema (dates stay strings; `no` stays a string). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0)
  switch (c) {
    case 126 /* ~ */:
      return s.length === 1 ? null : s
    case 110 /* n */:
    case 78 /* N */:
      return s === 'null' || s === 'Null' || s === 'NULL' ? null : s
    case 116 /* t */:
    case 84 /* T */:
      return s === 'true' || s === 'True' || s === 'TRUE' ? true : s
    case 102 /* f */:
    case 70 /* F */:
      return s === 'false' || s === 'False' || s === 'FALSE' ? false : s
  }
  if ((c >= 48 && c <= 57) || c === 43 || c === DASH || c === 46) {
    if (INT.test(s)) return parseInt(s, 10)
    if (INT_OCT.test(s)) return parseInt(s.slice(2), 8)
    if (INT_HEX.test(s)) return parseInt(s.slice(2), 16)
    if (FLOAT.test(s) || FLOAT_EXP.test(s)) return parseFloat(s)
    if (FLOAT_NAN.test(s)) {
      if (s.slice(-3).toLowerCase() === 'nan') return NaN
      return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
    }
  }
  return s
}
