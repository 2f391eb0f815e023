import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {assessmentFlags, assessmentOptions, planFlags, planOptions, resolvePaths} from '../cli/inputs.js'
import {runPlan} from '../core/index.js'
import {systemMarkdown, systemText} from '../formatters/audit/system.js'
import {BASELINE_RULES} from '../core/assess/baseline.js'
import {UsageError} from '../core/errors.js'
import {explainMarkdown, explainText} from '../formatters/rules/catalogue.js'
import {RULES} from '../rules/index.js'
import type {RuleMeta} from '../rules/types.js'
import {closest} from '../core/validate/messages.js'
import {oneOf} from '../cli/flags.js'

export default class Explain extends BaseCommand<typeof Explain> {
  static summary = 'Explain one rule (why it matters, its source, what to do, the fields it reads), or one system: its readiness, blockers, path to ready, strategy and findings.'
  static examples = ['<%= config.bin %> explain platform-end-of-support', '<%= config.bin %> explain dwp/cis examples --as-of 2026-11-27']
  static strict = false
  static args = {subject: Args.string({description: 'A rule id (see `cloudready rules`), or a system as DEPARTMENT/SYSTEM followed by the inventories to read.', required: true})}
  static flags = {
    ...assessmentFlags,
    ...planFlags,
    format: Flags.string({char: 'f', summary: oneOf('Output format.', ['text', 'json', 'markdown']), options: ['text', 'json', 'markdown'], helpValue: '<value>', default: 'text'}),
  }

  async run(): Promise<unknown> {
    const id = String(this.args.subject)
    if (id.includes('/')) return this.explainSystem(id, this.positionals.slice(1))
    // The gate's own findings (audit --baseline) are explained too: they appear in its output and the README's catalogue.
    const known: RuleMeta[] = [...RULES.map((r) => r.meta), ...BASELINE_RULES]
    const meta = known.find((m) => m.id === id)
    if (!meta) {
      const guess = closest(id, known.map((m) => m.id))
      throw new UsageError(`no rule '${id}'${guess ? ` — did you mean '${guess}'?` : ''} (see 'cloudready rules')`)
    }
    const name = this.flags.json ? 'json' : this.flags.format
    await this.emit(name === 'json' ? `${JSON.stringify(meta, null, 2)}\n` : name === 'markdown' ? `${explainMarkdown(meta)}\n` : explainText(meta))
    return meta
  }

  /** One system of the estate: audited and planned with the same flags as `audit` and `plan`. */
  private async explainSystem(ref: string, given: string[]): Promise<unknown> {
    const paths = resolvePaths(given)
    const result = await runPlan({...assessmentOptions(this.flags, this.config.version), ...planOptions(this.flags), paths})
    if (await this.rejectInvalid(result, paths)) return undefined
    const assessment = result.report.systems.find((s) => s.ref === ref)
    if (!assessment) {
      const guess = closest(ref, result.report.systems.map((s) => s.ref))
      throw new UsageError(`no system '${ref}' in ${paths.join(', ')}${guess ? ` — did you mean '${guess}'?` : ''}`)
    }
    const planned = result.planReport.systems.find((s) => s.ref === ref)
    const wave = planned?.wave ? result.planReport.waves[planned.wave - 1] : undefined
    const view = {assessment, planned, wave: wave && {number: wave.number, start: wave.start, end: wave.end}}
    const name = this.flags.json ? 'json' : this.flags.format
    await this.emit(name === 'json' ? `${JSON.stringify({system: assessment, plan: planned ?? null}, null, 2)}\n` : name === 'markdown' ? systemMarkdown(view) : systemText(view, this.useColor(false)), paths)
    return view
  }
}
