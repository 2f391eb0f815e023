import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, planFlags, planOptions, resolvePaths} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import {type PlanViewResult, runPlanView} from '../core/index.js'
import type {PlanReport} from '../core/plan/report.js'
import {MACHINE_FORMATS, planFormatters} from '../formatters/index.js'
import {oneOf} from '../cli/flags.js'
import {planSummary} from '../cli/summaries.js'

export default class Plan extends BaseCommand<typeof Plan> {
  static summary = 'Recommend a strategy (the 7 Rs) per system, group dependency cycles, schedule waves under a capacity, and say how late the estate finishes.'
  static description = 'Exit codes: 0 a plan was made, 2 invalid inventories or command line.'
  static examples = [
    '<%= config.bin %> plan examples --as-of 2026-11-27',
    '<%= config.bin %> plan hmrc/ dwp/ --capacity 12 --format json -o plan.json',
    '<%= config.bin %> plan inventory/ --capacity-effort 40 --wave-length 6 --format markdown',
  ]
  static strict = false
  static args = {paths: Args.string({description: 'Inventory files or folders (searched for *.yaml, *.yml); - for standard input.', ignoreStdin: true})}
  static flags = {
    ...assessmentFlags,
    ...planFlags,
    format: Flags.string({char: 'f', summary: oneOf('Output format.', Object.keys(planFormatters)), options: Object.keys(planFormatters), helpValue: '<value>', default: 'table'}),
  }

  async run(): Promise<PlanReport | undefined> {
    const paths = resolvePaths(this.positionals)
    const name = this.flags.json ? 'json' : this.flags.format
    const machine = MACHINE_FORMATS.has(name)
    this.refuseHtmlOnTerminal(name)
    const ctx = await runStages<{result?: PlanViewResult}>(
      {},
      [
        {
          title: 'Reading, judging and planning the estate',
          run: async (c) => {
            c.result = await runPlanView({...assessmentOptions(this.flags, this.config.version), ...planOptions(this.flags), paths})
          },
        },
      ],
      !machine && !this.flags.quiet,
    )
    const result = ctx.result!
    if (await this.rejectInvalid(result, paths)) return undefined
    const formatter = await planFormatters[name]()
    // The timeline fits the terminal it is drawn on; anywhere else (a pipe, a file), 80 columns.
    const fctx = {color: this.useColor(machine), version: this.config.version, width: process.stdout.isTTY && !this.flags.output ? process.stdout.columns : undefined}
    await this.emit(formatter.chunks ? formatter.chunks(result.planReport, fctx) : formatter.format(result.planReport, fctx), paths, planSummary(result.planReport))
    return result.planReport
  }
}
