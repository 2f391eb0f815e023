/**
 * `.cloudready.yaml`: found upward from the first inventory path (or given), validated against its
 * own schema, and turned into the rules of a run. Custom rules are data — a JSON Schema a system must
 * or must not match — evaluated by ajv; nothing in a config is ever executed.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'

import type {ErrorObject} from 'ajv'

import {RULES} from '../../rules/index.js'
import type {Rule, RuleReport} from '../../rules/types.js'
import type {ActiveRule} from '../assess/index.js'
import {ConfigError} from '../errors.js'
import {noteInputRead} from '../io/inputs-read.js'
import {ReadError, readRegularFile} from '../io/read.js'
import {unboundedSchema} from './bounded-schema.js'
import {DEFAULT_MAX_FILE_MB, parseBuffer} from '../load/index.js'
import type {Category, Severity, SourceDocument} from '../model/types.js'
import {createAjv, schemaValidator} from '../validate/index.js'
import {closest, describeSchemaError} from '../validate/messages.js'

export const CONFIG_NAMES = ['.cloudready.yaml', '.cloudready.yml']

export interface EffortConfig {
  base?: Partial<Record<string, [number, number]>>
  perIntegration?: number
  perThousandUsers?: number
  perTerabyte?: number
  riskFactor?: number
  criticalityFactor?: Partial<Record<string, number>>
}

export interface PlanningConfig {
  capacity?: number
  capacityEffort?: number
  waveLengthMonths?: number
  start?: string
  /** People on one move at once (default 5). */
  teamSize?: number
  /** The coupling of a dependency that declares none (default tight). */
  coupling?: 'tight' | 'loose'
  effort?: EffortConfig
}

export interface CustomRuleConfig {
  id: string
  category: Category
  severity: Severity
  message: string
  description?: string
  rationale?: string
  source?: string
  remedy?: string
  fields?: string[]
  pointer?: string
  when?: object
  unless?: object
}

export interface Config {
  /** The file it came from, or undefined for the defaults. */
  file?: string
  /** The parsed file, for locating problems found after validation. */
  document?: SourceDocument
  deadline?: string
  failOn?: Severity | 'none'
  /** Absolute path of a newer lifecycle table. */
  lifecycle?: string
  rules: Record<string, 'off' | Severity | {severity?: 'off' | Severity; options?: Record<string, number | string | boolean>}>
  customRules: CustomRuleConfig[]
  planning: PlanningConfig
}

export const EMPTY_CONFIG: Config = {rules: {}, customRules: [], planning: {}}

/** The nearest `.cloudready.yaml` upward from `start` (a file or folder), or undefined. */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start)
  try {
    if (!statSync(dir).isDirectory()) dir = path.dirname(dir)
  } catch {
    dir = path.dirname(dir)
  }
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

let configValidator: ((data: unknown) => boolean) & {errors?: ErrorObject[] | null} | undefined

/** Reads and validates a config file; every problem is a ConfigError with file:line:col. */
export async function loadConfig(file: string): Promise<Config> {
  const shown = path.relative(process.cwd(), file) || file
  let buffer: Buffer
  try {
    noteInputRead(file)
    // A config is small: the inventory limit bounds it all the same (a FIFO or /dev/zero must not hang the run).
    buffer = readRegularFile(file, DEFAULT_MAX_FILE_MB * 1024 * 1024)
  } catch (error) {
    if (error instanceof ReadError) throw new ConfigError(error.code === 'unreadable' ? `cannot read the config: ${error.message.replace(/^cannot read: /, '')}` : `the config ${error.message}`, shown)
    throw error
  }
  const {document, documents, diagnostics} = parseBuffer(shown, buffer, {})
  if (documents.length > 1) {
    const at = documents[1].locate('')
    throw new ConfigError('a config is one YAML document: this file has more (a second \'---\'); keep one', `${shown}:${at.line}:${at.column}`)
  }
  // A config with every line commented out (or none) asks for the defaults.
  if (!document && diagnostics[0]?.code === 'empty') return {...EMPTY_CONFIG, file: shown}
  if (!document) {
    const d = diagnostics[0]
    throw new ConfigError(d.message.replace('an inventory holds plain values only', 'a config holds plain values only'), `${d.file}:${d.line}:${d.column}`)
  }
  if (document.data === null) return {...EMPTY_CONFIG, file: shown, document}
  if (typeof document.data !== 'object' || Array.isArray(document.data)) {
    const at = document.locate('')
    const got = Array.isArray(document.data) ? 'a list' : `the ${typeof document.data} ${JSON.stringify(document.data)}`
    throw new ConfigError(`invalid config: its root must be a mapping of settings (deadline, failOn, lifecycle, rules, customRules, planning) — got ${got}`, `${shown}:${at.line}:${at.column}`)
  }
  configValidator ??= await schemaValidator('config', () => JSON.parse(readFileSync(new URL('../../../schemas/config.schema.json', import.meta.url), 'utf8')) as object)
  if (!configValidator(document.data)) {
    const e = (configValidator.errors ?? [])[0]
    const m = describeSchemaError(e, document)
    const at = m.atKey ? document.locateKey(m.pointer) : document.locate(m.pointer)
    throw new ConfigError(`invalid config: ${m.message.replace(/^'([^']*)'/, `'${m.pointer.slice(1).replace(/\//g, '.') || '$1'}'`)}`, `${shown}:${at.line}:${at.column}`)
  }
  const data = document.data as Omit<Config, 'file' | 'rules' | 'customRules' | 'planning'> & Partial<Config>
  const config: Config = {
    file: shown,
    document,
    ...(data.deadline ? {deadline: data.deadline} : {}),
    ...(data.failOn ? {failOn: data.failOn} : {}),
    ...(data.lifecycle ? {lifecycle: path.resolve(path.dirname(file), data.lifecycle)} : {}),
    rules: data.rules ?? {},
    customRules: data.customRules ?? [],
    planning: data.planning ?? {},
  }
  checkRuleNames(config, document)
  return config
}

function checkRuleNames(config: Config, doc: SourceDocument): void {
  const known = new Set(RULES.map((r) => r.meta.id))
  for (const c of config.customRules) known.add(c.id)
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!known.has(id)) {
      const at = doc.locateKey(`/rules/${id}`)
      const guess = closest(id, [...known])
      throw new ConfigError(`unknown rule '${id}'${guess ? ` — did you mean '${guess}'?` : ''} (see 'cloudready rules')`, `${config.file}:${at.line}:${at.column}`)
    }
    if (typeof setting === 'object') checkOptions(config, doc, id, setting.options ?? {})
  }
  const seen = new Set(RULES.map((r) => r.meta.id))
  config.customRules.forEach((c, i) => {
    if (seen.has(c.id)) {
      const at = doc.locate(`/customRules/${i}/id`)
      throw new ConfigError(`custom rule id '${c.id}' is already used${RULES.some((r) => r.meta.id === c.id) ? ' by a built-in rule' : ''}`, `${config.file}:${at.line}:${at.column}`)
    }
    seen.add(c.id)
  })
}

/** A rule's options must be ones it has, of the type of their default: a typo must not pass silently. */
function checkOptions(config: Config, doc: SourceDocument, id: string, options: Record<string, unknown>): void {
  const defaults = RULES.find((r) => r.meta.id === id)?.meta.options ?? {}
  const names = Object.keys(defaults)
  for (const [name, value] of Object.entries(options)) {
    if (!Object.hasOwn(defaults, name)) {
      const at = doc.locateKey(`/rules/${id}/options/${name}`)
      const guess = closest(name, names)
      const has = names.length ? `its options are ${names.join(', ')}` : 'it has no options'
      throw new ConfigError(`rule '${id}' has no option '${name}'${guess ? ` — did you mean '${guess}'?` : ''} (${has}; see 'cloudready explain ${id}')`, `${config.file}:${at.line}:${at.column}`)
    }
    const expected = typeof defaults[name]
    if (typeof value !== expected) {
      const at = doc.locate(`/rules/${id}/options/${name}`)
      throw new ConfigError(`rule '${id}': option '${name}' must be a ${expected} (its default is ${JSON.stringify(defaults[name])}) — got ${JSON.stringify(value)}`, `${config.file}:${at.line}:${at.column}`)
    }
  }
}

/** Built-in and custom rules with the config's severities and options; `off` rules left out. */
export async function activeRules(config: Config): Promise<ActiveRule[]> {
  const rules: Rule[] = [...RULES, ...(await compileCustomRules(config))]
  const active: ActiveRule[] = []
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id]
    const severity = typeof setting === 'string' ? setting : (setting?.severity ?? rule.meta.severity)
    if (severity === 'off') continue
    const options = {...rule.meta.options, ...(typeof setting === 'object' ? setting.options : {})}
    const configured = typeof setting === 'string' || (typeof setting === 'object' && setting.severity !== undefined)
    active.push({rule, severity, options, configured})
  }
  return active
}

async function compileCustomRules(config: Config): Promise<Rule[]> {
  if (config.customRules.length === 0) return []
  // Strict about keywords (a typo is an error), not about types: `properties` without `type: object`
  // is how people write these schemas, the README's example among them.
  const ajv = await createAjv({strictTypes: false, strictTuples: false})
  return config.customRules.map((c, i) => {
    let validate: (data: unknown) => boolean
    const unbounded = unboundedSchema(c.when ?? c.unless)
    if (unbounded) {
      const which = c.when ? 'when' : 'unless'
      const at = config.document?.locate(`/customRules/${i}/${which}${unbounded.pointer}`)
      throw new ConfigError(`custom rule '${c.id}': ${unbounded.why}`, `${config.file}:${at?.line ?? 1}:${at?.column ?? 1}`)
    }
    try {
      validate = ajv.compile((c.when ?? c.unless)!)
    } catch (error) {
      const which = c.when ? 'when' : 'unless'
      const at = config.document?.locate(`/customRules/${i}/${which}`)
      // A $ref or $schema naming another document: refused, never fetched (ajv is given no loader).
      const elsewhere = (error as {missingRef?: unknown}).missingRef !== undefined || /no schema with key or ref/.test((error as Error).message)
      const hint = elsewhere ? ' (a custom rule\'s schema must be complete in the config: nothing is read from other files or the network)' : ''
      throw new ConfigError(`custom rule '${c.id}': its ${which} schema is not a valid JSON Schema: ${(error as Error).message}${hint}`, `${config.file}:${at?.line ?? 1}:${at?.column ?? 1}`)
    }
    const flagWhenMatching = c.when !== undefined
    const pointer = c.pointer ?? ''
    const rule: Rule = {
      meta: {
        id: c.id,
        category: c.category,
        severity: c.severity,
        description: c.description ?? c.message,
        rationale: c.rationale ?? `A rule of ${config.file}.`,
        sources: [{title: c.source ?? `${config.file} (custom rule)`}],
        remedy: c.remedy ?? 'See the owner of the configuration.',
        fields: c.fields ?? [],
        example: '',
        custom: true,
      },
      check(system): RuleReport[] {
        return validate(system) === flagWhenMatching ? [{message: c.message, pointer}] : []
      },
    }
    return rule
  })
}
