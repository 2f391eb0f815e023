/**
 * `import`: spreadsheets to an inventory. read.ts reads the files, mapping.ts decides what each
 * column fills, build.ts turns rows into systems (TODO rows for what cannot be filled), and
 * write-yaml.ts or merge.ts writes the result; then the result is validated as `validate` would, so
 * what is written always passes it.
 */
import {readFileSync} from 'node:fs'

import {InputError} from '../errors.js'
import {parseBuffer} from '../load/index.js'
import {validateDocuments} from '../validate/index.js'
import {buildSystems, type ImportResult} from './build.js'
import {inferMapping, type Mapping, printMapping, readMappingFile} from './mapping.js'
import {mergeInventory} from './merge.js'
import {readTable, type ReadOptions, type Table} from './read.js'
import {inventoryYaml} from './write-yaml.js'
import {plural} from '../../formatters/text.js'

export interface ImportOptions extends ReadOptions {
  files: string[]
  department: string
  name?: string
  map?: string
  printMap?: boolean
  /** The inventory to merge into (`--merge` with `-o FILE`). */
  mergeInto?: string
}

export interface ImportRun {
  /** The inventory (or with --print-map, the mapping) to write. */
  text: string
  /** What was done, for standard error. */
  report: string[]
  /** One line for after `-o`. */
  summary: string
  result?: ImportResult
}

const q = (s: string) => `"${s}"`

export async function runImport(o: ImportOptions): Promise<ImportRun> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(o.department)) throw new InputError(`--department '${o.department}' is not an id: lowercase letters, digits and hyphens, at most 63 characters`)
  const tables: Table[] = []
  for (const f of o.files) tables.push(await readTable(f, o))
  const file = o.map ? readMappingFile(o.map) : {}
  // One mapping for every file: the columns of all of them, each header once.
  const headers = [...new Set(tables.flatMap((t) => t.header))]
  const mapping = inferMapping(headers, file)
  if (o.printMap) {
    return {text: printMapping(mapping, o.files.join(', ')), report: [`import: the mapping for ${o.files.join(', ')} (edit it and pass it with --map)`], summary: `the mapping of ${headers.length} columns`}
  }
  const result = buildSystems(tables, mapping)
  if (result.stats.rows === 0) {
    throw new InputError(`nothing to import: ${tables.map((t) => `${t.file}${t.sheet ? ` (sheet "${t.sheet}")` : ''} has a header in row ${t.headerRow} and no rows under it`).join('; ')}`)
  }
  const report = readReport(tables, mapping, result)
  let text: string
  let summary: string
  if (o.mergeInto) {
    let existing: string
    try {
      existing = readFileSync(o.mergeInto, 'utf8')
    } catch {
      throw new InputError(`--merge: cannot read ${o.mergeInto}: give the inventory to update with -o (it must exist; without --merge, import writes a new one)`)
    }
    const merged = mergeInventory(o.mergeInto, existing, result.systems)
    text = merged.text
    summary = `${merged.updated} systems updated (${merged.fieldsChanged} fields), ${merged.added} added, ${merged.untouched} only in the inventory left as they were${result.todos.length ? `; ${result.todos.length} rows need attention and were not merged` : ''}`
    report.push(`merge into ${o.mergeInto}: ${summary}`)
  } else {
    const name = o.name ?? o.department
    text = inventoryYaml(
      {
        department: {id: o.department, name},
        sources: tables.map((t) => t.file),
        summary: [
          `Imported by cloudready import from ${tables.map((t) => `${t.file}${t.sheet ? ` (sheet "${t.sheet}")` : ''}`).join(', ')}: ${plural(result.stats.rows, 'row')}, ${plural(result.systems.length, 'system')}${result.todos.length ? `, ${plural(result.todos.length, 'row')} to finish (marked TODO)` : ''}.`,
          `Columns: ${mapping.columns.filter((c) => c.target.kind === 'field').map((c) => `${q(c.header)} → ${(c.target as {path: string}).path}`).join(', ') || 'none recognised'}.`,
          ...(mapping.columns.some((c) => c.target.kind === 'extra') ? [`Kept as x- keys: ${mapping.columns.filter((c) => c.target.kind === 'extra').map((c) => q(c.header)).join(', ')}.`] : []),
          'A comment after a value says what the cell held when it was changed on the way in.',
        ],
      },
      result,
    )
    summary = `${plural(result.systems.length, 'system')} from ${plural(result.stats.rows, 'row')}${result.todos.length ? `, ${plural(result.todos.length, 'row')} to finish (TODO)` : ''}`
  }
  // What is written must pass `validate`: checked here rather than trusted.
  const parsed = parseBuffer(o.mergeInto ?? `${o.department}.yaml`, Buffer.from(text, 'utf8'))
  const validated = parsed.document ? await validateDocuments([parsed.document]) : {diagnostics: parsed.diagnostics}
  const errors = validated.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length) {
    throw new InputError(`the inventory made from these rows does not validate, so nothing was written:\n${errors.slice(0, 10).map((e) => `  line ${e.line}: ${e.message}`).join('\n')}\nThis is a bug in cloudready import: please report it with the spreadsheet's header row.`)
  }
  return {text, report, summary, result}
}

function readReport(tables: Table[], mapping: Mapping, result: ImportResult): string[] {
  const out: string[] = []
  for (const t of tables) out.push(`import: read ${t.file}${t.sheet ? `, sheet "${t.sheet}"` : ''} (${t.readAs}): header in row ${t.headerRow}, ${t.rows.length} rows after it`)
  const fields = mapping.columns.filter((c) => c.target.kind === 'field')
  out.push(`  ${fields.length} columns mapped: ${fields.map((c) => `${q(c.header)} → ${(c.target as {path: string}).path}${c.how === 'given' ? ' (your map)' : ''}`).join(', ') || 'none'}`)
  const extra = mapping.columns.filter((c) => c.target.kind === 'extra')
  if (extra.length) out.push(`  ${extra.length} kept as x- keys (not recognised; --print-map writes a mapping to edit): ${extra.map((c) => q(c.header)).join(', ')}`)
  out.push(`  ${plural(result.stats.rows, 'row')} read (${result.stats.blankRows} blank skipped), ${plural(result.systems.length, 'system')}, ${plural(result.stats.normalised, 'value')} normalised, ${plural(result.todos.length, 'row')} to finish (TODO)${result.problems.length > result.todos.length ? `, ${plural(result.problems.length - result.todos.length, 'value')} not read` : ''}`)
  const shown = result.problems.slice(0, 50)
  for (const p of shown) out.push(`  ${p.file} row ${p.row}${p.column ? `, column ${q(p.column)}` : ''}: ${p.message}`)
  if (result.problems.length > shown.length) out.push(`  … and ${result.problems.length - shown.length} more (rows to finish are also TODO comments in the YAML)`)
  return out
}
