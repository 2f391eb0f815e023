/**
 * `JSON.stringify(value, null, 2)`, byte for byte, as a sequence of pieces: the top-level object and
 * its big arrays are laid out here, each element is stringified alone. An audit of 100,000 systems is
 * 340 MB of JSON: in one string (two bytes a character as soon as one '—' is in it) it doubled the
 * peak memory, and its conversion for the write cost more than the stringify.
 */

/**
 * A list whose items are made one at a time as they are written, and dropped after: the JSON view
 * of 100,000 systems made all at once was 145 MB more at the peak. `JSON.stringify` sees the array.
 */
export class MappedList<T, U> {
  constructor(
    /** Read once, in order: an audit's systems are judged as they are read (SystemList). */
    readonly items: Iterable<T> & {readonly length: number},
    readonly map: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return Array.from(this.items, (item) => this.map(item))
  }

  *mapped(): Generator<U> {
    for (const item of this.items) yield this.map(item)
  }
}

/** How deep the layout is done here; below it, `JSON.stringify` does each value whole. */
const LAYOUT_DEPTH = 2

export function* prettyJsonChunks(value: unknown): Generator<string> {
  yield* piece(value, '', 0)
}

/**
 * Whether a value holds a MappedList within a few levels (SARIF's results sit at runs[0].results):
 * such a value is laid out here too, so that the list is written an item at a time at any depth.
 * Small containers only: a big plain array is stringified as it is.
 */
function holdsList(value: unknown, levels: number): boolean {
  if (value instanceof MappedList) return true
  if (levels === 0 || value === null || typeof value !== 'object' || typeof (value as {toJSON?: unknown}).toJSON === 'function') return false
  const children = Array.isArray(value) ? (value.length <= 16 ? value : []) : Object.values(value as object)
  return children.some((c) => holdsList(c, levels - 1))
}

function* piece(value: unknown, indent: string, depth: number): Generator<string> {
  if (value instanceof MappedList) {
    const list = value as MappedList<unknown, unknown>
    yield* arrayPieces(list.items.length, list.mapped(), indent, depth)
    return
  }
  if ((depth >= LAYOUT_DEPTH && !holdsList(value, 3)) || value === null || typeof value !== 'object' || typeof (value as {toJSON?: unknown}).toJSON === 'function') {
    const text = depth === 0 || value === null || typeof value !== 'object' ? JSON.stringify(value, null, 2) : indented(value, depth)
    // Inside an array JSON writes null for what it cannot write (undefined, a function); object members are skipped before.
    yield text === undefined ? 'null' : text
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const list = value as unknown[]
    yield* arrayPieces(list.length, list.values(), indent, depth)
    return
  }
  let first = true
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key]
    // What JSON.stringify leaves out of an object.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue
    yield first ? `{\n${inner}${JSON.stringify(key)}: ` : `,\n${inner}${JSON.stringify(key)}: `
    first = false
    yield* piece(member, inner, depth + 1)
  }
  yield first ? '{}' : `\n${indent}}`
}

/** Per depth, what `indented` wraps a value in and cuts off again. */
const wrappers: Array<{prefix: string; suffix: string}> = []

/**
 * `value` as JSON.stringify lays it out `depth` levels down: wrapped in `depth` arrays, so JSON.stringify
 * itself writes every line's indentation, then cut out. One native call instead of a second pass with
 * a regex over each system's text (a third of the time spent writing a report).
 */
function indented(value: unknown, depth: number): string {
  let w = wrappers[depth]
  if (!w) {
    let prefix = ''
    let suffix = ''
    for (let k = 0; k < depth; k++) {
      prefix += `${'  '.repeat(k)}[\n`
      suffix = `\n${'  '.repeat(k)}]${suffix}`
    }
    w = wrappers[depth] = {prefix: prefix + '  '.repeat(depth), suffix}
  }
  let wrapped = value
  for (let k = 0; k < depth; k++) wrapped = [wrapped]
  const text = JSON.stringify(wrapped, null, 2)
  return text.slice(w.prefix.length, text.length - w.suffix.length)
}

function* arrayPieces(length: number, items: Iterator<unknown>, indent: string, depth: number): Generator<string> {
  if (length === 0) {
    yield '[]'
    return
  }
  const inner = `${indent}  `
  yield '[\n'
  for (let i = 0; i < length; i++) {
    yield inner
    yield* piece(items.next().value, inner, depth + 1)
    yield i < length - 1 ? ',\n' : '\n'
  }
  yield `${indent}]`
}
