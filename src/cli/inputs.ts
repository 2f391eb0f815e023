import {existsSync, statSync} from 'node:fs'

import {Flags} from '@oclif/core'

import {isIsoDate, todayUtc} from '../core/dates.js'
import {UsageError} from '../core/errors.js'
import type {RunOptions} from '../core/index.js'
import {DEFAULT_MAX_FILE_MB} from '../core/load/index.js'
import type {PlanOptions} from '../core/plan/index.js'
import {oneOf} from './flags.js'

/** Flags of every command that reads inventories. */
export const inputFlags = {
  'max-file-size': Flags.integer({summary: 'Largest inventory file accepted, in MiB.', min: 1, max: 4096, default: DEFAULT_MAX_FILE_MB, helpValue: '<MiB>'}),
  'follow-symlinks': Flags.boolean({summary: 'Follow symbolic links in a folder that lead out of it (refused by default: in CI, a pull request can add one).', default: false}),
}

/** The paths to read: those given, else an `inventory/` folder where `cloudready init` puts one. */
export function resolvePaths(given: string[]): string[] {
  if (given.length > 0) return given
  if (existsSync('inventory') && statSync('inventory').isDirectory()) return ['inventory']
  throw new UsageError('no inventory given: name files or folders (or - for standard input), or run it where an inventory/ folder is')
}

/** A `YYYY-MM-DD` flag, refused at parse time unless it is a real calendar date. */
export const dateFlag = (summary: string) =>
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

/** Flags of every command that plans (a `compare --scenario` takes the same, see core/compare/scenario.ts). */
export const planFlags = {
  capacity: Flags.integer({summary: 'Systems per wave (default: the config\'s, else 10).', min: 1, max: 100_000, exclusive: ['capacity-effort'], helpValue: '<n>'}),
  'capacity-effort': Flags.integer({summary: 'Person-months per wave, instead of a number of systems.', min: 1, max: 1_000_000, helpValue: '<pm>'}),
  'wave-length': Flags.integer({summary: 'Months per wave (default: the config\'s, else 3).', min: 1, max: 60, helpValue: '<months>'}),
  coupling: Flags.string({summary: oneOf('The coupling of a dependency that declares none: tight orders the moves, loose lets a system move first and records a hybrid period (default: the config\'s, else tight).', ['tight', 'loose']), options: ['tight', 'loose'], helpValue: '<value>'}),
  'team-size': Flags.integer({summary: 'People on one move at once: a move takes its effort ÷ this in months, never under its strategy\'s minimum (default: the config\'s, else 5).', min: 1, max: 1000, helpValue: '<people>'}),
  start: dateFlag('First day of wave 1 (default: the first day of the quarter after --as-of).'),
}

/** The values of `assessmentFlags` as a command has parsed them. */
interface AssessmentFlagValues {
  'max-file-size': number
  'follow-symlinks': boolean
  'as-of'?: string
  deadline?: string
  config?: string
  'no-config': boolean
  lifecycle?: string
}

/** The core's run options from the assessment flags: one mapping for every command that judges an estate. */
export function assessmentOptions(flags: AssessmentFlagValues, version: string): Omit<RunOptions, 'paths'> & {version: string} {
  return {
    maxFileMb: flags['max-file-size'],
    followSymlinks: flags['follow-symlinks'],
    config: flags['no-config'] ? false : flags.config,
    asOf: flags['as-of'] ?? todayUtc(),
    deadline: flags.deadline,
    lifecycle: flags.lifecycle,
    version,
  }
}

/** The planner's options from `planFlags`. */
export function planOptions(flags: {capacity?: number; 'capacity-effort'?: number; 'wave-length'?: number; 'team-size'?: number; coupling?: string; start?: string}): PlanOptions {
  return {capacity: flags.capacity, capacityEffort: flags['capacity-effort'], waveLengthMonths: flags['wave-length'], teamSize: flags['team-size'], coupling: flags.coupling as PlanOptions['coupling'], start: flags.start}
}

export const SEVERITY_OPTIONS = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const
