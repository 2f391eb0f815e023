/**
 * The exact path: the `yaml` library's full parser, used for every document the fast path declines
 * and for every document with an error, so error messages and positions come from a real YAML
 * implementation. Its AST is walked here (not `toJS`) to record the same positions the fast path does.
 */
import {createRequire} from 'node:module'

import type * as YamlModule from 'yaml'
import type {Document, Node} from 'yaml'

import {MAX_DEPTH, PositionTable, setMember} from './positions.js'

export interface YamlProblem {
  offset: number
  message: string
  code: string
}

/** One YAML document of a file: its data, where its root starts, and the positions of its values. */
export interface ExactDocument {
  value: unknown
  rootOffset: number
  positions: PositionTable
}

export type ExactParseResult = {ok: true; documents: ExactDocument[]} | {ok: false; problems: YamlProblem[]}

const OPTIONS = {
  // An explicit core schema also holds under a `%YAML 1.1` directive, so `no` never becomes false.
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  // `<<` is read as YAML 1.1's merge key (the Builder merges, below); the library only marks it.
  merge: true,
  prettyErrors: false,
  strict: true,
  keepSourceTokens: false,
} as const

/** Codes after which the library's parse of the rest of the text is still sound. */
const RECOVERABLE = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'BAD_DQ_ESCAPE', 'MULTIPLE_ANCHORS', 'MULTIPLE_TAGS', 'KEY_OVER_1024_CHARS'])

interface RawProblem {
  offset: number
  end: number
  code: string
  message: string
}

/**
 * Turns the library's errors into what a person can act on: in source order, up to and including the
 * first error that throws the parser off (what follows it is mostly its echo), one per place, each in
 * plain words and at the line where the mistake is (an unclosed `[` at the bracket, not where the
 * parser noticed it).
 */
function explain(text: string, raw: RawProblem[]): YamlProblem[] {
  const sorted = [...raw].sort((a, b) => a.offset - b.offset)
  const out: YamlProblem[] = []
  const seen = new Set<number>()
  for (const p of sorted) {
    if (seen.has(p.offset)) continue
    seen.add(p.offset)
    const structural = !RECOVERABLE.has(p.code)
    // Several codes at the first structural offset describe one mistake: the implicit-key pair first.
    const same = sorted.filter((q) => q.offset === p.offset)
    const pick = structural ? (same.find((q) => q.code === 'BLOCK_AS_IMPLICIT_KEY' || q.code === 'MULTILINE_IMPLICIT_KEY') ?? p) : p
    out.push(describe(text, pick, same))
    if (structural) break
  }
  return out
}

/** Human wording for the library's error codes; the code itself stays in the diagnostic. */
function describe(text: string, p: RawProblem, same: RawProblem[]): YamlProblem {
  const {code, offset} = p
  const first = p.message.split('\n')[0].replace(/\s*at line \d+, column \d+.*$/, '')
  const at = (message: string, where = offset): YamlProblem => ({offset: where, code, message})
  // The library turns a stack overflow in its lexer into an error of its own: the same refusal as the guard's.
  if (first.includes('Maximum call stack size exceeded')) return {offset, code: 'TOO_DEEP', message: tooDeep(MAX_DEPTH)}
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0].trim().replace(/^(["'])(.*)\1$/, '$2')
      return at(`duplicate key${key ? ` '${key}'` : ''}: each key may appear only once in a mapping`)
    }
    case 'KEY_OVER_1024_CHARS':
      return at("a key more than 1024 characters long: YAML allows at most 1024 before its ':' (put long text in a value)")
    case 'MULTIPLE_DOCS':
      return at("more than one YAML document in this file (a second '---'): put each inventory in a file of its own")
    case 'TAB_AS_INDENT':
      return at('a tab is used for indentation: YAML allows only spaces there')
    case 'TAG_RESOLVE_FAILED': {
      const tag = /^!\S*/.exec(text.slice(offset, offset + 200))?.[0]
      return at(`unsupported YAML tag${tag ? ` ${tag}` : ''}: an inventory holds plain values only (text, numbers, true/false, lists and mappings)`)
    }
    case 'BAD_DQ_ESCAPE': {
      const sequence = /escape sequence (\S+)/.exec(first)?.[1]
      return at(`invalid escape${sequence ? ` ${sequence}` : ''} in a "double-quoted" value: use 'single quotes' for text with backslashes, or write \\\\ for one backslash`)
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return implicitKey(text, p, same) ?? at(`invalid YAML: ${first}`)
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      const flow = /^Flow (sequence|map)\b/.exec(first)
      if (flow) {
        const open = scanOpen(text, offset).flows.at(-1)
        const [what, close] = flow[1] === 'map' ? ['mapping', '}'] : ['list', ']']
        if (open !== undefined) {
          return at(`this ${what} starts with '${text[open]}' and is not closed: end it with '${close}' (a ${what} that goes on over several lines must indent them more than its key)`, open)
        }
        return at(`a ${what} in [ ] or { } is not closed: end it with '${close}'`)
      }
      if (/^Missing closing .?quote/.test(first)) {
        const quote = scanOpen(text, Math.min(offset, text.length)).quote
        if (quote !== -1) {
          return at(`this value starts with a quote (${text[quote]}) that is never closed: end it with ${text[quote]} on the same line`, quote)
        }
        return at(`a quoted value is not closed: ${first}`)
      }
      if (first.startsWith('All mapping items must start at the same column')) {
        const block = blockScalarAbove(text, offset)
        if (block) return at(`this line is indented less than the text of the '${block.indicator}' value above it (line ${block.line}), so YAML ends that value here: indent every line of it at least as much as its first`, block.at)
        return at('this key is not lined up with the keys before it: every key of one mapping must start at the same column')
      }
      if (first.startsWith('Implicit map keys need to be followed by map values')) {
        const line = lineAt(text, offset).trim()
        return at(`'${shorten(line)}' is not followed by ':' — write key: value, or check the indentation of the line above`)
      }
      if (first.startsWith('Comments must be separated')) return at("a comment needs a space before its '#'")
      if (first.startsWith('Missing directives-end')) return at("a directive (a line starting with %) must be followed by a '---' line before the inventory")
      return at(`invalid YAML: ${first}`)
    }
    case 'BAD_SCALAR_START': {
      const c = text[offset]
      return at(`a value cannot start with '${c}' unless it is quoted: put it in quotes`)
    }
    case 'UNEXPECTED_TOKEN': {
      // Text after `|` or `>` on its own line: a block scalar's text starts on the line below.
      const header = /:\s+([|>][-+0-9]*)[ \t]+$/.exec(lineAt(text, offset).slice(0, offset - (text.lastIndexOf('\n', offset - 1) + 1)))
      if (header) return at(`text after '${header[1]}' on the same line: the text of a '${header[1][0]}' value starts on the next line, indented (or write the value on this line without '${header[1][0]}')`)
      const token = /: "(.+)"$/.exec(first)?.[1]
      return at(token ? `invalid YAML: unexpected '${token}' here` : `invalid YAML: ${first}`)
    }
    default:
      return at(`invalid YAML: ${first}`)
  }
}

/**
 * The library says "nested mappings are not allowed in compact mappings" or "implicit keys need to be
 * on a single line" for two everyday mistakes: an unquoted `: ` inside a value, and a line indented
 * more than the keys above it (read as that value's continuation). Each gets its own sentence, and
 * the second the line it is about.
 */
function implicitKey(text: string, p: RawProblem, same: RawProblem[]): YamlProblem | undefined {
  const {offset, code} = p
  const rest = restOfLine(text, offset)
  if (/^- /.test(rest) || rest === '-') {
    return {offset, code, message: "a list item ('- ') where a key was expected: a list must be the value of a key, indented under it"}
  }
  if (/:(\s|$)/.test(rest)) {
    const value = rest.replace(/\s+#.*$/, '').trim()
    const quoted = value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`
    return {offset, code, message: `this value contains ': ', which YAML reads as the start of another key: put the whole value in quotes (${shorten(quoted)})`}
  }
  // The next line with content, when indented more than this one, was read as this value's continuation.
  const end = Math.max(...same.map((q) => q.end))
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const indent = /^ */.exec(text.slice(lineStart))![0].length
  let i = text.indexOf('\n', offset)
  while (i !== -1 && i + 1 < Math.max(end, offset + 1)) {
    const next = i + 1
    const line = lineAt(text, next)
    const lineIndent = /^ */.exec(line)![0].length
    const content = line.trim()
    if (content !== '' && !content.startsWith('#')) {
      if (lineIndent > indent && /:(\s|$)/.test(content)) {
        const key = content.slice(0, content.search(/:(\s|$)/))
        return {
          offset: next + lineIndent,
          code,
          message: `'${shorten(key)}' is indented more than the line above it, so YAML reads it as part of that line's value: line it up with the keys above`,
        }
      }
      break
    }
    i = text.indexOf('\n', next)
  }
  return undefined
}

/**
 * A block scalar (`key: |` or `key: >`) whose text a less indented line at `offset` cut short: the
 * indicator, the line it is on, and where the offending line's text starts.
 */
function blockScalarAbove(text: string, offset: number): {indicator: string; line: number; at: number} | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const indent = /^ */.exec(text.slice(lineStart))![0].length
  let end = lineStart - 1
  let contentIndent = Infinity
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1
    const line = text.slice(start, end).replace(/\r$/, '')
    end = start - 1
    if (line.trim() === '') continue
    const lineIndent = /^ */.exec(line)![0].length
    const m = /:\s+([|>])[-+0-9]*\s*(#.*)?$/.exec(line)
    if (m && lineIndent < indent && contentIndent > indent) {
      return {indicator: m[1], line: text.slice(0, start).split('\n').length, at: lineStart + indent}
    }
    if (lineIndent <= indent) return undefined
    contentIndent = Math.min(contentIndent, lineIndent)
  }
  return undefined
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const end = text.indexOf('\n', offset)
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '')
}

function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset)
  return text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '')
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}

/**
 * The flow collections (`[`, `{`) and the quoted scalar still open just before `offset`, as offsets,
 * by a light scan that knows where a node can start (so `Land [North]` is plain text, not a list).
 * Used only to explain errors, never to parse.
 */
export function scanOpen(text: string, offset: number): {flows: number[]; quote: number} {
  const flows: number[] = []
  let quote = -1
  let expectNode = true
  const limit = Math.min(offset, text.length)
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i)
    if (quote !== -1) {
      const q = text.charCodeAt(quote)
      if (q === 34 && c === 92) i++
      else if (c === q) {
        if (q === 39 && text.charCodeAt(i + 1) === 39) i++
        else quote = -1
      }
      continue
    }
    if (c === 10) {
      expectNode = true
      continue
    }
    if (c === 32 || c === 9 || c === 13) continue
    const prev = i === 0 ? 10 : text.charCodeAt(i - 1)
    const nextIsBreak = i + 1 >= text.length || /[\s,\]}]/.test(text[i + 1])
    if (c === 35 && (prev === 32 || prev === 9 || prev === 10)) {
      const nl = text.indexOf('\n', i)
      if (nl === -1 || nl >= limit) break
      i = nl - 1
      continue
    }
    if (expectNode) {
      if (c === 34 || c === 39) {
        quote = i
        expectNode = false
      } else if (c === 91 || c === 123) {
        flows.push(i)
      } else if (c === 93 || c === 125) {
        flows.pop()
        expectNode = false
      } else if ((c === 45 || c === 63) && nextIsBreak) {
        // `- ` and `? ` are followed by a node
      } else if (c === 38 || c === 33) {
        while (i + 1 < limit && !/[\s,\]}]/.test(text[i + 1])) i++
      } else if (c === 44 && flows.length > 0) {
        // an empty entry: still expecting a node
      } else {
        expectNode = false
      }
      continue
    }
    if (c === 58 && (nextIsBreak || flows.length > 0)) expectNode = true
    else if (flows.length > 0 && c === 44) expectNode = true
    else if (flows.length > 0 && (c === 93 || c === 125)) flows.pop()
  }
  return {flows, quote}
}

type YamlLibrary = typeof YamlModule
let library: YamlLibrary | undefined

/**
 * The library is loaded on first use (synchronously, its CommonJS build): most runs never need it,
 * and it is a sizeable part of start-up.
 */
function yamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)('yaml') as YamlLibrary
  return library
}

/**
 * Every YAML document of the text (a stream of several, `---` between them, is several inventories,
 * as Kubernetes tools read it), each with its own positions; or the problems, in plain words.
 */
export function exactParse(text: string): ExactParseResult {
  const guard = nestingGuard(text)
  if (guard) return {ok: false, problems: [guard]}
  const directive = duplicateYamlDirective(text)
  if (directive) return {ok: false, problems: [directive]}
  let docs: Document[]
  let more: RawProblem[]
  try {
    ;({docs, more} = parseAll(text))
  } catch (error) {
    // The guard cannot foresee every shape the library recurses on (`a: a: a: …` inside a sequence,
    // `- - -` inside a flow…): a stack overflow there is the same refusal, not a crash.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return {ok: false, problems: [{offset: deepestLine(text), code: 'TOO_DEEP', message: tooDeep(MAX_DEPTH)}]}
    throw error
  }
  const raw: RawProblem[] = [...more]
  for (const doc of docs) {
    for (const e of doc.errors) raw.push({offset: e.pos[0], end: e.pos[1], code: e.code, message: e.message})
    // Unknown tags are warnings to the library; to an inventory they are an error (no custom types).
    for (const w of doc.warnings) if (w.code === 'TAG_RESOLVE_FAILED') raw.push({offset: w.pos[0], end: w.pos[1], code: w.code, message: w.message})
  }
  if (raw.length > 0) return {ok: false, problems: explain(text, raw)}
  if (docs.length === 0) return {ok: false, problems: [{offset: 0, code: 'EMPTY', message: 'the file holds no YAML document, only comments or markers: an inventory needs apiVersion, kind, department and systems'}]}
  const documents: ExactDocument[] = []
  for (const doc of docs) {
    const [start, end] = doc.range ?? [0, text.length]
    const positions = new PositionTable(end - start)
    const builder = new Builder(doc, positions, text)
    try {
      const root = doc.contents
      const value = root ? builder.build(root, 0) : null
      documents.push({value, rootOffset: root?.range?.[0] ?? 0, positions})
    } catch (error) {
      if (error instanceof BuildProblem) return {ok: false, problems: [error.problem]}
      throw error
    }
  }
  return {ok: true, documents}
}

/** A second `%YAML` directive before one document: YAML forbids it; the library lets it pass. */
function duplicateYamlDirective(text: string): YamlProblem | null {
  if (!text.includes('%YAML')) return null
  let seen = false
  for (const m of text.matchAll(/^(%YAML\b|---|\.\.\.)/gm)) {
    if (m[1] !== '%YAML') {
      seen = false
      continue
    }
    if (seen) return {offset: m.index ?? 0, code: 'DUPLICATE_DIRECTIVE', message: 'a second %YAML directive for the same document: give the YAML version once'}
    seen = true
  }
  return null
}

/** Syntax errors kept from the library's parser: only the first structural one is ever shown. */
const MAX_PARSE_ERRORS = 100

/**
 * The library's `parseAllDocuments`, but keeping only the first syntax errors: after one, a long broken
 * line yields an error per token (600,000 for 3 MB), each an Error with a stack trace, and the file
 * took minutes to reject. Stack traces are off meanwhile: nothing here reads them.
 */
function parseAll(text: string): {docs: Document[]; more: RawProblem[]} {
  const {Composer, Parser} = yamlLibrary()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    const all = [...new Composer(OPTIONS).compose(firstErrors(new Parser().parse(text)), false, text.length)]
    // The library makes a document of a lone `...` line, where YAML sees none: a document is content,
    // or a `---` marker (which may start an empty one).
    const docs = all.filter((d) => d.errors.length > 0 || d.directives?.docStart || !(d.contents === null || (yamlLibrary().isScalar(d.contents) && d.contents.value === null && d.contents.source === '')))
    return {docs, more: []}
  } finally {
    Error.stackTraceLimit = limit
  }
}

function* firstErrors<T extends {type: string}>(tokens: Iterable<T>): Generator<T> {
  let errors = 0
  for (const token of tokens) {
    if (token.type === 'error' && ++errors > MAX_PARSE_ERRORS) continue
    yield token
  }
}

/** The merge key `<<`, as the library marks it. */
const MERGE = Symbol('merge')

class BuildProblem extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message)
  }
}

class Builder {
  private built = 0
  /** Where the outermost alias being expanded is used: an alias bomb is reported there. */
  private aliasSite: number | undefined
  /** The anchored nodes being expanded through aliases, to catch an alias inside its own anchor. */
  private readonly expanding = new Set<unknown>()
  private readonly budget: number

  /** Each anchor's definitions in document order (an anchor may be defined again further on). */
  private readonly anchors = new Map<string, Array<{offset: number; node: Node}>>()

  constructor(
    private readonly doc: Document,
    private readonly positions: PositionTable,
    private readonly text: string,
  ) {
    // Without aliases every node costs at least one character; an alias bomb blows through this at once.
    this.budget = text.length + 10_000
    // The library's own `alias.resolve(doc)` walks the whole document for each alias: 1,750 aliases in
    // 1 MiB took 82 s. Anchors are indexed once here, and each alias found by a binary search.
    const {visit} = yamlLibrary()
    visit(doc, {
      Node: (_key, node) => {
        const anchor = (node as {anchor?: string}).anchor
        if (!anchor) return
        let list = this.anchors.get(anchor)
        if (!list) this.anchors.set(anchor, (list = []))
        list.push({offset: node.range?.[0] ?? 0, node})
      },
    })
  }

  /** The node an alias names: the last definition of its anchor before it (YAML's rule). */
  private resolve(alias: Node & {source: string}): Node | undefined {
    const list = this.anchors.get(alias.source)
    if (!list) return undefined
    const at = alias.range?.[0] ?? 0
    let lo = 0
    let hi = list.length - 1
    let found: Node | undefined
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (list[mid].offset < at) {
        found = list[mid].node
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }

  /** Builds an alias's target, guarding against an alias inside its own anchor and counting it against the budget. */
  private expand(alias: Node & {source: string}, use: (target: Node) => unknown): unknown {
    const target = this.resolve(alias)
    if (!target) throw new BuildProblem({offset: alias.range?.[0] ?? 0, code: 'BAD_ALIAS', message: `unknown alias *${alias.source}: no anchor &${alias.source} is defined before it`})
    if (this.expanding.has(target)) {
      throw new BuildProblem({offset: alias.range?.[0] ?? 0, code: 'BAD_ALIAS', message: `the alias *${alias.source} is inside the value its anchor &${alias.source} names: it would repeat for ever`})
    }
    const outermost = this.aliasSite === undefined
    if (outermost) this.aliasSite = alias.range?.[0] ?? 0
    this.expanding.add(target)
    try {
      return use(target)
    } finally {
      this.expanding.delete(target)
      if (outermost) this.aliasSite = undefined
    }
  }

  /** `site`: where the node's key or parent is, for a node the library built without a range. */
  build(node: Node, depth: number, site = 0): unknown {
    const {isAlias, isMap, isScalar, isSeq} = yamlLibrary()
    if (++this.built > this.budget) {
      throw new BuildProblem({offset: this.aliasSite ?? node.range?.[0] ?? 0, code: 'ALIAS_BOMB', message: 'aliases expand to far more data than the file holds (an alias bomb?): refused'})
    }
    if (depth > MAX_DEPTH) {
      throw new BuildProblem({offset: node.range?.[0] ?? 0, code: 'TOO_DEEP', message: tooDeep(MAX_DEPTH)})
    }
    if (isScalar(node)) {
      const value = node.value
      // !!binary and !!timestamp resolve to a Uint8Array or a Date: not data an inventory can hold.
      if (value !== null && typeof value === 'object') throw new BuildProblem(this.unsupported(node, site))
      return value
    }
    if (isAlias(node)) return this.expand(node, (target) => this.build(target, depth + 1))
    // !!set, !!omap and !!pairs are collections the library builds with types of its own.
    if ((isMap(node) || isSeq(node)) && node.tag !== undefined && node.tag !== 'tag:yaml.org,2002:map' && node.tag !== 'tag:yaml.org,2002:seq') {
      throw new BuildProblem(this.unsupported(node, site))
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {}
      const start = node.range?.[0] ?? 0
      const offsets: number[] = []
      const members: number[] = []
      const keys: string[] = []
      const keyOf = (pair: {key: unknown}): string | typeof MERGE => {
        const keyNode = pair.key as Node | null
        const keyOffset = keyNode?.range?.[0] ?? start
        if (keyNode !== null && !isScalar(keyNode)) {
          throw new BuildProblem({offset: keyOffset, code: 'COMPLEX_KEY', message: 'a mapping key must be a plain string, not a collection or alias'})
        }
        const raw = keyNode?.value
        if (typeof raw === 'symbol') return MERGE
        if (raw === null || raw === undefined) throw new BuildProblem({offset: keyOffset, code: 'EMPTY_KEY', message: "a mapping key is empty (nothing, ~ or null before its ':'): give the key a name"})
        return typeof raw === 'string' ? raw : (keyNode?.source ?? String(raw))
      }
      // Keys written in this mapping win over merged ones (YAML's merge key), wherever they stand.
      const own = new Set<string>()
      for (const pair of node.items) {
        const k = keyOf(pair)
        if (k !== MERGE) own.add(k)
      }
      const add = (key: string, keyOffset: number, valueNode: Node | null | undefined) => {
        const value = valueNode === null || valueNode === undefined ? null : this.build(valueNode, depth + 1, keyOffset)
        setMember(obj, key, value)
        members.push(this.positions.entryOf(value))
        keys.push(key)
        // A key with no value is located at the key, as the fast path does.
        offsets.push(keyOffset, valueNode && !isEmpty(valueNode) ? (valueNode.range?.[0] ?? keyOffset) : keyOffset)
      }
      for (const pair of node.items) {
        const key = keyOf(pair)
        const keyNode = pair.key as Node | null
        const keyOffset = keyNode?.range?.[0] ?? start
        if (key !== MERGE) {
          add(key, keyOffset, pair.value as Node | null)
          continue
        }
        // `<<: *defaults` or `<<: [*a, *b]`: the named mappings' pairs, each where it is written (the line
        // to edit), unless this mapping or an earlier source has the key.
        this.merge(pair.value as Node | null, keyOffset, depth, (source) => {
          for (const p of source.items) {
            const k = keyOf(p)
            if (k === MERGE || own.has(k) || Object.prototype.hasOwnProperty.call(obj, k)) continue
            const kn = p.key as Node | null
            add(k, kn?.range?.[0] ?? keyOffset, p.value as Node | null)
          }
        })
      }
      this.positions.add(offsets, members, keys)
      return obj
    }
    if (isSeq(node)) {
      const arr: unknown[] = []
      const start = node.range?.[0] ?? 0
      const offsets: number[] = []
      const members: number[] = []
      for (const item of node.items) {
        const itemNode = item as Node | null
        const value = itemNode === null ? null : this.build(itemNode, depth + 1, start)
        arr.push(value)
        members.push(this.positions.entryOf(value))
        const offset = itemNode?.range?.[0] ?? start
        // An item with no value is located at its `-`, as the fast path does.
        offsets.push(itemNode && isEmpty(itemNode) ? Math.max(0, this.text.lastIndexOf('-', offset)) : offset)
      }
      this.positions.add(offsets, members)
      return arr
    }
    throw new BuildProblem(this.unsupported(node, site))
  }

  /**
   * The mappings a merge key names (an alias, a list of aliases, or a mapping written in place), each
   * handed to `use` in order; anything else is refused. A merge that reaches its own mapping again
   * is refused as an alias inside its own anchor is.
   */
  private merge(value: Node | null, site: number, depth: number, use: (map: {items: Array<{key: unknown; value: unknown}>}) => void): void {
    const {isAlias, isMap, isSeq} = yamlLibrary()
    const bad = (at: number) => new BuildProblem({offset: at, code: 'BAD_MERGE', message: "a merge key (<<) takes a mapping, an alias of one (*name) or a list of them: write '<<: *defaults'"})
    const one = (n: Node | null) => {
      if (n === null) throw bad(site)
      if (isAlias(n)) {
        this.expand(n, (target) => {
          if (!isMap(target)) throw bad(n.range?.[0] ?? site)
          // The source's own merge keys and values are read in its place; counting it against the budget.
          if (++this.built > this.budget) throw new BuildProblem({offset: this.aliasSite ?? site, code: 'ALIAS_BOMB', message: 'aliases expand to far more data than the file holds (an alias bomb?): refused'})
          use(this.flattened(target, depth))
        })
        return
      }
      if (isMap(n)) return use(this.flattened(n, depth))
      throw bad(n.range?.[0] ?? site)
    }
    if (value !== null && isSeq(value)) for (const item of value.items) one(item as Node | null)
    else one(value)
  }

  /** A mapping with its own merge keys applied (its pairs first, then those it merges): what a merge of it brings. */
  private flattened(map: Node, depth: number): {items: Array<{key: unknown; value: unknown}>} {
    const m = map as unknown as {items: Array<{key: unknown; value: unknown}>}
    const items = m.items.filter((p) => typeof (p.key as {value?: unknown} | null)?.value !== 'symbol')
    for (const p of m.items) {
      if (typeof (p.key as {value?: unknown} | null)?.value !== 'symbol') continue
      this.merge(p.value as Node | null, (p.key as Node).range?.[0] ?? 0, depth + 1, (source) => items.push(...source.items))
    }
    return {items}
  }

  /** A node the library built from a tag (`!!omap`, `!!pairs`, `!!binary`…), reported at its tag. */
  private unsupported(node: Node, site: number): YamlProblem {
    const t = this.text
    let offset = node.range?.[0]
    if (offset === undefined) {
      // No range (an !!omap or !!pairs the library rebuilt): the first tag on the key's line.
      const bang = t.indexOf('!', site)
      const eol = t.indexOf('\n', site)
      offset = bang !== -1 && (eol === -1 || bang < eol) ? bang : site
    } else {
      const bang = t.lastIndexOf('!', offset)
      if (bang !== -1 && !t.slice(bang, offset).includes('\n')) offset = bang
    }
    const tag = node.tag?.replace(/^tag:yaml\.org,2002:/, '!!') ?? (t[offset] === '!' ? /^!\S*/.exec(t.slice(offset, offset + 200))?.[0] : undefined)
    return {offset, code: 'TAG_RESOLVE_FAILED', message: `unsupported YAML tag${tag ? ` ${tag}` : ''}: an inventory holds plain values only (text, numbers, true/false, lists and mappings)`}
  }
}

/** A value left out (`key:`, `- `): the library makes it an empty plain scalar where the value would be. */
function isEmpty(node: Node): boolean {
  const {isScalar} = yamlLibrary()
  return isScalar(node) && node.value === null && node.source === '' && node.range?.[0] === node.range?.[1]
}

function tooDeep(limit: number): string {
  return `lists or mappings nested more than ${limit} levels deep: refused (an inventory needs a handful)`
}

/**
 * The library's parser recurses on flow nesting, and a few thousand levels abort Node (not a
 * catchable error), so nesting is measured before it ever sees the text: flows, indentation, and
 * what nests on one line (`- - - x`, `a: b: c: …`, also inside a flow).
 */
export function nestingGuard(text: string): YamlProblem | null {
  const limit = MAX_DEPTH
  let flow = 0
  let quote = 0
  let lineStart = true
  let blockDepth = 0
  /** `: ` after the first one on this line, and `- ` or `? ` after other content on it. */
  let inline = 0
  let colons = 0
  /** Whether a node can start here: after indentation, `- `, `? `, `: `, `[`, `{` or a flow's `,`. */
  let atNode = true
  const indents: number[] = []
  /** The indentation of a block scalar's header line (`key: |`), while its text is skipped; else -1. */
  let blockScalar = -1
  let lineBegins = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      // A block scalar's text is text: brackets and dashes in it nest nothing.
      if (blockScalar === -1 && quote === 0 && flow === 0) {
        const m = BLOCK_HEADER.exec(text.slice(lineBegins, i))
        if (m) blockScalar = m[1].length
      }
      lineStart = true
      lineBegins = i + 1
      quote = 0
      continue
    }
    if (lineStart && blockScalar !== -1) {
      let j = i
      while (text.charCodeAt(j) === 32) j++
      const d = text.charCodeAt(j)
      if (j >= text.length || d === 10 || d === 13 || j - i > blockScalar) {
        const nl = text.indexOf('\n', i)
        if (nl === -1) break
        i = nl - 1
        lineStart = false
        continue
      }
      blockScalar = -1
    }
    if (lineStart) {
      lineStart = false
      inline = 0
      colons = 0
      atNode = true
      let j = i
      while (text.charCodeAt(j) === 32) j++
      const indent = j - i
      const d = text.charCodeAt(j)
      if (d !== 10 && d !== 35 && d !== 13 && j < text.length) {
        if (flow === 0) {
          while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop()
          indents.push(indent)
        }
        // `- - - x` nests on one line too.
        let k = j
        let dashes = 0
        while ((text.charCodeAt(k) === 45 || text.charCodeAt(k) === 63) && text.charCodeAt(k + 1) === 32) {
          dashes++
          k += 2
          while (text.charCodeAt(k) === 32) k++
        }
        // The line's own level is a mapping of its keys, unless what starts it is a flow: that is the level.
        const opensFlow = text.charCodeAt(k) === 91 || text.charCodeAt(k) === 123
        if (flow === 0) blockDepth = indents.length + dashes - (opensFlow ? 1 : 0)
        else inline = dashes
        atNode = true
        if (blockDepth + flow + inline > limit) return {offset: j, code: 'TOO_DEEP', message: tooDeep(limit)}
        i = k - 1
        continue
      }
      i = j - 1
      continue
    }
    if (quote !== 0) {
      if (c === quote) quote = 0
      else if (c === 92 && quote === 34) i++
      continue
    }
    const prev = i === 0 ? 10 : text.charCodeAt(i - 1)
    const next = text.charCodeAt(i + 1)
    const nextIsBreak = i + 1 >= text.length || next === 32 || next === 10 || next === 13
    if (c === 34 || c === 39) {
      // A quote starts a quoted scalar only where a node can start.
      if (prev === 32 || prev === 91 || prev === 123 || prev === 44 || prev === 10 || prev === 9 || (flow > 0 && prev === 58)) quote = c
    } else if (c === 35 && (i === 0 || prev === 32)) {
      const nl = text.indexOf('\n', i)
      if (nl === -1) break
      i = nl - 1
    } else if ((c === 33 || c === 38) && atNode && flow === 0) {
      // A tag or an anchor (`!t [`, `&a {`): the node still starts after it.
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 32 && text.charCodeAt(i + 1) !== 10) i++
    } else if ((c === 91 || c === 123) && (flow > 0 || atNode)) {
      // In block context a bracket opens a flow only where a node starts: `a [b` and `li[[x` are text.
      flow++
      atNode = true
      if (flow + blockDepth + inline > limit) return {offset: i, code: 'TOO_DEEP', message: tooDeep(limit)}
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--
      atNode = false
    } else if (c === 58 && nextIsBreak) {
      atNode = true
      // In block context a second `key: ` on one line nests (or is an error the parser recurses into).
      if (flow === 0 && ++colons > 1 && flow + blockDepth + ++inline > limit) return {offset: i, code: 'TOO_DEEP', message: tooDeep(limit)}
    } else if ((c === 45 || c === 63) && nextIsBreak && atNode) {
      // `- ` or `? ` right after another indicator opens a collection; after text (`a - b`) it is text.
      if (flow + blockDepth + ++inline > limit) return {offset: i, code: 'TOO_DEEP', message: tooDeep(limit)}
    } else if (c === 44 && flow > 0) {
      atNode = true
    } else if (c !== 32 && c !== 9 && c !== 13) {
      atNode = false
    }
  }
  return null
}

/** A line that opens a block scalar: `key: |`, `- >-`, `key: &a |2 # note`, with its indentation. */
const BLOCK_HEADER = /^( *)(?:(?:-\s+)*(?:"[^"\n]*"|'[^'\n]*'|[^#'"\n]*?)\s*:\s+|(?:-\s+)+)?(?:[&!]\S+\s+)*[|>][-+1-9]{0,2}\s*(?:#.*)?\r?$/

/** The start of the line with the most nesting characters on it: where a refusal the guard missed is reported. */
function deepestLine(text: string): number {
  let best = 0
  let bestCount = -1
  let start = 0
  let count = 0
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i)
    if (i === text.length || c === 10) {
      if (count > bestCount) {
        best = start
        bestCount = count
      }
      start = i + 1
      count = 0
    } else if (c === 91 || c === 123 || c === 58 || c === 45 || c === 63) {
      count++
    }
  }
  while (text.charCodeAt(best) === 32) best++
  return best
}
