import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, dateFlag, planFlags, planOptions, resolvePaths} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import {oneOf} from '../cli/flags.js'
import {trendSummary} from '../cli/summaries.js'
import {runTrend, type Every} from '../core/trend/index.js'
import type {TrendReport} from '../core/trend/report.js'
import {MACHINE_FORMATS, trendFormatters} from '../formatters/index.js'

const {start: _start, ...trendPlanFlags} = planFlags

export default class Trend extends BaseCommand<typeof Trend> {
  static summary = 'Measure progress from the inventory repository\'s git history: throughput, a forecast from it, how the plan\'s forecast slipped, and a burn-up.'
  static description = 'Each point is the inventories as they were at a commit, judged and planned as of its date with today\'s config. Exit codes: 0 measured (gaps included), 2 not a git repository, a shallow clone, or a bad command line.'
  static examples = [
    '<%= config.bin %> trend inventory/',
    '<%= config.bin %> trend inventory/ --every month --since 2022-01-01',
    '<%= config.bin %> trend inventory/ --every quarter --format html -o trend.html',
  ]
  static strict = false
  static args = {paths: Args.string({description: 'Inventory files or folders in a git working copy (their history is read).', ignoreStdin: true})}
  static flags = {
    ...assessmentFlags,
    ...trendPlanFlags,
    every: Flags.string({summary: oneOf('One point per commit that changed an inventory, or per week, month or quarter (the last commit in it, judged at its end).', ['commit', 'week', 'month', 'quarter']), options: ['commit', 'week', 'month', 'quarter'], default: 'commit', helpValue: '<value>'}),
    since: dateFlag('First day of the history measured (default: the first commit of an inventory).'),
    until: dateFlag('Last day of the history measured (default: --as-of).'),
    format: Flags.string({char: 'f', summary: oneOf('Output format.', Object.keys(trendFormatters)), options: Object.keys(trendFormatters), helpValue: '<value>', default: 'table'}),
  }

  async run(): Promise<TrendReport> {
    const paths = resolvePaths(this.positionals)
    const name = this.flags.json ? 'json' : this.flags.format
    const machine = MACHINE_FORMATS.has(name)
    this.refuseHtmlOnTerminal(name)
    const ctx = await runStages<{report?: TrendReport}>(
      {},
      [
        {
          title: 'Reading the history and judging each point',
          run: async (c) => {
            c.report = await runTrend({...assessmentOptions(this.flags, this.config.version), ...planOptions(this.flags), paths, every: this.flags.every as Every, since: this.flags.since, until: this.flags.until})
          },
        },
      ],
      !machine && !this.flags.quiet,
    )
    const report = ctx.report!
    const {format} = await trendFormatters[name]()
    await this.emit(format(report, {color: this.useColor(machine), version: this.config.version}), paths, trendSummary(report))
    return report
  }
}
