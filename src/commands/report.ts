import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, planFlags, planOptions, resolvePaths} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import {UsageError} from '../core/errors.js'
import {type PlanResult, runPlan} from '../core/index.js'

export default class Report extends BaseCommand<typeof Report> {
  static summary = 'One self-contained HTML page with charts: readiness by department, findings, the wave timeline, progress against the deadline, move groups.'
  static description =
    'The page loads nothing from the network and runs no script but its own (a filter and sorting for the list of systems, allowed by its hash): open it from disk, attach it, or print it. Every chart has the table of its numbers; every system opens to its findings.\n' +
    'Exit codes: 0 the page was written, 2 invalid inventories or command line.'
  static examples = [
    '<%= config.bin %> report examples --as-of 2026-11-27 -o report.html',
    '<%= config.bin %> report hmrc/ dwp/ --capacity 12 -o task-force.html',
  ]
  static strict = false
  static args = {paths: Args.string({description: 'Inventory files or folders (searched for *.yaml, *.yml); - for standard input.', ignoreStdin: true})}
  static flags = {
    ...assessmentFlags,
    ...planFlags,
    format: Flags.string({char: 'f', summary: 'Output format.', options: ['html'], default: 'html'}),
  }

  async run(): Promise<void> {
    if (this.flags.json) throw new UsageError("report writes HTML: for JSON, run 'cloudready plan --format json'")
    const paths = resolvePaths(this.positionals)
    const ctx = await runStages<{result?: PlanResult}>(
      {},
      [
        {
          title: 'Reading, judging and planning the estate',
          run: async (c) => {
            c.result = await runPlan({...assessmentOptions(this.flags, this.config.version), ...planOptions(this.flags), paths})
          },
        },
      ],
      !this.flags.quiet,
    )
    const result = ctx.result!
    if (await this.rejectInvalid(result, paths)) return
    const {format} = await import('../formatters/html/report.js')
    await this.emit(format({plan: result.planReport, audit: result.report}, {color: false, version: this.config.version}), [...paths, ...result.files])
  }
}
