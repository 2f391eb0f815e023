import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, resolvePaths, SEVERITY_OPTIONS} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import {type AuditViewResult, runAuditView} from '../core/index.js'
import {type AuditView, type FailOn, failingFindings} from '../core/assess/report.js'
import {auditFormatters, MACHINE_FORMATS} from '../formatters/index.js'
import {oneOf} from '../cli/flags.js'
import {auditSummary} from '../cli/summaries.js'

export default class Audit extends BaseCommand<typeof Audit> {
  static summary = 'Judge every system against the cloud-by-2023 criteria: findings, readiness, score, confidence and deadline status.'
  static description = 'Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 invalid inventories or command line.'
  static examples = [
    '<%= config.bin %> audit examples --as-of 2026-11-27',
    '<%= config.bin %> audit inventory/ --format json -o audit.json',
    '<%= config.bin %> audit inventory/ --fail-on critical --format markdown',
  ]
  static strict = false
  static args = {paths: Args.string({description: 'Inventory files or folders (searched for *.yaml, *.yml); - for standard input.', ignoreStdin: true})}
  static flags = {
    ...assessmentFlags,
    format: Flags.string({char: 'f', summary: oneOf('Output format.', Object.keys(auditFormatters)), options: Object.keys(auditFormatters), helpValue: '<value>', default: 'stylish'}),
    baseline: Flags.string({summary: 'A previous `audit --format json` (e.g. from main): report and fail only on what is new or worse.', helpValue: '<file>'}),
    'fail-on': Flags.string({summary: oneOf('Lowest severity that makes the exit code 1 (default: the config\'s, else high).', [...SEVERITY_OPTIONS]), options: [...SEVERITY_OPTIONS], helpValue: '<value>'}),
  }

  async run(): Promise<AuditView | undefined> {
    const paths = resolvePaths(this.positionals)
    const name = this.flags.json ? 'json' : this.flags.format
    const machine = MACHINE_FORMATS.has(name)
    const ctx = await runStages<{result?: AuditViewResult}>(
      {},
      [
        {
          title: 'Reading and judging the inventories',
          run: async (c) => {
            c.result = await runAuditView({
              ...assessmentOptions(this.flags, this.config.version),
              paths,
              failOn: this.flags['fail-on'] as FailOn | undefined,
              baseline: this.flags.baseline,
            })
          },
        },
      ],
      !machine && !this.flags.quiet,
    )
    const result = ctx.result!
    if (await this.rejectInvalid(result, paths, name)) return undefined
    const {report} = result
    const formatter = await auditFormatters[name]()
    const fctx = {color: this.useColor(machine), version: this.config.version, quiet: this.flags.quiet}
    await this.emit(formatter.chunks ? formatter.chunks(report, fctx) : formatter.format(report, fctx), paths, auditSummary(report))
    if (failingFindings(report) > 0) process.exitCode = 1
    return report
  }
}
