import {existsSync, mkdirSync} from 'node:fs'
import path from 'node:path'

import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {writeOutput} from '../cli/output.js'
import {UsageError} from '../core/errors.js'
import {STARTER_CONFIG, starterInventory} from '../core/init/templates.js'

export default class Init extends BaseCommand<typeof Init> {
  static summary = 'Write a starter inventory (inventory/<department>.yaml, one commented example system) and a .cloudready.yaml.'
  static examples = ['<%= config.bin %> init', '<%= config.bin %> init --department hmrc --name "HM Revenue & Customs"', '<%= config.bin %> init --dir repo --force']
  static flags = {
    department: Flags.string({summary: 'The department id.', default: 'my-department', helpValue: '<id>'}),
    name: Flags.string({summary: "The department's name.", default: 'My Department', helpValue: '<name>'}),
    dir: Flags.string({summary: 'Where to write (default: here).', default: '.', helpValue: '<folder>'}),
    force: Flags.boolean({summary: 'Overwrite files that already exist.', default: false}),
  }

  async run(): Promise<{written: string[]}> {
    const {department, name, dir, force} = this.flags
    // It writes two files of its own and prints no result: the output flags every command shares would be accepted and ignored.
    if (this.flags.output !== undefined || this.flags.json) throw new UsageError(`init writes inventory/${department}.yaml and .cloudready.yaml: ${this.flags.json ? '--json' : '-o/--output'} does not apply to it (--dir chooses the folder)`)
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(department)) throw new UsageError(`--department '${department}' is not an id: lowercase letters, digits and hyphens, at most 63 characters`)
    // What the inventory schema asks of a department's name: the starter must pass `validate`.
    if (name.trim() === '' || name.length > 300) throw new UsageError(`--name must be the department's name, 1 to 300 characters — got ${name.trim() === '' ? 'nothing' : `${name.length} characters`}`)
    // Run from a clone of cloudready (as the README's set-up leaves you), init would write into the tool's own checkout.
    if (path.resolve(dir) === path.resolve(this.config.root)) {
      throw new UsageError(`this folder is cloudready's own checkout: run init in your inventory repository (cd there, then npx --prefix ${this.config.root} cloudready init), or give --dir`)
    }
    const inventory = path.join(dir, 'inventory', `${department}.yaml`)
    const config = path.join(dir, '.cloudready.yaml')
    const files: Array<[string, string]> = [
      [inventory, starterInventory({id: department, name})],
      [config, STARTER_CONFIG],
    ]
    const existing = files.map(([f]) => f).filter((f) => existsSync(f))
    if (existing.length > 0 && !force) {
      throw new UsageError(`not overwriting ${existing.join(' and ')}: use --force to replace ${existing.length === 1 ? 'it' : 'them'}`)
    }
    mkdirSync(path.dirname(inventory), {recursive: true})
    for (const [file, text] of files) await writeOutput(file, text)
    this.note(`wrote ${files.map(([f]) => f).join(' and ')}\nnext: cloudready validate ${path.join(dir, 'inventory')} && cloudready audit ${path.join(dir, 'inventory')}\n(run cloudready as you ran init: installed globally, or through npx --prefix ${this.config.root} cloudready)`)
    return {written: files.map(([f]) => f)}
  }
}
