import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {inputFlags, resolvePaths} from '../cli/inputs.js'
import {loadEstate} from '../core/estate.js'
import {MACHINE_FORMATS, validateFormatters} from '../formatters/index.js'
import type {ValidateReport} from '../formatters/types.js'
import {oneOf} from '../cli/flags.js'
import {validateSummary} from '../cli/summaries.js'

export default class Validate extends BaseCommand<typeof Validate> {
  static summary = 'Check inventories against the schema and their references, with file:line:col for every error.'
  static description = 'Exit codes: 0 valid (warnings allowed), 2 errors in the files or on the command line.'
  static examples = ['<%= config.bin %> validate examples', '<%= config.bin %> validate inventory/ --format json', 'cat hmrc.yaml | <%= config.bin %> validate -']
  static strict = false
  static args = {paths: Args.string({description: 'Inventory files or folders (searched for *.yaml, *.yml); - for standard input.', ignoreStdin: true})}
  static flags = {
    ...inputFlags,
    format: Flags.string({char: 'f', summary: oneOf('Output format.', Object.keys(validateFormatters)), options: Object.keys(validateFormatters), helpValue: '<value>', default: 'stylish'}),
  }

  async run(): Promise<ValidateReport> {
    const paths = resolvePaths(this.positionals)
    const {diagnostics, files} = await loadEstate(paths, {maxFileMb: this.flags['max-file-size'], followSymlinks: this.flags['follow-symlinks']})
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const report: ValidateReport = {valid: errors.length === 0, files, errors, warnings: diagnostics.filter((d) => d.severity === 'warning')}
    const name = this.flags.json ? 'json' : this.flags.format
    const {format} = await validateFormatters[name]()
    // Every file read, not only the paths given: `-o inventory/x.yaml` with `inventory/` must not overwrite x.yaml.
    await this.emit(format(report, {color: this.useColor(MACHINE_FORMATS.has(name)), version: this.config.version, quiet: this.flags.quiet}), [...paths, ...files], validateSummary(report))
    if (!report.valid) process.exitCode = 2
    return report
  }
}
