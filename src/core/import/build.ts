/**
 * Rows to systems: each mapped cell normalised into its field, each change noted for a comment,
 * the rest kept under `x-` keys. A row without a required field, or with an id already used, is
 * not guessed: it becomes a TODO (a commented-out system in the YAML) and a warning naming its row
 * and column.
 */
import {BY_PATH, extraKey, type FieldSpec, headerKey} from './columns.js'
import type {Mapping} from './mapping.js'
import {REQUIRED} from './mapping.js'
import {normaliseBoolean, normaliseDate, normaliseEnum, normaliseNumber, normaliseProduct, slug, type Normalised} from './normalise.js'
import type {Cell, Table} from './read.js'

export interface ImportedSystem {
  /** Where it came from, as the spreadsheet numbers it. */
  file: string
  row: number
  system: Record<string, unknown>
  /** Field path → what the cell said, when the value written differs from it. */
  notes: Map<string, string>
  /** Field paths filled from the spreadsheet or the mapping file's defaults (what --merge updates). */
  mapped: Set<string>
}

export interface ImportProblem {
  file: string
  row: number
  column: string | null
  message: string
}

export interface TodoRow extends ImportedSystem {
  reason: string
}

export interface ImportResult {
  systems: ImportedSystem[]
  todos: TodoRow[]
  problems: ImportProblem[]
  stats: {rows: number; blankRows: number; normalised: number}
}

/** Sets `a.b.c` in nested objects. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let at = target
  for (const p of parts.slice(0, -1)) {
    if (at[p] === undefined || typeof at[p] !== 'object') at[p] = {}
    at = at[p] as Record<string, unknown>
  }
  at[parts[parts.length - 1]] = value
}

export function getPath(target: Record<string, unknown>, path: string): unknown {
  let at: unknown = target
  for (const p of path.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[p] : undefined
  return at
}

const blank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '')

function normalise(spec: FieldSpec, cell: Cell, mapping: Mapping): Normalised {
  switch (spec.kind) {
    case 'enum':
      return normaliseEnum(cell, spec, mapping.values[spec.path])
    case 'boolean':
      return normaliseBoolean(cell)
    case 'integer':
      return normaliseNumber(cell, true)
    case 'number':
      return normaliseNumber(cell)
    case 'date':
      return normaliseDate(cell, mapping.dayFirst)
    case 'list': {
      const items = String(cell).split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean)
      const refs = items.map((s) => (s.includes('/') ? s.split('/').map(slug).join('/') : slug(s)))
      return {ok: true, value: refs, note: refs.join(', ') === items.join(', ') ? undefined : items.join(', ')}
    }
    case 'id': {
      const t = String(cell).trim()
      const id = slug(t)
      return id ? {ok: true, value: id, note: id === t ? undefined : t} : {ok: false, problem: `"${t}" has no letter or digit to make an id from`}
    }
    default: {
      // One line: a name or an owner broken over lines in a cell reads as one.
      const raw = typeof cell === 'string' ? cell.trim() : String(cell)
      const t = raw.replace(/\s+/g, ' ')
      return {ok: true, value: t, note: t === raw ? undefined : raw}
    }
  }
}

export function buildSystems(tables: Table[], mapping: Mapping): ImportResult {
  const result: ImportResult = {systems: [], todos: [], problems: [], stats: {rows: 0, blankRows: 0, normalised: 0}}
  const ids = new Map<string, {file: string; row: number}>()
  for (const table of tables) {
    const columns = table.header.map((h) => mapping.columns.find((c) => c.header === h) ?? mapping.columns.find((c) => headerKey(c.header) === headerKey(h))!)
    const productVersion = (path: string) => columns.findIndex((c) => c?.target.kind === 'field' && c.target.path === path)
    for (const {row, cells} of table.rows) {
      if (cells.every(blank)) {
        result.stats.blankRows++
        continue
      }
      result.stats.rows++
      const item: ImportedSystem = {file: table.file, row, system: {}, notes: new Map(), mapped: new Set()}
      const problem = (column: string | null, message: string) => result.problems.push({file: table.file, row, column, message})
      cells.forEach((cell, i) => {
        const col = columns[i]
        if (!col || blank(cell) || col.target.kind === 'ignore') return
        if (col.target.kind === 'extra') {
          item.system[col.target.key] = typeof cell === 'string' ? cell.trim() : cell
          return
        }
        if (col.target.kind === 'install-status') {
          item.system[extraKey(col.header)] = typeof cell === 'string' ? cell.trim() : cell
          if (/^(retired|7)$/i.test(String(cell).trim())) {
            setPath(item.system, 'migration.status', 'retired')
            item.notes.set('migration.status', `from ${col.header} ${JSON.stringify(String(cell).trim())}`)
            item.mapped.add('migration.status')
          }
          return
        }
        const spec = BY_PATH.get(col.target.path)!
        if (spec.kind === 'version') return
        if (spec.kind === 'product') {
          const versionAt = productVersion(spec.path.replace(/name$/, 'version'))
          const version = versionAt === -1 || blank(cells[versionAt]) ? undefined : String(cells[versionAt]).trim()
          const p = normaliseProduct(cell, version)
          setPath(item.system, spec.path, p.name)
          if (p.version !== undefined) setPath(item.system, spec.path.replace(/name$/, 'version'), p.version)
          item.mapped.add(spec.path)
          if (p.version !== undefined) item.mapped.add(spec.path.replace(/name$/, 'version'))
          if (p.note) {
            item.notes.set(spec.path, `from ${JSON.stringify(p.note)}`)
            result.stats.normalised++
          }
          return
        }
        const n = normalise(spec, cell, mapping)
        if (!n.ok) {
          const kept = extraKey(col.header)
          item.system[kept] = typeof cell === 'string' ? cell.trim() : cell
          problem(col.header, `${spec.path}: ${n.problem}; kept as ${kept} (a mapping file's values: can say what it means)`)
          return
        }
        setPath(item.system, spec.path, n.value)
        item.mapped.add(spec.path)
        if (n.note !== undefined) {
          item.notes.set(spec.path, `from ${JSON.stringify(n.note)}`)
          result.stats.normalised++
        }
      })
      // A version column with no product column beside it: the version alone.
      for (const [i, col] of columns.entries()) {
        if (col?.target.kind !== 'field' || BY_PATH.get(col.target.path)!.kind !== 'version' || blank(cells[i])) continue
        if (getPath(item.system, col.target.path) === undefined) {
          setPath(item.system, col.target.path, String(cells[i]).trim())
          item.mapped.add(col.target.path)
        }
      }
      for (const [path, value] of Object.entries(mapping.defaults)) {
        if (getPath(item.system, path) !== undefined) continue
        setPath(item.system, path, value)
        item.notes.set(path, 'the mapping file\'s default')
        item.mapped.add(path)
      }
      if (item.system.id === undefined && typeof item.system.name === 'string') {
        const id = slug(item.system.name)
        if (id) {
          item.system.id = id
          item.notes.set('id', `made from the name (no id column)`)
        }
      }
      const missing = REQUIRED.filter((f) => getPath(item.system, f) === undefined)
      if (missing.length) {
        const said = missing.map((f) => {
          const col = columns.find((c) => c?.target.kind === 'field' && c.target.path === f)
          return col ? `${f} is empty in column "${col.header}"` : `no column gives ${f}`
        })
        for (const s of said) problem(null, `${s}: the row is written as a TODO (fill it in${said.some((x) => x.startsWith('no column')) ? ', or give a default in a mapping file' : ''})`)
        result.todos.push({...item, reason: said.join('; ')})
        continue
      }
      const id = String(item.system.id)
      const first = ids.get(id)
      if (first) {
        problem(null, `id ${id} is already used by row ${first.row}${first.file === table.file ? '' : ` of ${first.file}`}: the row is written as a TODO (give it its own id)`)
        result.todos.push({...item, reason: `id ${id} is already used by row ${first.row}`})
        continue
      }
      ids.set(id, {file: table.file, row})
      result.systems.push(item)
    }
  }
  return result
}
