/**
 * `compare`: plans, inventories, departments or scenarios side by side, and base → head deltas.
 * The only I/O is what the core API offers (readInput for a plan JSON, runPlan for inventories);
 * the comparison itself (columns.ts, diff.ts) is pure.
 */
import type {AuditReport} from '../assess/report.js'
import {UsageError} from '../errors.js'
import {type PlanRunOptions, readInput, runPlan} from '../index.js'
import type {Diagnostic} from '../model/types.js'
import type {PlanReport} from '../plan/report.js'
import {type CompareColumn, departmentColumn, planColumn, type PlanSource, sideBySideLabels} from './columns.js'
import {type CompareDiff, diffPlans} from './diff.js'
import {leagueTable, type LeagueTable} from './league.js'
import {parsePlanJson} from './input.js'
import type {Scenario, ScenarioOptions} from './scenario.js'

export type {CompareColumn, PlanSource} from './columns.js'
export type {CompareDiff, FindingChange, SystemChange, SystemState} from './diff.js'
export {parseScenario, parseScenarios, type Scenario} from './scenario.js'
export {parsePlanJson} from './input.js'
export {departmentColumn, planColumn} from './columns.js'
export {diffPlans} from './diff.js'
export {leagueTable, type LeagueRow, type LeagueTable} from './league.js'

export type CompareMode = 'side-by-side' | 'departments' | 'scenarios' | 'diff'

/** What `compare` hands its formatters, and what `compare --format json` prints (schemas/compare.schema.json). */
export interface CompareReport {
  tool: {name: 'cloudready'; version: string}
  mode: CompareMode
  /** The as-of date every column shares; null when they differ. */
  asOf: string | null
  /** The deadline every column shares; null when they differ. */
  deadline: string | null
  /** The lifecycle table of the first column's plan. */
  lifecycle: {snapshot: string; source: string}
  columns: CompareColumn[]
  /** Base → head (mode `diff`): columns[0] is the base, columns[1] the head; null in the other modes. */
  diff: CompareDiff | null
  /** Mode `departments`: the departments ranked (league.ts); null in the other modes. */
  league: LeagueTable | null
  /** What a reader should know to trust the numbers (different as-of dates, flags that did not apply…). */
  notes: string[]
}

/** One input as given: a regular file is read to see whether it is a plan JSON; folders and `-` are inventories. */
export interface CompareInput {
  path: string
  file: boolean
}

export interface CompareRunOptions extends Omit<PlanRunOptions, 'paths' | 'baseline'> {
  mode: CompareMode
  /** In mode `diff`: exactly the base and the head. */
  inputs: CompareInput[]
  /** Mode `scenarios`: at least two. */
  scenarios?: Scenario[]
}

export interface CompareRunResult {
  /** Undefined when an inventory has errors (they are in `diagnostics`). */
  report?: CompareReport
  diagnostics: Diagnostic[]
  /** Every file read, for messages and so the output never overwrites an input. */
  files: string[]
}

interface Loaded extends PlanSource {
  kind: 'plan' | 'inventory'
  inputs: string[]
  diagnostics: Diagnostic[]
  files: string[]
}

function planOptions(options: CompareRunOptions, scenario?: ScenarioOptions): Omit<PlanRunOptions, 'paths'> {
  const {mode: _mode, inputs: _inputs, scenarios: _scenarios, ...rest} = options
  if (!scenario) return rest
  // A scenario's capacity replaces the command line's, whichever of the two kinds each gives.
  const capacity = scenario.capacity !== undefined || scenario.capacityEffort !== undefined ? {capacity: scenario.capacity, capacityEffort: scenario.capacityEffort} : {}
  return {
    ...rest,
    ...capacity,
    ...(scenario.waveLengthMonths === undefined ? {} : {waveLengthMonths: scenario.waveLengthMonths}),
    ...(scenario.teamSize === undefined ? {} : {teamSize: scenario.teamSize}),
    ...(scenario.coupling === undefined ? {} : {coupling: scenario.coupling}),
    ...(scenario.start === undefined ? {} : {start: scenario.start}),
  }
}

async function planInventories(paths: string[], options: CompareRunOptions, scenario?: ScenarioOptions): Promise<Loaded> {
  const run = await runPlan({...planOptions(options, scenario), paths})
  const audit: AuditReport = run.report
  return {kind: 'inventory', inputs: paths, plan: run.planReport, audit, diagnostics: run.diagnostics, files: run.files}
}

/** A plan JSON when the input is a file holding one. */
function sniff(input: CompareInput, options: CompareRunOptions): PlanReport | undefined {
  return input.file ? parsePlanJson(readInput(input.path, 'input', options.maxFileMb), input.path) : undefined
}

async function load(input: CompareInput, options: CompareRunOptions): Promise<Loaded> {
  const plan = sniff(input, options)
  if (plan) return {kind: 'plan', inputs: [input.path], plan, diagnostics: [], files: [input.path]}
  return planInventories([input.path], options)
}

/** Plan JSONs cannot be merged or re-planned: some modes take inventories only. */
function assertInventories(options: CompareRunOptions, why: string): void {
  for (const input of options.inputs) {
    if (sniff(input, options)) throw new UsageError(`${input.path} is a plan JSON: ${why}`)
  }
}

/** Plans every input together as one estate. */
async function loadEstate(options: CompareRunOptions, why: string): Promise<Loaded> {
  assertInventories(options, why)
  return planInventories(options.inputs.map((i) => i.path), options)
}

function hasErrors(loaded: Loaded[]): boolean {
  return loaded.some((l) => l.diagnostics.some((d) => d.severity === 'error'))
}

function distinct(values: string[]): string[] {
  return [...new Set(values)]
}

const PLAN_FLAGS: Array<[keyof CompareRunOptions, string]> = [
  ['capacity', '--capacity'],
  ['capacityEffort', '--capacity-effort'],
  ['waveLengthMonths', '--wave-length'],
  ['teamSize', '--team-size'],
  ['coupling', '--coupling'],
  ['start', '--start'],
  ['deadline', '--deadline'],
]

/** Loads the inputs (planning inventories on the fly) and compares them as the mode says. */
export async function runCompare(options: CompareRunOptions): Promise<CompareRunResult> {
  const {mode, inputs} = options
  const notes: string[] = []
  let loaded: Loaded[]
  let columns: (sources: Loaded[]) => CompareColumn[]
  switch (mode) {
    case 'side-by-side': {
      if (inputs.length < 2) throw new UsageError('compare needs two or more inputs side by side (or --by-department, --scenario, --base/--head)')
      loaded = []
      for (const input of inputs) loaded.push(await load(input, options))
      columns = (sources) => {
        const labels = sideBySideLabels(sources)
        return sources.map((s, i) => planColumn(s, labels[i], s.kind, s.inputs))
      }
      break
    }
    case 'departments': {
      if (inputs.length === 0) throw new UsageError('--by-department needs a plan JSON or inventories')
      loaded = [inputs.length === 1 ? await load(inputs[0], options) : await loadEstate(options, '--by-department takes one plan JSON, or inventories that it plans together')]
      columns = ([s]) => s.plan.audit.departments.map((d) => departmentColumn(s, d.id, s.inputs))
      break
    }
    case 'scenarios': {
      const scenarios = options.scenarios ?? []
      if (scenarios.length < 2) throw new UsageError('give at least two --scenario NAME:FLAGS to compare, e.g. --scenario small:--capacity=4 --scenario big:--capacity=12')
      if (inputs.length === 0) throw new UsageError('--scenario needs the inventories of the estate to plan')
      assertInventories(options, 'scenarios re-plan an estate, so give its inventories')
      loaded = []
      for (const s of scenarios) {
        loaded.push(await planInventories(inputs.map((i) => i.path), options, s.options))
        if (hasErrors(loaded)) break
      }
      columns = (sources) => sources.map((src, i) => planColumn(src, scenarios[i].name, 'scenario', src.inputs, scenarios[i].flags))
      break
    }
    case 'diff': {
      if (inputs.length !== 2) throw new UsageError('a base → head comparison needs exactly two inputs: --base A --head B, or A B --diff')
      loaded = [await load(inputs[0], options), await load(inputs[1], options)]
      columns = ([b, h]) => [planColumn(b, 'base', b.kind, b.inputs), planColumn(h, 'head', h.kind, h.inputs)]
      break
    }
  }
  const diagnostics = loaded.flatMap((l) => l.diagnostics)
  const files = distinct(loaded.flatMap((l) => l.files))
  if (hasErrors(loaded)) return {diagnostics, files}

  const cols = columns(loaded)
  const asOfs = distinct(cols.map((c) => c.asOf))
  const deadlines = distinct(cols.map((c) => c.deadline))
  if (asOfs.length > 1) notes.push(`the inputs were planned as of different dates (${asOfs.join(', ')}): a plan made later starts later`)
  if (deadlines.length > 1) notes.push(`the inputs have different deadlines (${deadlines.join(', ')}): days past the deadline are each against its own`)
  const snapshots = distinct(loaded.map((l) => l.plan.lifecycle.snapshot))
  if (snapshots.length > 1) notes.push(`the inputs used different lifecycle snapshots (${snapshots.join(', ')}): end-of-support findings may differ for that reason alone`)
  const plans = loaded.filter((l) => l.kind === 'plan')
  const given = PLAN_FLAGS.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag)
  if (plans.length && given.length) notes.push(`${given.join(', ')} ${given.length === 1 ? 'does' : 'do'} not apply to plan JSON inputs (${plans.map((p) => p.inputs[0]).join(', ')}): they keep the flags they were planned with`)
  if (mode === 'departments' && cols.length < 2) notes.push(`only ${cols.length === 1 ? 'one department' : 'no department'} in the input: nothing to put beside it`)
  if (mode === 'departments') notes.push('department columns share one plan: each department\'s completion is the end of the last wave its systems move in')

  let diff: CompareDiff | null = null
  if (mode === 'diff') {
    const failOn = options.failOn ?? loaded[1].audit?.failOn ?? 'high'
    diff = diffPlans(loaded[0], loaded[1], failOn)
    if (!diff.findingsCompared) notes.push('findings are not compared: a plan JSON carries only their counts; give both sides as inventories to compare findings')
  }
  const first = loaded[0].plan
  const report: CompareReport = {
    tool: {name: 'cloudready', version: options.version},
    mode,
    asOf: asOfs.length === 1 ? asOfs[0] : null,
    deadline: deadlines.length === 1 ? deadlines[0] : null,
    lifecycle: {snapshot: first.lifecycle.snapshot, source: first.lifecycle.source},
    columns: cols,
    diff,
    league: mode === 'departments' && cols.length > 1 ? leagueTable(cols) : null,
    notes,
  }
  return {report, diagnostics, files}
}
