/**
 * Which column fills which field: inferred from the headers (columns.ts), or given in a mapping
 * file (`--map`), which `import --print-map` writes for the user to edit. A mapping file is data:
 * columns, values and defaults, checked here before any row is read.
 */
import {readFileSync} from 'node:fs'

import {parse} from 'yaml'

import {InputError} from '../errors.js'
import {BY_HEADER, BY_PATH, extraKey, FIELDS, headerKey, INSTALL_STATUS} from './columns.js'

/** What a column becomes: a field path, an `x-` key, the install status, or nothing. */
export type Target = {kind: 'field'; path: string} | {kind: 'extra'; key: string} | {kind: 'install-status'} | {kind: 'ignore'}

export interface ColumnMapping {
  header: string
  target: Target
  /** inferred from the header, given in the mapping file, or not recognised (kept as x-). */
  how: 'inferred' | 'given' | 'unrecognised'
}

export interface Mapping {
  columns: ColumnMapping[]
  /** Field path → cell text → allowed value. */
  values: Record<string, Record<string, string>>
  /** Field path → the value for rows that have none. */
  defaults: Record<string, string | number | boolean>
  dayFirst: boolean
}

export interface MappingFile {
  columns?: Record<string, string>
  values?: Record<string, Record<string, string>>
  defaults?: Record<string, string | number | boolean>
  dateFormat?: 'DD/MM/YYYY' | 'MM/DD/YYYY'
}

export const REQUIRED = ['id', 'name', 'criticality', 'hosting']

function targetOf(text: string, where: string): Target {
  if (text === 'ignore') return {kind: 'ignore'}
  if (text === 'install-status') return {kind: 'install-status'}
  if (/^x-[a-z0-9][a-z0-9-]*$/.test(text)) return {kind: 'extra', key: text}
  if (BY_PATH.has(text)) return {kind: 'field', path: text}
  throw new InputError(`${where}: "${text}" is not an inventory field (one of ${FIELDS.map((f) => f.path).join(', ')}), an x- key, install-status or ignore`)
}

export function readMappingFile(file: string): MappingFile {
  let data: unknown
  try {
    data = parse(readFileSync(file, 'utf8'), {schema: 'core', maxAliasCount: 100})
  } catch (error) {
    throw new InputError(`${file}: not a readable mapping file: ${String((error as Error).message ?? error).split('\n')[0]}`)
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InputError(`${file}: a mapping file is a YAML map with columns, values, defaults and dateFormat (import --print-map writes one)`)
  const m = data as Record<string, unknown>
  for (const key of Object.keys(m)) if (!['columns', 'values', 'defaults', 'dateFormat'].includes(key)) throw new InputError(`${file}: unknown key "${key}" (columns, values, defaults, dateFormat)`)
  const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
  if (m.columns !== undefined && !isMap(m.columns)) throw new InputError(`${file}: columns: a map of column header → field`)
  for (const [h, t] of Object.entries((m.columns ?? {}) as object)) {
    if (typeof t !== 'string') throw new InputError(`${file}: columns."${h}": a field name, an x- key, install-status or ignore`)
    targetOf(t, `${file}: columns."${h}"`)
  }
  if (m.values !== undefined && !isMap(m.values)) throw new InputError(`${file}: values: a map of field → {cell text: value}`)
  for (const [field, map] of Object.entries((m.values ?? {}) as object)) {
    const spec = BY_PATH.get(field)
    if (!spec?.values) throw new InputError(`${file}: values.${field}: values can be given for ${FIELDS.filter((f) => f.values).map((f) => f.path).join(', ')}`)
    if (!isMap(map)) throw new InputError(`${file}: values.${field}: a map of cell text → value`)
    for (const [from, to] of Object.entries(map as object)) {
      if (!Object.keys(spec.values).includes(String(to))) throw new InputError(`${file}: values.${field}."${from}": "${to}" is not one of ${Object.keys(spec.values).join(', ')}`)
    }
  }
  if (m.defaults !== undefined && !isMap(m.defaults)) throw new InputError(`${file}: defaults: a map of field → value`)
  for (const [field, v] of Object.entries((m.defaults ?? {}) as object)) {
    const spec = BY_PATH.get(field)
    if (!spec || field === 'id' || field === 'name') throw new InputError(`${file}: defaults.${field}: a default can be given for any field but id and name`)
    if (spec.values && !Object.keys(spec.values).includes(String(v))) throw new InputError(`${file}: defaults.${field}: "${v}" is not one of ${Object.keys(spec.values).join(', ')}`)
    if (!['string', 'number', 'boolean'].includes(typeof v)) throw new InputError(`${file}: defaults.${field}: a single value`)
  }
  if (m.dateFormat !== undefined && m.dateFormat !== 'DD/MM/YYYY' && m.dateFormat !== 'MM/DD/YYYY') throw new InputError(`${file}: dateFormat: DD/MM/YYYY or MM/DD/YYYY`)
  return m as MappingFile
}

/** The mapping for these headers: the file's columns where it names them, the synonyms elsewhere. */
export function inferMapping(header: string[], file: MappingFile = {}): Mapping {
  const taken = new Set<string>()
  const given = new Map(Object.entries(file.columns ?? {}).map(([h, t]) => [headerKey(h), t]))
  const columns: ColumnMapping[] = []
  // Columns the file names first, so a synonym never takes a field the file gives to another column.
  for (const h of header) {
    const t = given.get(headerKey(h))
    if (t === undefined) continue
    const target = targetOf(t, `--map: columns."${h}"`)
    if (target.kind === 'field') taken.add(target.path)
  }
  for (const h of header) {
    const t = given.get(headerKey(h))
    if (t !== undefined) {
      columns.push({header: h, target: targetOf(t, `--map: columns."${h}"`), how: 'given'})
      continue
    }
    const key = headerKey(h)
    const spec = BY_HEADER.get(key)
    if (INSTALL_STATUS.includes(key)) columns.push({header: h, target: {kind: 'install-status'}, how: 'inferred'})
    else if (spec && !taken.has(spec.path)) {
      taken.add(spec.path)
      columns.push({header: h, target: {kind: 'field', path: spec.path}, how: 'inferred'})
    } else columns.push({header: h, target: {kind: 'extra', key: extraKey(h)}, how: 'unrecognised'})
  }
  return {columns, values: file.values ?? {}, defaults: file.defaults ?? {}, dayFirst: file.dateFormat !== 'MM/DD/YYYY'}
}

const q = (s: string) => JSON.stringify(s)

/** The mapping as a file to edit (`import --print-map`), saying how each line was decided. */
export function printMapping(m: Mapping, source: string): string {
  const out = [`# cloudready import mapping for ${source}`, '# Edit it, then: cloudready import FILE --department ID --map THIS-FILE -o inventory/ID.yaml', '# A column is an inventory field, an x- key (kept as it is), install-status, or ignore.', 'columns:']
  const width = Math.max(...m.columns.map((c) => q(c.header).length))
  for (const c of m.columns) {
    const t = c.target.kind === 'field' ? c.target.path : c.target.kind === 'extra' ? c.target.key : c.target.kind
    const why = c.how === 'given' ? 'from your mapping file' : c.how === 'inferred' ? (c.target.kind === 'install-status' ? 'ServiceNow install status: Retired → migration.status retired' : 'inferred from the header') : 'not recognised: kept under an x- key'
    out.push(`  ${`${q(c.header)}:`.padEnd(width + 1)} ${t.padEnd(28)} # ${why}`)
  }
  const mapped = new Set(m.columns.flatMap((c) => (c.target.kind === 'field' ? [c.target.path] : [])))
  out.push('# Cell texts that mean an allowed value, beyond the built-in ones, e.g.', '# values:', '#   criticality: {"Gold": critical, "Silver": high}')
  if (Object.keys(m.values).length) {
    out.push('values:')
    for (const [f, map] of Object.entries(m.values)) out.push(`  ${f}: {${Object.entries(map).map(([a, b]) => `${q(a)}: ${b}`).join(', ')}}`)
  }
  const missing = REQUIRED.filter((f) => !mapped.has(f) && !(f in m.defaults) && f !== 'id')
  out.push('# A value for every row that has none (never for id or name).')
  if (Object.keys(m.defaults).length || missing.length) out.push('defaults:')
  for (const [f, v] of Object.entries(m.defaults)) out.push(`  ${f}: ${typeof v === 'string' ? q(v) : v}`)
  for (const f of missing) out.push(`  # ${f}: ${f === 'hosting' ? 'on-premises' : 'medium'}    # no column gives ${f}, a required field: set it here if it holds for every row`)
  out.push(`dateFormat: ${m.dayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}    # how dates like 03/04/2025 are read`)
  return `${out.join('\n')}\n`
}
