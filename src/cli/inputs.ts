import {existsSync, statSync} from 'node:fs'

import {Flags} from '@oclif/core'

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
