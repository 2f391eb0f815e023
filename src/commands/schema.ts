import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {inventorySchema} from '../core/validate/index.js'
import {oneOf} from '../cli/flags.js'

export default class Schema extends BaseCommand<typeof Schema> {
  static summary = 'Print the inventory JSON Schema, for editors (yaml-language-server) and other tools.'
  static examples = ['<%= config.bin %> schema > inventory.schema.json', '# in an inventory file:  # yaml-language-server: $schema=./inventory.schema.json']
  static flags = {
    which: Flags.string({summary: oneOf('Which schema to print.', ['inventory']), options: ['inventory'], helpValue: '<value>', default: 'inventory'}),
  }

  async run(): Promise<object> {
    const schema = inventorySchema()
    await this.emit(`${JSON.stringify(schema, null, 2)}\n`)
    return schema
  }
}
