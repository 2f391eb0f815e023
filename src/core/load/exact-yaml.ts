/**
 * The exact path: the `yaml` library's full parser, used for every document the fast path declines
 * and for every document with an error, so error messages and positions come from a real YAML
 * implementation. Its AST is walked here (not `toJS`) to record the same positions the fast path does.
 */
import {type Document, isAlias, isMap, isScalar, isSeq, type Node, parseDocument} from 'yaml'

import {MAX_DEPTH, type NodePositions, type PositionMap, setMember} from './positions.js'

export interface YamlProblem {
  offset: number
  message: string
  code: string
}

export type ExactParseResult = {ok: true; value: unknown; rootOffset: number} | {ok: false; problems: YamlProblem[]}

const OPTIONS = {
  // An explicit core schema also holds under a `%YAML 1.1` directive, so `no` never becomes false.
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
  prettyErrors: false,
  strict: true,
  keepSourceTokens: false,
} as const

/** Human wording for the library's error codes; the code itself stays in the diagnostic. */
function describe(code: string, message: string, text: string, offset: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(offset, offset + 200))?.[0].trim()
      return `duplicate key${key ? ` '${key}'` : ''}: each key may appear only once in a mapping`
    }
    case 'MULTIPLE_DOCS':
      return 'more than one YAML document in this file (a second `---`): put each inventory in a file of its own'
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML allows only spaces there'
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_SCALAR_START':
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_ALIAS':
    case 'BAD_DIRECTIVE':
    case 'BAD_DQ_ESCAPE':
    case 'IMPOSSIBLE':
    default:
      return `invalid YAML: ${message.split('\n')[0].replace(/\s*at line \d+, column \d+.*$/, '')}`
  }
}

export function exactParse(text: string, positions: PositionMap): ExactParseResult {
  const guard = nestingGuard(text)
  if (guard) return {ok: false, problems: [guard]}
  const doc = parseDocument(text, OPTIONS)
  const problems: YamlProblem[] = []
  for (const e of doc.errors) {
    const offset = e.pos[0]
    problems.push({offset, code: e.code, message: describe(e.code, e.message, text, offset)})
  }
  for (const w of doc.warnings) {
    // Unknown tags are warnings to the library; to an inventory they are an error (no custom types).
    if (w.code === 'TAG_RESOLVE_FAILED') problems.push({offset: w.pos[0], code: w.code, message: `unsupported YAML tag: ${w.message.split('\n')[0]}`})
  }
  if (problems.length > 0) return {ok: false, problems}
  const builder = new Builder(doc, positions, text.length)
  try {
    const root = doc.contents
    const value = root ? builder.build(root, 0) : null
    return {ok: true, value, rootOffset: root?.range?.[0] ?? 0}
  } catch (error) {
    if (error instanceof BuildProblem) return {ok: false, problems: [error.problem]}
    throw error
  }
}

class BuildProblem extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message)
  }
}

class Builder {
  private built = 0
  private readonly budget: number

  constructor(
    private readonly doc: Document,
    private readonly positions: PositionMap,
    textLength: number,
  ) {
    // Without aliases every node costs at least one character; an alias bomb blows through this at once.
    this.budget = textLength + 10_000
  }

  build(node: Node, depth: number): unknown {
    if (++this.built > this.budget) {
      throw new BuildProblem({offset: node.range?.[0] ?? 0, code: 'ALIAS_BOMB', message: 'aliases expand to far more data than the file holds (an alias bomb?): refused'})
    }
    if (depth > MAX_DEPTH) {
      throw new BuildProblem({offset: node.range?.[0] ?? 0, code: 'TOO_DEEP', message: `nesting deeper than ${MAX_DEPTH} levels: refused`})
    }
    if (isScalar(node)) return node.value
    if (isAlias(node)) {
      const target = node.resolve(this.doc)
      if (!target) throw new BuildProblem({offset: node.range?.[0] ?? 0, code: 'BAD_ALIAS', message: `unknown alias *${node.source}`})
      return this.build(target, depth + 1)
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {}
      const info: NodePositions = {start: node.range?.[0] ?? 0, offsets: [], keys: []}
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null
        const keyOffset = keyNode?.range?.[0] ?? info.start
        if (keyNode !== null && !isScalar(keyNode)) {
          throw new BuildProblem({offset: keyOffset, code: 'COMPLEX_KEY', message: 'a mapping key must be a plain string, not a collection or alias'})
        }
        const raw = keyNode?.value
        const key = typeof raw === 'string' ? raw : (keyNode?.source ?? String(raw))
        const valueNode = pair.value as Node | null
        const value = valueNode === null || valueNode === undefined ? null : this.build(valueNode, depth + 1)
        setMember(obj, key, value)
        info.keys!.push(key)
        info.offsets.push(keyOffset, valueNode?.range?.[0] ?? keyOffset)
      }
      this.positions.set(obj, info)
      return obj
    }
    if (isSeq(node)) {
      const arr: unknown[] = []
      const info: NodePositions = {start: node.range?.[0] ?? 0, offsets: []}
      for (const item of node.items) {
        const itemNode = item as Node | null
        arr.push(itemNode === null ? null : this.build(itemNode, depth + 1))
        info.offsets.push(itemNode?.range?.[0] ?? info.start)
      }
      this.positions.set(arr, info)
      return arr
    }
    throw new BuildProblem({offset: 0, code: 'UNKNOWN_NODE', message: 'unsupported YAML node'})
  }
}

/**
 * The library's parser recurses on flow nesting, and a few thousand levels abort Node (not a
 * catchable error), so nesting is measured before it ever sees the text.
 */
export function nestingGuard(text: string): YamlProblem | null {
  const limit = MAX_DEPTH
  let flow = 0
  let quote = 0
  let lineStart = true
  let blockDepth = 0
  const indents: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      lineStart = true
      quote = 0
      continue
    }
    if (lineStart) {
      lineStart = false
      let j = i
      while (text.charCodeAt(j) === 32) j++
      const indent = j - i
      const d = text.charCodeAt(j)
      if (d !== 10 && d !== 35 && d !== 13 && j < text.length && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop()
        indents.push(indent)
        // `- - - x` nests on one line too.
        let k = j
        let dashes = 0
        while (text.charCodeAt(k) === 45 && text.charCodeAt(k + 1) === 32) {
          dashes++
          k += 2
          while (text.charCodeAt(k) === 32) k++
        }
        blockDepth = indents.length + dashes
        if (blockDepth > limit) return {offset: j, code: 'TOO_DEEP', message: `nesting deeper than ${limit} levels: refused`}
      }
      i = j - 1
      continue
    }
    if (quote !== 0) {
      if (c === quote) quote = 0
      else if (c === 92 && quote === 34) i++
      continue
    }
    if (c === 34 || c === 39) {
      const prev = text.charCodeAt(i - 1)
      // A quote starts a quoted scalar only where a node can start.
      if (prev === 32 || prev === 91 || prev === 123 || prev === 44 || i === 0) quote = c
    } else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32)) {
      const nl = text.indexOf('\n', i)
      if (nl === -1) break
      i = nl - 1
    } else if (c === 91 || c === 123) {
      flow++
      if (flow + blockDepth > limit) return {offset: i, code: 'TOO_DEEP', message: `nesting deeper than ${limit} levels: refused`}
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--
    }
  }
  return null
}
