/**
 * The imported inventory as YAML a person keeps editing: one block per system in the schema's
 * order, a comment beside each value that was changed on the way in (what the cell said), the row
 * each system came from, and each TODO row as a commented-out system saying what it lacks.
 */
import {scalar} from '../../formatters/yaml-emit.js'
import {FIELDS} from './columns.js'
import type {ImportedSystem, ImportResult, TodoRow} from './build.js'

const ORDER = FIELDS.map((f) => f.path)

/** Where a key at `prefix` sorts: by the first field path under it; x- keys after, by name. */
function rank(prefix: string, key: string): number {
  if (key.startsWith('x-')) return 10_000
  const full = prefix ? `${prefix}.${key}` : key
  const i = ORDER.findIndex((p) => p === full || p.startsWith(`${full}.`))
  return i === -1 ? 5_000 : i
}

function value(v: unknown): string {
  if (typeof v === 'string') return scalar(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`
  return scalar(String(v))
}

/** A comment on one line, whatever the cell held: control characters and line breaks escaped. */
// eslint-disable-next-line no-control-regex
const comment = (note: string) => `  # ${note.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`

function lines(obj: Record<string, unknown>, indent: string, prefix: string, notes: Map<string, string>, out: string[]): void {
  const keys = Object.keys(obj).sort((a, b) => rank(prefix, a) - rank(prefix, b) || (a < b ? -1 : a > b ? 1 : 0))
  for (const key of keys) {
    const v = obj[key]
    const path = prefix ? `${prefix}.${key}` : key
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out.push(`${indent}${key}:`)
      lines(v as Record<string, unknown>, `${indent}  `, path, notes, out)
      continue
    }
    const note = notes.get(path)
    out.push(`${indent}${scalar(key)}: ${value(v)}${note ? comment(note) : ''}`)
  }
}

export function systemLines(s: ImportedSystem): string[] {
  const out: string[] = []
  lines(s.system, '    ', '', s.notes, out)
  out[0] = `  - ${out[0].slice(4)}`
  return out
}

function todoLines(t: TodoRow): string[] {
  const body = systemLines({...t, system: {id: t.system.id ?? '', ...t.system}})
  return [`  # TODO ${t.file} row ${t.row}: ${t.reason}. Fill it in and remove the # signs.`, ...body.map((l) => `  #${l.slice(1)}`)]
}

export interface InventoryHeader {
  department: {id: string; name: string}
  sources: string[]
  summary: string[]
}

export function inventoryYaml(head: InventoryHeader, result: ImportResult): string {
  const out = [...head.summary.map((l) => `# ${l}`), 'apiVersion: cloudready/v1', 'kind: Inventory', `department: {id: ${scalar(head.department.id)}, name: ${scalar(head.department.name)}}`]
  // Systems and TODO rows in the order of the spreadsheet, so the file reads as the sheet does.
  const all: Array<{file: string; row: number; text: string[]}> = [
    ...result.systems.map((s) => ({file: s.file, row: s.row, text: [`  # ${s.file} row ${s.row}`, ...systemLines(s)]})),
    ...result.todos.map((t) => ({file: t.file, row: t.row, text: todoLines(t)})),
  ]
  const fileOrder = new Map(head.sources.map((f, i) => [f, i]))
  all.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.row - b.row)
  out.push(result.systems.length ? 'systems:' : 'systems: []')
  for (const a of all) out.push(...a.text)
  return `${out.join('\n')}\n`
}
