/**
 * `--scenario NAME:FLAGS`: a named set of plan flags to plan the same estate with. Parsed here,
 * strictly, rather than by oclif: a scenario that silently ignored a mistyped flag would compare
 * two identical plans and let a Task Force believe capacity buys nothing.
 */
import {isIsoDate} from '../dates.js'
import {UsageError} from '../errors.js'

/** The plan options a scenario may set (the planFlags of `plan`). */
export interface ScenarioOptions {
  capacity?: number
  capacityEffort?: number
  waveLengthMonths?: number
  teamSize?: number
  coupling?: 'tight' | 'loose'
  start?: string
}

export interface Scenario {
  name: string
  /** The flags as given, normalised to `--flag=value` and space-separated, for display. */
  flags: string
  options: ScenarioOptions
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/

interface FlagSpec {
  key: keyof ScenarioOptions
  min?: number
  max?: number
  date?: boolean
  /** The values a word flag takes. */
  words?: readonly string[]
}

/** The same names and limits as the plan command's own flags. */
const FLAGS: Record<string, FlagSpec> = {
  capacity: {key: 'capacity', min: 1, max: 100_000},
  'capacity-effort': {key: 'capacityEffort', min: 1, max: 1_000_000},
  'wave-length': {key: 'waveLengthMonths', min: 1, max: 60},
  'team-size': {key: 'teamSize', min: 1, max: 1000},
  coupling: {key: 'coupling', words: ['tight', 'loose']},
  start: {key: 'start', date: true},
}

const KNOWN = Object.keys(FLAGS).map((f) => `--${f}`).join(', ')

/** Parses one `NAME:FLAGS` (e.g. `small:--capacity=4 --wave-length 6`). */
export function parseScenario(spec: string): Scenario {
  const colon = spec.indexOf(':')
  const name = colon === -1 ? spec : spec.slice(0, colon)
  if (colon === -1) throw new UsageError(`--scenario '${spec}' has no flags: write it as NAME:FLAGS, e.g. small:--capacity=4`)
  if (!NAME.test(name)) throw new UsageError(`--scenario name '${name}' is not a name: letters, digits, '.', '_' or '-', up to 40, starting with a letter or digit`)
  const tokens = spec.slice(colon + 1).split(/\s+/).filter((t) => t.length > 0)
  const options: ScenarioOptions = {}
  const shown: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(token)
    if (!m) throw new UsageError(`--scenario ${name}: '${token}' is not a flag: scenarios take ${KNOWN}`)
    const flag = m[1]
    const spec = FLAGS[flag]
    if (!spec) throw new UsageError(`--scenario ${name}: unknown flag --${flag}: scenarios take ${KNOWN}`)
    let value = m[2]
    if (value === undefined) {
      value = tokens[i + 1]
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--scenario ${name}: --${flag} needs a value`)
      i++
    }
    if (options[spec.key] !== undefined) throw new UsageError(`--scenario ${name}: --${flag} is given twice`)
    if (spec.words) {
      if (!spec.words.includes(value)) throw new UsageError(`--scenario ${name}: --${flag} '${value}' is not one of ${spec.words.join(', ')}`)
      options.coupling = value as ScenarioOptions['coupling']
    } else if (spec.date) {
      if (!isIsoDate(value)) throw new UsageError(`--scenario ${name}: --${flag} '${value}' is not a date: write it as YYYY-MM-DD`)
      options.start = value
    } else {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
      if (!Number.isInteger(n) || n < spec.min! || n > spec.max!) throw new UsageError(`--scenario ${name}: --${flag} '${value}' is not a whole number from ${spec.min} to ${spec.max}`)
      ;(options as Record<string, number>)[spec.key] = n
    }
    shown.push(`--${flag}=${value}`)
  }
  if (options.capacity !== undefined && options.capacityEffort !== undefined) {
    throw new UsageError(`--scenario ${name}: --capacity and --capacity-effort cannot both be given`)
  }
  return {name, flags: shown.join(' '), options}
}

/** Parses every `--scenario`, checking the names are distinct. */
export function parseScenarios(specs: string[]): Scenario[] {
  const scenarios = specs.map(parseScenario)
  const seen = new Set<string>()
  for (const s of scenarios) {
    if (seen.has(s.name)) throw new UsageError(`--scenario ${s.name} is given twice: give each scenario its own name`)
    seen.add(s.name)
  }
  return scenarios
}
