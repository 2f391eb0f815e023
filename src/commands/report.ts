import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, planFlags, planOptions, resolvePaths} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import {UsageError} from '../core/errors.js'
import {baseDepartments, parseBaseline} from '../core/assess/baseline.js'
import {type PlanResult, readInput, runPlan} from '../core/index.js'
import {oneOf} from '../cli/flags.js'
import {planSummary} from '../cli/summaries.js'
import {type Every, runTrend} from '../core/trend/index.js'

/** The league table's baseline: an earlier audit JSON, read as `audit --baseline` reads it, kept per department. */
function readBaselineDepartments(file: string, maxFileMb: number) {
  return {file, departments: baseDepartments(parseBaseline(readInput(file, 'baseline', maxFileMb), file))}
}

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
    format: Flags.string({char: 'f', summary: oneOf('Output format (markdown only with --brief).', ['html', 'markdown']), options: ['html', 'markdown'], helpValue: '<value>', default: 'html'}),
    baseline: Flags.string({summary: 'A previous `audit --format json`: the league table shows each department\'s change since it (systems, done, ready).', helpValue: '<file>'}),
    trend: Flags.boolean({summary: 'Add progress measured from the inventories\' git history (as `cloudready trend --format html` draws it): the burn-up, the forecast against time, throughput.', default: false, exclusive: ['brief']}),
    every: Flags.string({summary: oneOf('With --trend: one point per commit, or per week, month or quarter.', ['commit', 'week', 'month', 'quarter']), options: ['commit', 'week', 'month', 'quarter'], default: 'commit', helpValue: '<value>', dependsOn: ['trend']}),
    brief: Flags.boolean({summary: 'The one-page brief: the verdict, five figures, the league table, the five largest risks with their owners, and what would change the completion date most (one A4 page).', default: false}),
  }

  async run(): Promise<void> {
    if (this.flags.json) throw new UsageError("report writes HTML: for JSON, run 'cloudready plan --format json' (and 'cloudready compare --by-department --format json' for the league table)")
    if (this.flags.format === 'markdown' && !this.flags.brief) throw new UsageError('report --format markdown is for the brief: add --brief (the full report is HTML)')
    this.refuseHtmlOnTerminal(this.flags.format)
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
    const context = {color: false, version: this.config.version}
    const baseline = this.flags.baseline ? readBaselineDepartments(this.flags.baseline, this.flags['max-file-size']) : undefined
    const inputs = [...paths, ...result.files, ...(this.flags.baseline ? [this.flags.baseline] : [])]
    if (this.flags.brief) {
      const {buildBrief} = await import('../core/brief.js')
      const brief = buildBrief(result, planOptions(this.flags), baseline)
      const {format} = this.flags.format === 'markdown' ? await import('../formatters/brief/markdown.js') : await import('../formatters/brief/html.js')
      await this.emit(format(brief, context), inputs, planSummary(result.planReport))
      return
    }
    const trend = this.flags.trend ? await runTrend({...assessmentOptions(this.flags, this.config.version), ...planOptions(this.flags), paths, every: this.flags.every as Every}) : undefined
    const {format} = await import('../formatters/html/report.js')
    await this.emit(format({plan: result.planReport, audit: result.report, baseline, trend}, context), inputs, planSummary(result.planReport))
  }
}
