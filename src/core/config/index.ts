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
import {parseBuffer} from '../load/index.js'
import type {Category, Severity, SourceDocument} from '../model/types.js'
import {createAjv, schemaValidator} from '../validate/index.js'
import {describeSchemaError} from '../validate/messages.js'

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
    buffer = readFileSync(file)
  } catch (error) {
    throw new ConfigError(`cannot read the config: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`, shown)
  }
  const {document, diagnostics} = parseBuffer(shown, buffer, {})
  if (!document) {
    const d = diagnostics[0]
    throw new ConfigError(d.message, `${d.file}:${d.line}:${d.column}`)
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
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) {
      const at = doc.locateKey(`/rules/${id}`)
      throw new ConfigError(`unknown rule '${id}' (see 'cloudready rules')`, `${config.file}:${at.line}:${at.column}`)
    }
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

/** Built-in and custom rules with the config's severities and options; `off` rules left out. */
export async function activeRules(config: Config): Promise<ActiveRule[]> {
  const rules: Rule[] = [...RULES, ...(await compileCustomRules(config))]
  const active: ActiveRule[] = []
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id]
    const severity = typeof setting === 'string' ? setting : (setting?.severity ?? rule.meta.severity)
    if (severity === 'off') continue
    const options = {...rule.meta.options, ...(typeof setting === 'object' ? setting.options : {})}
    active.push({rule, severity, options})
  }
  return active
}

async function compileCustomRules(config: Config): Promise<Rule[]> {
  if (config.customRules.length === 0) return []
  const ajv = await createAjv()
  return config.customRules.map((c, i) => {
    let validate: (data: unknown) => boolean
    try {
      validate = ajv.compile((c.when ?? c.unless)!)
    } catch (error) {
      const which = c.when ? 'when' : 'unless'
      const at = config.document?.locate(`/customRules/${i}/${which}`)
      throw new ConfigError(`custom rule '${c.id}': its ${which} schema is not a valid JSON Schema: ${(error as Error).message}`, `${config.file}:${at?.line ?? 1}:${at?.column ?? 1}`)
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
