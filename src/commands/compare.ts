import {statSync} from 'node:fs'

import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, planFlags, planOptions, resolvePaths, SEVERITY_OPTIONS} from '../cli/inputs.js'
import {runStages} from '../cli/progress.js'
import type {FailOn} from '../core/assess/report.js'
import {type CompareInput, type CompareMode, type CompareReport, type CompareRunResult, parseScenarios, runCompare} from '../core/compare/index.js'
import {UsageError} from '../core/errors.js'
import {compareFormatters, MACHINE_FORMATS} from '../formatters/index.js'
import {oneOf} from '../cli/flags.js'

export default class Compare extends BaseCommand<typeof Compare> {
  static summary = 'Put plans, inventories, departments or scenarios side by side, or show what changed from a base to a head.'
  static description =
    'Each input is a plan JSON (`cloudready plan --format json`, recognised by its content), an inventory file or a folder (planned now with the plan flags).\n' +
    'Modes: two or more inputs side by side; --by-department: the departments of one input; --scenario NAME:FLAGS (repeated): one estate planned with each set of plan flags; --base A --head B (or A B --diff): what changed.\n' +
    'With exactly two inputs and --fail-on-regression, the first is the base and the second the head.\n' +
    'Exit codes: 0 compared, 1 the head is worse and --fail-on-regression was given, 2 invalid input or command line.'
  static examples = [
    '<%= config.bin %> compare main.plan.json head.plan.json',
    '<%= config.bin %> compare examples --by-department --as-of 2026-11-27',
    '<%= config.bin %> compare examples --scenario small:--capacity=4 --scenario big:--capacity=12',
    '<%= config.bin %> compare main.plan.json head.plan.json --fail-on-regression',
    '<%= config.bin %> compare --base main.plan.json --head inventory/ --fail-on-regression --format markdown',
  ]
  static strict = false
  static args = {inputs: Args.string({description: 'Plan JSONs, inventory files or folders; - for an inventory on standard input.', ignoreStdin: true})}
  static flags = {
    ...assessmentFlags,
    ...planFlags,
    format: Flags.string({char: 'f', summary: oneOf('Output format.', Object.keys(compareFormatters)), options: Object.keys(compareFormatters), helpValue: '<value>', default: 'table'}),
    'by-department': Flags.boolean({summary: 'Put the departments of the input side by side (inventories are planned together).', default: false}),
    scenario: Flags.string({summary: 'A scenario NAME:FLAGS, e.g. big:--capacity=12 (repeat; flags: --capacity, --capacity-effort, --wave-length, --start).', multiple: true, multipleNonGreedy: true, helpValue: '<name:flags>'}),
    base: Flags.string({summary: 'The base of a base → head comparison: a plan JSON, inventory file or folder.', helpValue: '<path>'}),
    head: Flags.string({summary: 'The head of a base → head comparison.', helpValue: '<path>'}),
    diff: Flags.boolean({summary: 'Compare exactly two inputs as base → head.', default: false}),
    'fail-on-regression': Flags.boolean({summary: 'Exit 1 when the head is worse: a later completion, a readiness drop, or a new finding at or above --fail-on.', default: false}),
    'fail-on': Flags.string({summary: oneOf('Lowest severity of a new finding that is a regression (default: the config\'s, else high).', [...SEVERITY_OPTIONS]), options: [...SEVERITY_OPTIONS], helpValue: '<value>'}),
  }

  async run(): Promise<CompareReport | undefined> {
    const {mode, paths} = this.mode()
    const name = this.flags.json ? 'json' : this.flags.format
    const machine = MACHINE_FORMATS.has(name)
    this.refuseHtmlOnTerminal(name)
    const scenarios = parseScenarios(this.flags.scenario ?? [])
    const inputs: CompareInput[] = paths.map((p) => ({path: p, file: isFile(p)}))
    const ctx = await runStages<{result?: CompareRunResult}>(
      {},
      [
        {
          title: 'Reading and planning the inputs',
          run: async (c) => {
            c.result = await runCompare({
              mode,
              inputs,
              scenarios,
              ...assessmentOptions(this.flags, this.config.version),
              ...planOptions(this.flags),
              failOn: this.flags['fail-on'] as FailOn | undefined,
            })
          },
        },
      ],
      !machine && !this.flags.quiet,
    )
    const result = ctx.result!
    if (await this.rejectInvalid(result, paths)) return undefined
    const report = result.report!
    const {format} = await compareFormatters[name]()
    await this.emit(format(report, {color: this.useColor(machine), version: this.config.version}), [...paths, ...result.files])
    if (this.flags['fail-on-regression'] && report.diff?.regression) process.exitCode = 1
    return report
  }

  /** Which comparison the flags ask for, and its inputs; every contradiction is a usage error. */
  private mode(): {mode: CompareMode; paths: string[]} {
    const f = this.flags
    const given = this.positionals
    const scenario = (f.scenario ?? []).length > 0
    const baseHead = f.base !== undefined || f.head !== undefined
    const modes = [baseHead && '--base/--head', f.diff && '--diff', scenario && '--scenario', f['by-department'] && '--by-department'].filter(Boolean)
    if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined: each is a different comparison`)
    // Two inputs and --fail-on-regression: base → head is what the user means (the SPEC's CI use,
    // `compare main.plan.json head.plan.json --fail-on-regression`).
    const twoAsDiff = f['fail-on-regression'] && !baseHead && !scenario && !f['by-department'] && given.length === 2
    if (f['fail-on-regression'] && !baseHead && !f.diff && !twoAsDiff)
      throw new UsageError(`--fail-on-regression needs a base → head comparison: two inputs (base then head), --base A --head B, or A B --diff (got ${given.length} input${given.length === 1 ? '' : 's'})`)
    if (baseHead) {
      if (f.base === undefined || f.head === undefined) throw new UsageError('give both --base and --head')
      if (given.length) throw new UsageError(`with --base and --head, give no other inputs (got ${given.join(', ')})`)
      return {mode: 'diff', paths: [f.base, f.head]}
    }
    if (f.diff || twoAsDiff) {
      if (given.length !== 2) throw new UsageError(`--diff compares exactly two inputs, base then head (got ${given.length})`)
      return {mode: 'diff', paths: given}
    }
    if (scenario) return {mode: 'scenarios', paths: resolvePaths(given)}
    if (f['by-department']) return {mode: 'departments', paths: resolvePaths(given)}
    if (given.length < 2) throw new UsageError('compare needs two or more inputs side by side, or --by-department, --scenario NAME:FLAGS, or --base A --head B')
    return {mode: 'side-by-side', paths: given}
  }
}

/** A regular file is read to see whether it is a plan JSON; anything else goes to the inventory loader. */
function isFile(path: string): boolean {
  if (path === '-') return false
  try {
    return statSync(path).isFile()
  } catch {
    // Missing or unreadable: the inventory loader says so, with the path.
    return false
  }
}
