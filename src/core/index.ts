/**
 * The public core API: each command calls one of these with plain options and formats what it returns.
 */

import {type ActiveRule, type Assessment, assess, assessLazily, type AssessOptions} from './assess/index.js'
import {applyBaseline, parseBaseline} from './assess/baseline.js'
import type {AuditReport, AuditView, FailOn} from './assess/report.js'
import type {Estate} from './model/types.js'
import {activeRules, type Config, EMPTY_CONFIG, findConfig, loadConfig} from './config/index.js'
import {InputError} from './errors.js'
import {noteInputRead} from './io/inputs-read.js'
import {ReadError, readRegularFile} from './io/read.js'
import {defaultLifecycle, type LifecycleTable, loadLifecycle} from './lifecycle/index.js'
import {type EstateResult, loadEstate} from './estate.js'
import {DEFAULT_MAX_FILE_MB, type LoadOptions} from './load/index.js'
import {forThePlan, plan, type PlanOptions} from './plan/index.js'
import type {PlanReport} from './plan/report.js'
import {stage} from './timings.js'
import {hasErrors} from './validate/index.js'

export {type EstateResult, loadEstate} from './estate.js'

export interface RunOptions extends LoadOptions {
  paths: string[]
  /** A config file; undefined to look upward from the first path; false for none. */
  config?: string | false
  /** The day of the assessment, YYYY-MM-DD (the command defaults it to today). */
  asOf: string
  /** Overrides the config's deadline. */
  deadline?: string
  /** A newer lifecycle table; overrides the config's. */
  lifecycle?: string
}

export interface PreparedRun extends EstateResult {
  config: Config
  lifecycle: LifecycleTable
  rules: ActiveRule[]
  asOf: string
  deadline: string
}

export const DEFAULT_DEADLINE = '2023-12-31'

/** Everything a command needs before it judges anything: config, lifecycle table, rules, estate. */
export async function prepare(options: RunOptions): Promise<PreparedRun> {
  const settings = await prepareSettings(options)
  const estate = await loadEstate(options.paths, options)
  return {...estate, ...settings}
}

export type Settings = Omit<PreparedRun, keyof EstateResult>

/** The config, lifecycle table, rules and dates, without the estate (`trend` reads its estates from git). */
export async function prepareSettings(options: RunOptions): Promise<Settings> {
  const configFile = options.config === false ? undefined : (options.config ?? findConfig(options.paths[0] === '-' || options.paths.length === 0 ? '.' : options.paths[0]))
  const config = configFile ? await loadConfig(configFile) : EMPTY_CONFIG
  const lifecycleFile = options.lifecycle ?? config.lifecycle
  const lifecycle = lifecycleFile ? loadLifecycle(lifecycleFile) : defaultLifecycle()
  const rules = await activeRules(config)
  return {config, lifecycle, rules, asOf: options.asOf, deadline: options.deadline ?? config.deadline ?? DEFAULT_DEADLINE}
}

export interface AuditOptions extends RunOptions {
  failOn?: FailOn
  version: string
  /** A previous `audit --format json`: report only what is new or worse. */
  baseline?: string
}

export interface AuditResult extends PreparedRun {
  report: AuditReport
}

/** Validation, then the rules. The assessment is empty when the inventories have errors. */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const run = await prepare(options)
  const report = auditReport(run, options)
  // Every finding is placed: the plan and the formatters locate nothing, so the position tables go now.
  for (const inv of run.estate.inventories) inv.doc.releasePositions()
  stage('assess')
  if (options.baseline && !hasErrors(run.diagnostics)) {
    const base = parseBaseline(readInput(options.baseline, 'baseline', options.maxFileMb), options.baseline)
    return {...run, report: applyBaseline(report, base, options.baseline)}
  }
  return {...run, report}
}

/** The rules over a prepared estate (`trend` runs this at every point of a history). */
export function auditReport(run: PreparedRun, options: {version: string; failOn?: FailOn}): AuditReport {
  return {...reportHead(run, options), ...assess(judgedEstate(run), assessOptions(run))}
}

export interface AuditViewResult extends PreparedRun {
  report: AuditView
}

/**
 * Above this many systems `audit` keeps no system's assessment (runAuditView). Below it every system
 * is judged once and kept: 100,000 bench systems take 660 MB kept (11.3× their 58 MB file) in 7.8 s,
 * and 425 MB in 11.8 s when judged again as written; a million small systems took 4 GB kept, 721 MB not.
 */
export const KEEP_ASSESSMENTS_UP_TO = 100_000

/**
 * The audit as the `audit` command writes it. For a big estate, no system's assessment is kept: each
 * is judged again as it is written (assessLazily), so a million systems take the estate's memory, not
 * their findings'; the file positions stay until then, since findings are placed as they are made.
 * Up to KEEP_ASSESSMENTS_UP_TO systems, and with --baseline (which compares them), each system is
 * judged once and kept (runAudit). Both give the same bytes (test/core/assess/lazy.test.ts).
 */
export async function runAuditView(options: AuditOptions): Promise<AuditViewResult> {
  if (options.baseline) return runAudit(options)
  const run = await prepare(options)
  const estate = judgedEstate(run)
  const assessment = keepsAssessments(estate) ? assess(estate, assessOptions(run)) : assessLazily(estate, assessOptions(run))
  if (Array.isArray(assessment.systems)) for (const inv of run.estate.inventories) inv.doc.releasePositions()
  stage('assess')
  return {...run, report: {...reportHead(run, options), ...assessment}}
}

function keepsAssessments(estate: Estate): boolean {
  // CLOUDREADY_KEEP_ASSESSMENTS_UP_TO moves the threshold: to 0 in the tests of the lazy path.
  const env = process.env.CLOUDREADY_KEEP_ASSESSMENTS_UP_TO
  return estate.systems.size <= (env !== undefined && /^\d+$/.test(env) ? Number(env) : KEEP_ASSESSMENTS_UP_TO)
}

/** The estate to judge: none when the inventories have errors (the assessment is then empty). */
function judgedEstate(run: PreparedRun): Estate {
  return hasErrors(run.diagnostics) ? {inventories: [], systems: new Map()} : run.estate
}

function assessOptions(run: PreparedRun): AssessOptions {
  return {asOf: run.asOf, deadline: run.deadline, lifecycle: run.lifecycle, rules: run.rules}
}

/** What a reader needs beside the assessment to trust it: tool, threshold, files, warnings, rules, sources. */
function reportHead(run: PreparedRun, options: {version: string; failOn?: FailOn}): Omit<AuditReport, keyof Assessment> {
  return {
    tool: {name: 'cloudready', version: options.version},
    failOn: options.failOn ?? run.config.failOn ?? 'high',
    // The estate is a set of files: the report is the same whatever order they were given in.
    files: [...run.files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    warnings: run.diagnostics.filter((d) => d.severity === 'warning'),
    rules: run.rules.map((r) => ({...r.rule.meta, severity: r.severity})),
    lifecycleSource: run.lifecycle.source,
  }
}

export interface PlanRunOptions extends AuditOptions, PlanOptions {}

export interface PlanResult extends AuditResult {
  planReport: PlanReport
}

/** The audit, then the plan over it. The plan is empty when the inventories have errors. */
export async function runPlan(options: PlanRunOptions): Promise<PlanResult> {
  const audited = await runAudit(options)
  const planReport = planFor(audited, options)
  stage('plan')
  return {...audited, planReport}
}

export interface PlanViewResult extends PreparedRun {
  planReport: PlanReport
}

/**
 * The plan as the `plan` command writes it. Above KEEP_ASSESSMENTS_UP_TO systems the assessment is
 * made lazily and each system kept only with what the plan reads of it (forThePlan): a million
 * systems' whole assessments were 3 GB. The same plan either way (test/core/assess/lazy.test.ts).
 */
export async function runPlanView(options: PlanRunOptions): Promise<PlanViewResult> {
  const run = await prepare(options)
  const estate = judgedEstate(run)
  let assessment: Assessment
  if (keepsAssessments(estate)) assessment = assess(estate, assessOptions(run))
  else {
    const lazy = assessLazily(estate, assessOptions(run))
    assessment = {...lazy, systems: Array.from(lazy.systems, forThePlan)}
  }
  for (const inv of run.estate.inventories) inv.doc.releasePositions()
  stage('assess')
  const planReport = planFor({...run, report: {...reportHead(run, options), ...assessment}}, options)
  stage('plan')
  return {...run, planReport}
}

/** The plan over an audited estate (`trend` runs this at every point of a history). */
export function planFor(audited: AuditResult, options: PlanOptions): PlanReport {
  const estate = hasErrors(audited.diagnostics) ? {inventories: [], systems: new Map()} : audited.estate
  const result = plan(estate, audited.report, {
    capacity: options.capacity,
    capacityEffort: options.capacityEffort,
    waveLengthMonths: options.waveLengthMonths,
    teamSize: options.teamSize,
    coupling: options.coupling,
    start: options.start,
    planning: audited.config.planning,
  })
  return {
    tool: audited.report.tool,
    ...result,
    lifecycle: {snapshot: audited.report.lifecycleSnapshot, source: audited.report.lifecycleSource},
    files: audited.report.files,
    audit: {summary: audited.report.summary, departments: audited.report.departments},
  }
}

/** Reads a file named by a flag (a baseline, a plan), with the same size limit as inventories. */
export function readInput(file: string, what: string, maxFileMb = DEFAULT_MAX_FILE_MB): string {
  noteInputRead(file)
  try {
    return readRegularFile(file, maxFileMb * 1024 * 1024).toString('utf8')
  } catch (error) {
    if (error instanceof ReadError) throw new InputError(error.code === 'unreadable' ? `cannot read the ${what} ${file}: ${error.message.replace(/^cannot read: /, '')}` : `the ${what} ${file} ${error.message}`)
    throw error
  }
}
