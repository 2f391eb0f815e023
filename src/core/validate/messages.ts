/**
 * Turns ajv's errors into sentences a department's IT lead understands, each with the JSON pointer
 * of the value (or key) it is about.
 */
import type {ErrorObject} from 'ajv'

import {escapePointerSegment, pointerSegments} from '../load/positions.js'
import type {SourceDocument} from '../model/types.js'

export interface SchemaMessage {
  pointer: string
  /** Point at the key rather than the value (unknown fields). */
  atKey: boolean
  message: string
  /** Already said by another error's message (the later pieces of one number split at its commas). */
  repeat?: boolean
}

const ID_RULE = 'lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters'

/** Keys that name JavaScript object internals: refused with their own message. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export function describeSchemaError(error: ErrorObject, doc: SourceDocument): SchemaMessage {
  const pointer = error.instancePath
  const where = context(pointer, doc.data)
  const field = fieldName(pointer)
  const got = describeValue(error.data)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty)
      // A system or the department itself: "system 'payments' is missing…", not "system 'payments': 'system' is missing…".
      if (/^\/systems\/\d+$/.test(pointer) || pointer === '/department') {
        return {pointer, atKey: true, message: `${where.replace(/: $/, '')} is missing the required field '${missing}'`}
      }
      const owner = pointer === '' ? 'the inventory' : field ? `'${field}'` : 'this entry'
      return {pointer, atKey: true, message: `${where}${owner} is missing the required field '${missing}'`}
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty)
      const target = `${pointer}/${escapePointerSegment(extra)}`
      if (extra === '<<') {
        return {pointer: target, atKey: true, message: `${where}YAML merge keys (<<) are not supported: write the fields out, or use an alias (*name) for a whole value`}
      }
      if (PROTOTYPE_KEYS.has(extra)) {
        return {pointer: target, atKey: true, message: `${where}the key '${extra}' is not allowed: it names a JavaScript object internal`}
      }
      const allowed = Object.keys((error.parentSchema as {properties?: object})?.properties ?? {})
      // `{annual_run_gbp: 1,200,000}`: inside { } the commas split the number into the fields '200' and '000'.
      if (/^\d{3}$/.test(extra)) {
        const whole = thousandsSplit(doc, pointer, extra)
        if (whole !== undefined) return {pointer: target, atKey: true, repeat: whole.split(',')[1] !== extra, message: `${where}'${extra}' is part of the number ${whole}: inside { } the commas of a thousands separator split it into fields — write ${whole.replace(/,/g, '')}, without separators`}
      }
      const guess = closest(extra, allowed)
      const hint = guess ? ` — did you mean '${guess}'?` : allowed.length ? ` (allowed: ${allowed.join(', ')}; or prefix it with x- for your own data)` : ''
      return {pointer: target, atKey: true, message: `${where}unknown field '${extra}'${hint}`}
    }
    case 'enum': {
      const options = (params.allowedValues as unknown[]).map(String).join(', ')
      return {pointer, atKey: false, message: `${where}'${field}' must be one of ${options} — got ${got}`}
    }
    case 'const':
      return {pointer, atKey: false, message: `${where}'${field}' must be '${String(params.allowedValue)}' — got ${got}`}
    case 'type': {
      const expected = String(params.type)
      // Text at the root is no inventory, and may be anything (a linked system file): said, not quoted.
      if (pointer === '') return {pointer, atKey: false, message: `the file's root must be a mapping with apiVersion, kind, department and systems — got ${typeof error.data === 'string' ? 'plain text: this is not an inventory' : got}`}
      if (expected === 'string' && typeof error.data === 'number') {
        const raw = doc.sourceText(pointer)
        if (raw !== undefined && raw !== String(error.data)) {
          return {pointer, atKey: false, message: `${where}'${field}' must be a string: quote it ("${raw}") — ${raw} was read as the number ${String(error.data)}`}
        }
        return {pointer, atKey: false, message: `${where}'${field}' must be a string: quote it ("${String(error.data)}")`}
      }
      if (expected === 'boolean' && typeof error.data === 'string' && /^(y|yes|n|no|on|off)$/i.test(error.data)) {
        return {pointer, atKey: false, message: `${where}'${field}' must be true or false — got ${got} (YAML 1.2 reads yes, no, on and off as text)`}
      }
      if ((expected === 'number' || expected === 'integer') && typeof error.data === 'string' && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(error.data.trim())) {
        return {pointer, atKey: false, message: `${where}'${field}' must be a number — got ${got}: YAML has no thousands separators, write ${error.data.trim().replace(/,/g, '')}`}
      }
      if ((expected === 'number' || expected === 'integer') && typeof error.data === 'string' && /^\s*[-+]?[0-9]/.test(error.data)) {
        const article = expected === 'integer' ? 'a whole number' : 'a number'
        return {pointer, atKey: false, message: `${where}'${field}' must be ${article} — got ${got}: write the number alone, without quotes, units or separators`}
      }
      const article = expected === 'integer' ? 'a whole number' : expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping' : expected === 'boolean' ? 'true or false' : `a ${expected}`
      return {pointer, atKey: false, message: `${where}'${field}' must be ${article} — got ${got}`}
    }
    case 'format':
    case 'pattern': {
      const what = String(params.format ?? '')
      const lastSegment = pointerSegments(pointer).at(-1) ?? ''
      if (what === 'date' || (error.keyword === 'pattern' && String(params.pattern).startsWith('^[0-9]{4}'))) {
        return {pointer, atKey: false, message: `${where}'${field}' must be a real date written YYYY-MM-DD — got ${got}`}
      }
      if (/^\d+$/.test(lastSegment) && pointer.includes('/dependencies/')) {
        return {pointer, atKey: false, message: `${where}dependency ${got} must be a system id or department/id (${ID_RULE})`}
      }
      return {pointer, atKey: false, message: `${where}'${field}' must be ${ID_RULE} — got ${got}`}
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {pointer, atKey: false, message: `${where}'${field}' must be ${error.keyword.startsWith('min') || error.keyword === 'exclusiveMinimum' ? 'at least' : 'at most'} ${String(params.limit)} — got ${got}`}
    case 'minLength':
      return {pointer, atKey: false, message: `${where}'${field}' must not be empty`}
    case 'maxLength':
      return {pointer, atKey: false, message: `${where}'${field}' is too long: at most ${String(params.limit)} characters`}
    case 'maxItems':
      return {pointer, atKey: false, message: `${where}'${field}' has too many entries: at most ${String(params.limit)}`}
    case 'uniqueItems': {
      const items = error.data as unknown[]
      const dup = items[Number(params.j)]
      return {pointer: `${pointer}/${String(params.j)}`, atKey: false, message: `${where}'${field}' lists ${describeValue(dup)} twice`}
    }
    default:
      return {pointer, atKey: false, message: `${where}'${field}' ${error.message ?? 'is invalid'}`}
  }
}

/** "system 'tax-calc': " for anything inside a system with a usable id; "" elsewhere. */
export function context(pointer: string, data: unknown): string {
  const m = /^\/systems\/(\d+)/.exec(pointer)
  if (!m) return pointer.startsWith('/department') ? 'department: ' : ''
  const system = (data as {systems?: unknown[]})?.systems?.[Number(m[1])] as {id?: unknown} | undefined
  const id = system && typeof system === 'object' && typeof system.id === 'string' && system.id.length <= 63 ? system.id : undefined
  return id ? `system '${id}': ` : `system #${Number(m[1]) + 1}: `
}

/** The dotted path of a value inside its system (`platform.os.version`), or inside the file. */
export function fieldName(pointer: string): string {
  const segments = pointerSegments(pointer)
  const inner = segments[0] === 'systems' && segments.length >= 2 ? segments.slice(2) : segments
  if (inner.length === 0) return segments[0] === 'systems' && segments.length === 2 ? 'system' : (segments.at(-1) ?? '')
  return inner.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '')
}

export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value
      return `'${shown}'`
    }
    case 'number':
      return `the number ${String(value)}`
    case 'boolean':
      return String(value)
    case 'object':
      return 'a mapping'
    default:
      return typeof value
  }
}

/** The allowed name nearest to a misspelt one, when it is close enough to be a likely typo. */
export function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase())
    if (d < bestDistance) {
      bestDistance = d
      best = o
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined
}

function distance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Infinity
  const row = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length]
}

/**
 * The whole number a thousands separator split into fields of a flow mapping, when `extra` is one of
 * them, read from the mapping's source text (`{annual_run_gbp: 1,200,000}` → "1,200,000"): the keys
 * alone cannot say, since JavaScript lists a key like '200' before every other.
 */
function thousandsSplit(doc: SourceDocument, pointer: string, extra: string): string | undefined {
  const raw = doc.keyLine(`${pointer}/${extra}`)
  if (raw === undefined) return undefined
  for (const m of raw.matchAll(/:\s*(\d{1,3}(?:\s*,\s*\d{3})+)(?=\s*[,}])/g)) {
    const parts = m[1].split(/\s*,\s*/)
    if (parts.slice(1).includes(extra)) return parts.join(',')
  }
  return undefined
}
