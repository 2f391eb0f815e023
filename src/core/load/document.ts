import type {Position, SourceDocument} from '../model/types.js'
import {lineStarts, offsetToPosition, pointerSegments, type PositionTable} from './positions.js'

/** A parsed document that can say where any JSON pointer came from. */
export class ParsedDocument implements SourceDocument {
  private starts: number[] | undefined

  constructor(
    readonly file: string,
    readonly text: string,
    readonly data: unknown,
    private readonly positions: PositionTable,
    private readonly rootOffset: number,
  ) {}

  locate(pointer: string): Position {
    return this.position(this.offsetOf(pointer).value)
  }

  locateKey(pointer: string): Position {
    return this.position(this.offsetOf(pointer).key)
  }

  sourceText(pointer: string): string | undefined {
    const {value, exact} = this.offsetOf(pointer)
    if (!exact) return undefined
    const t = this.text
    const c = t[value]
    if (c === '"' || c === "'") {
      const end = t.indexOf(c, value + 1)
      return end === -1 ? undefined : t.slice(value, end + 1)
    }
    if (c === '[' || c === '{') return undefined
    const m = /^[^\n\r,\]}]*?(?=\s+#|\s*[\n\r,\]}]|\s*$)/.exec(t.slice(value, value + 500))
    return m ? m[0] : undefined
  }

  /** The offset of the value (and of its key) at `pointer`, or of its nearest existing ancestor. */
  private offsetOf(pointer: string): {value: number; key: number; exact: boolean} {
    let node: unknown = this.data
    let value = this.rootOffset
    let key = this.rootOffset
    for (const segment of pointerSegments(pointer)) {
      if (node === null || typeof node !== 'object') return {value, key, exact: false}
      if (!this.positions.has(node)) return {value, key, exact: false}
      if (Array.isArray(node)) {
        const index = /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1
        if (index < 0 || index >= node.length) return {value, key, exact: false}
        const at = this.positions.offset(node, index)
        if (at < 0) return {value, key, exact: false}
        value = at
        key = at
        node = node[index]
      } else {
        const keys = this.positions.keys(node)
        const index = keys ? keys.indexOf(segment) : ownKeyIndex(node as Record<string, unknown>, segment)
        if (index === -1) return {value, key, exact: false}
        const keyAt = this.positions.offset(node, 2 * index)
        const valueAt = this.positions.offset(node, 2 * index + 1)
        if (keyAt < 0 || valueAt < 0) return {value, key, exact: false}
        key = keyAt
        value = valueAt
        node = (node as Record<string, unknown>)[segment]
      }
    }
    return {value, key, exact: true}
  }

  private position(offset: number): Position {
    this.starts ??= lineStarts(this.text)
    return offsetToPosition(this.starts, offset)
  }
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
