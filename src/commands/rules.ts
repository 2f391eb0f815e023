import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {defaultLifecycle, lifecycleAttribution} from '../core/lifecycle/index.js'
import {CATEGORIES} from '../core/model/types.js'
import {catalogueMarkdown, catalogueText} from '../formatters/rules/catalogue.js'
import {RULES} from '../rules/index.js'
import type {RuleMeta} from '../rules/types.js'
import {oneOf} from '../cli/flags.js'

export default class Rules extends BaseCommand<typeof Rules> {
  static summary = 'List the rule catalogue: id, category, default severity and what each rule finds.'
  static examples = ['<%= config.bin %> rules', '<%= config.bin %> rules --category platform', '<%= config.bin %> rules --format json']
  static flags = {
    category: Flags.string({char: 'c', summary: oneOf('Only the rules of this category.', [...CATEGORIES]), options: [...CATEGORIES], helpValue: '<value>'}),
    format: Flags.string({char: 'f', summary: oneOf('Output format.', ['table', 'json', 'markdown']), options: ['table', 'json', 'markdown'], helpValue: '<value>', default: 'table'}),
  }

  async run(): Promise<RuleMeta[]> {
    const rules = RULES.map((r) => r.meta).filter((m) => !this.flags.category || m.category === this.flags.category)
    const name = this.flags.json ? 'json' : this.flags.format
    const text =
      name === 'json'
        ? `${JSON.stringify(rules, null, 2)}\n`
        : name === 'markdown'
          ? `${catalogueMarkdown(rules)}\n`
          : catalogueText(rules, lifecycleAttribution(defaultLifecycle()))
    await this.emit(text)
    return rules
  }
}
