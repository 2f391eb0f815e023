import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
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
    const rule = RULES.find((r) => r.meta.id === id)
    if (!rule) {
      const guess = closest(id, RULES.map((r) => r.meta.id))
      throw new UsageError(`no rule '${id}'${guess ? ` — did you mean '${guess}'?` : ''} (see 'cloudready rules')`)
    }
    const name = this.flags.json ? 'json' : this.flags.format
    await this.emit(name === 'json' ? `${JSON.stringify(rule.meta, null, 2)}\n` : name === 'markdown' ? `${explainMarkdown(rule.meta)}\n` : explainText(rule.meta))
    return rule.meta
  }
}
