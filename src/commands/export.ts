import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {oneOf} from '../cli/flags.js'
import {assessmentFlags, assessmentOptions, planFlags, planOptions, resolvePaths} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import {UsageError} from '../core/errors.js'
import {githubJsonl} from '../core/export/github.js'
import {gitlabCsv} from '../core/export/gitlab.js'
import {workItems} from '../core/export/items.js'
import {jiraCsv} from '../core/export/jira.js'
import {type PlanResult, runPlan} from '../core/index.js'
import {plural} from '../formatters/text.js'

const TARGETS = {'jira-csv': jiraCsv, github: githubJsonl, gitlab: gitlabCsv}

export default class Export extends BaseCommand<typeof Export> {
  static summary = 'The work to do, for an issue tracker: one item per system with a path to ready (or per finding), as a Jira CSV, GitHub JSON Lines or a GitLab CSV.'
  static description =
    'Each item has a title, a description (the path to ready with each finding\'s file:line, remedy and sources), labels (category, severity, department, strategy), a priority from the severity, a due date (the first day of the system\'s wave) and a stable external id, so a re-export updates items instead of duplicating them. Nothing is sent anywhere: the file is for the tracker\'s importer (docs/import-export.md).\n' +
    'Exit codes: 0 written, 2 invalid inventories or command line.'
  static examples = [
    '<%= config.bin %> export inventory/ --to jira-csv -o cloudready-jira.csv',
    '<%= config.bin %> export inventory/ --to github --per finding -o issues.jsonl',
    '<%= config.bin %> export inventory/ --to gitlab --link-base https://gitlab.example/dept/inventory/-/blob/main/ -o issues.csv',
  ]
  static strict = false
  static args = {paths: Args.string({description: 'Inventory files or folders (searched for *.yaml, *.yml); - for standard input.', ignoreStdin: true})}
  static flags = {
    ...assessmentFlags,
    ...planFlags,
    to: Flags.string({summary: oneOf('The tracker\'s format.', Object.keys(TARGETS)), options: Object.keys(TARGETS), required: true, helpValue: '<value>'}),
    per: Flags.string({summary: oneOf('One item per system with a path to ready, or per finding on it.', ['system', 'finding']), options: ['system', 'finding'], default: 'system', helpValue: '<value>'}),
    'link-base': Flags.string({summary: 'Make each file:line a link: this URL, then the file, then #L and the line (a repository\'s blob URL ending in /).', helpValue: '<url>'}),
  }

  async run(): Promise<void> {
    if (this.flags.json) throw new UsageError('export writes the tracker\'s format (--to): --json does not apply')
    const paths = resolvePaths(this.positionals)
    const ctx = await runStages<{result?: PlanResult}>(
      {},
      [{title: 'Reading, judging and planning the estate', run: async (c) => void (c.result = await runPlan({...assessmentOptions(this.flags, this.config.version), ...planOptions(this.flags), paths}))}],
      false,
    )
    const result = ctx.result!
    if (await this.rejectInvalid(result, paths)) return
    const items = workItems(result.report, result.planReport, {per: this.flags.per as 'system' | 'finding', linkBase: this.flags['link-base'], version: this.config.version})
    const text = TARGETS[this.flags.to as keyof typeof TARGETS](items)
    await this.emit(text, [...paths, ...result.files], `${plural(items.length, 'item')} for ${this.flags.to} (${plural(new Set(items.map((i) => i.ref)).size, 'system')})`)
  }
}
