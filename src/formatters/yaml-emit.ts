/**
 * A small YAML 1.2 emitter for plain data (what `--format yaml` prints): block style, strings plain
 * where the core schema reads them back as the same string, double-quoted (JSON escapes, which YAML
 * shares) otherwise. The `yaml` library's stringify took ~50 s on a 100,000-system plan; this takes
 * about as long as JSON.stringify. A test parses its output back with `yaml` on generated data.
 */
import {resolvePlain} from '../core/load/fast-yaml.js'
import {MappedList} from './json-chunks.js'

const PLAIN = /^[A-Za-z0-9_/(][A-Za-z0-9_ ./()@&+,'-]*$/

/**
 * Text that YAML 1.2's core schema keeps as text but other readers take for a number: `1_000.2`
 * (js-yaml, PyYAML: digit separators), `0b101` (PyYAML). Quoted, so every reader gets the string.
 */
function numberElsewhere(s: string): boolean {
  return (s.includes('_') && typeof resolvePlain(s.replace(/_/g, '')) === 'number') || /^[-+]?0b[01_]+$/.test(s)
}

export function scalar(s: string): string {
  if (s !== '' && PLAIN.test(s) && !s.endsWith(' ') && !/^[-.]/.test(s) && resolvePlain(s) === s && !numberElsewhere(s)) return s
  // YAML's double-quoted style takes JSON's escapes; characters YAML does not allow raw are escaped too.
  return JSON.stringify(s).replace(/[\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function atom(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return scalar(v)
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (Array.isArray(v) && v.length === 0) return '[]'
  if (typeof v === 'object' && Object.keys(v as object).length === 0) return '{}'
  return undefined
}

export function toYaml(value: unknown): string {
  const out: string[] = []
  emit(value, '', out)
  return `${out.join('')}\n`.replace(/^\n/, '')
}

/**
 * The same text as toYaml, in pieces: each top-level key, and each item of a top-level list (a
 * MappedList's made as it is written), on its own — a million systems make no single string.
 */
export function* toYamlChunks(value: Record<string, unknown>): Generator<string> {
  let started = false
  const piece = (out: string[]) => {
    const text = out.join('')
    if (started) return text
    started = true
    return text.replace(/^\n/, '')
  }
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue
    const head = [`\n${scalar(k)}:`]
    const items = v instanceof MappedList ? v : Array.isArray(v) && v.length > 0 ? v : undefined
    if (!items) {
      const a = atom(v)
      if (a !== undefined) head.push(` ${a}`)
      else emit(v, '  ', head)
      yield piece(head)
      continue
    }
    yield piece(head)
    const list = items instanceof MappedList ? items : undefined
    const length = list ? list.items.length : (items as unknown[]).length
    if (length === 0) {
      yield ' []'
      continue
    }
    for (const item of list ? list.mapped() : (items as unknown[])) {
      const out: string[] = []
      emit([item], '  ', out)
      yield piece(out)
    }
  }
  yield '\n'
}

function emit(value: unknown, indent: string, out: string[]): void {
  const a = atom(value)
  if (a !== undefined) {
    out.push(indent === '' && out.length === 0 ? a : ` ${a}`)
    return
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      out.push(`\n${indent}-`)
      const ia = atom(item)
      if (ia !== undefined) out.push(` ${ia}`)
      else if (Array.isArray(item)) emit(item, `${indent}  `, out)
      else emitMapping(item as Record<string, unknown>, `${indent}  `, out, true)
    }
    return
  }
  emitMapping(value as Record<string, unknown>, indent, out, false)
}

function emitMapping(obj: Record<string, unknown>, indent: string, out: string[], inSequence: boolean): void {
  let first = true
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue
    // The first key of a mapping inside a sequence item shares the `- ` line.
    out.push(first && inSequence ? ` ${scalar(k)}:` : `\n${indent}${scalar(k)}:`)
    first = false
    const a = atom(v)
    if (a !== undefined) out.push(` ${a}`)
    else emit(v, `${indent}  `, out)
  }
}
