import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {BASELINE_RULES} from '../core/assess/baseline.js'
import {UsageError} from '../core/errors.js'
import {explainMarkdown, explainText} from '../formatters/rules/catalogue.js'
import {RULES} from '../rules/index.js'
import type {RuleMeta} from '../rules/types.js'
import {closest} from '../core/validate/messages.js'

export default class Explain extends BaseCommand<typeof Explain> {
  static summary = "Explain one rule: why it matters, its source, what to do, the fields it reads and an example."
  static examples = ['<%= config.bin %> explain platform-end-of-support']
  static args = {rule: Args.string({description: 'A rule id (see `cloudready rules`).', required: true})}
  static flags = {
    format: Flags.string({char: 'f', summary: 'Output format.', options: ['text', 'json', 'markdown'], default: 'text'}),
  }

  async run(): Promise<RuleMeta> {
    const id = String(this.args.rule)
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
}
