import {existsSync} from 'node:fs'

import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {oneOf} from '../cli/flags.js'
import {UsageError} from '../core/errors.js'
import {runImport} from '../core/import/index.js'

export default class Import extends BaseCommand<typeof Import> {
  static summary = 'Make an inventory from a spreadsheet: a CSV or Excel export of a CMDB (ServiceNow) or a discovery tool (Azure Migrate, AWS, Google), with a column mapping.'
  static description =
    'Columns are mapped to inventory fields by their headers (or a --map file, which --print-map writes for you to edit); values are normalised (dates, Yes/No, "2,400,000", product names) with a comment saying what the cell held; unmapped columns are kept under x- keys. A required field is never guessed: a row without one is written as a TODO comment and named on standard error. What is written passes `cloudready validate`.\n' +
    'Exit codes: 0 written (rows needing attention are warnings), 2 an unreadable file, a bad mapping or command line.'
  static examples = [
    '<%= config.bin %> import cmdb_ci_server.csv --department dvla --name "Driver and Vehicle Licensing Agency" -o inventory/dvla.yaml',
    '<%= config.bin %> import estate.xlsx --sheet Servers --department dvla --print-map -o dvla-map.yaml',
    '<%= config.bin %> import estate.xlsx --department dvla --map dvla-map.yaml --merge -o inventory/dvla.yaml',
  ]
  static strict = false
  static args = {files: Args.string({description: 'CSV (.csv, .txt) or Excel (.xlsx) files; their rows are read in order.', ignoreStdin: true})}
  static flags = {
    department: Flags.string({summary: 'The department id the inventory is for.', required: true, helpValue: '<id>'}),
    name: Flags.string({summary: "The department's name (default: its id).", helpValue: '<name>'}),
    map: Flags.string({summary: 'A mapping file: columns → fields, cell values → allowed values, defaults (import --print-map writes one).', helpValue: '<file>'}),
    'print-map': Flags.boolean({summary: 'Write the mapping inferred from the headers (and --map), to edit and pass back with --map, instead of the inventory.', default: false}),
    force: Flags.boolean({summary: 'Replace the file named by -o if it exists (without it, an existing inventory is kept: use --merge to update it).', default: false, exclusive: ['merge']}),
    merge: Flags.boolean({summary: 'Update the inventory named by -o: mapped fields of systems matched by id, new systems added; hand-written fields and comments left alone.', default: false}),
    sheet: Flags.string({summary: 'The sheet of an Excel workbook (default: the first with data).', helpValue: '<name>'}),
    delimiter: Flags.string({summary: 'The CSV delimiter (default: detected from the header: , ; tab or |).', helpValue: '<char>'}),
    encoding: Flags.string({summary: oneOf('The CSV encoding (default: UTF-8, with or without BOM, else Windows-1252 as Excel writes it).', ['utf-8', 'windows-1252', 'utf-16le']), options: ['utf-8', 'windows-1252', 'utf-16le'], helpValue: '<value>'}),
    'max-file-size': Flags.integer({summary: 'Largest file read, in MiB.', min: 1, max: 4096, default: 128, helpValue: '<MiB>'}),
  }

  async run(): Promise<void> {
    const files = this.positionals
    if (files.length === 0) throw new UsageError('no file to import: give a .csv or .xlsx export (cloudready import estate.csv --department ID -o inventory/ID.yaml)')
    if (files.includes('-')) throw new UsageError('import reads files (a spreadsheet is not read from standard input): save it and give its name')
    if (this.flags.json) throw new UsageError('import writes YAML (or with --print-map, a YAML mapping): --json does not apply')
    const out = this.flags.output === '-' ? undefined : this.flags.output
    if (this.flags.merge && !out) throw new UsageError('--merge updates an inventory: name it with -o inventory/ID.yaml')
    if (this.flags.merge && this.flags['print-map']) throw new UsageError('--merge and --print-map do different things: choose one')
    // A re-import must not wipe out what was written by hand since the first: --merge keeps it, --force is a choice.
    if (out && !this.flags.merge && !this.flags.force && !this.flags['print-map'] && existsSync(out)) {
      throw new UsageError(`${out} exists: --merge updates it (mapped fields only; hand-written fields and comments stay), --force replaces it`)
    }
    const delimiter = this.flags.delimiter === 'tab' || this.flags.delimiter === '\\t' ? '\t' : this.flags.delimiter
    if (delimiter !== undefined && delimiter.length !== 1) throw new UsageError(`--delimiter '${this.flags.delimiter}': one character (or tab)`)
    const run = await runImport({
      files,
      department: this.flags.department,
      name: this.flags.name,
      map: this.flags.map,
      printMap: this.flags['print-map'],
      mergeInto: this.flags.merge ? out : undefined,
      sheet: this.flags.sheet,
      delimiter,
      encoding: this.flags.encoding as 'utf-8' | 'windows-1252' | 'utf-16le' | undefined,
      maxFileMb: this.flags['max-file-size'],
    })
    for (const line of run.report) this.note(line)
    await this.emit(run.text, [...files, ...(this.flags.map ? [this.flags.map] : [])], run.summary)
  }
}
