import {existsSync, statSync} from 'node:fs'

import {Flags} from '@oclif/core'

import {isIsoDate} from '../core/dates.js'
import {UsageError} from '../core/errors.js'
import {DEFAULT_MAX_FILE_MB} from '../core/load/index.js'

/** Flags of every command that reads inventories. */
export const inputFlags = {
  'max-file-size': Flags.integer({summary: `Largest inventory file accepted, in MiB (default ${DEFAULT_MAX_FILE_MB}).`, min: 1, max: 4096, default: DEFAULT_MAX_FILE_MB, helpValue: '<MiB>'}),
}

/** The paths to read: those given, else an `inventory/` folder where `cloudready init` puts one. */
export function resolvePaths(given: string[]): string[] {
  if (given.length > 0) return given
  if (existsSync('inventory') && statSync('inventory').isDirectory()) return ['inventory']
  throw new UsageError('no inventory given: name files or folders (or - for standard input), or run it where an inventory/ folder is')
}

const dateFlag = (summary: string) =>
  Flags.string({
    summary,
    helpValue: '<YYYY-MM-DD>',
    async parse(input) {
      if (!isIsoDate(input)) throw new UsageError(`'${input}' is not a date: write it as YYYY-MM-DD (a real calendar date)`)
      return input
    },
  })

/** Flags of every command that judges an estate. */
export const assessmentFlags = {
  ...inputFlags,
  'as-of': dateFlag('The day the assessment is made at (default: today, UTC); fix it for reproducible results.'),
  deadline: dateFlag('The date every system should be in the cloud by (default: the config\'s, else 2023-12-31).'),
  config: Flags.string({summary: 'A .cloudready.yaml (default: the nearest one upward from the first path).', helpValue: '<file>', exclusive: ['no-config']}),
  'no-config': Flags.boolean({summary: 'Use no config file, even if one is found.', default: false}),
  lifecycle: Flags.string({summary: 'A newer end-of-support table in the format of data/lifecycle.json.', helpValue: '<file>'}),
}

export const SEVERITY_OPTIONS = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const
