/**
 * One column of a side-by-side comparison: the numbers a Task Force reads across plans,
 * departments or scenarios. Built from a plan report alone (what a plan JSON carries), so a plan
 * saved last month and an inventory planned now give columns that mean the same thing.
 */
import type {RunCost} from '../assess/index.js'
import type {AuditReport} from '../assess/report.js'
import {daysBetween} from '../dates.js'
import {type Readiness, type Severity, STRATEGIES, type Strategy} from '../model/types.js'
import type {PlannedSystem} from '../plan/index.js'
import type {PlanReport} from '../plan/report.js'

export type ColumnKind = 'plan' | 'inventory' | 'department' | 'scenario'

/** A plan and, when it was made from inventories in this run, the audit under it (with findings). */
export interface PlanSource {
  plan: PlanReport
  audit?: AuditReport
}

export interface CompareColumn {
  label: string
  kind: ColumnKind
  /** The files or folders the column comes from, as given. */
  inputs: string[]
  /** The department's id and name (department columns), else null. */
  department: {id: string; name: string} | null
  /** The scenario's flags (`--capacity=4`), else null. */
  scenario: string | null
  asOf: string
  deadline: string
  start: string
  waveLengthMonths: number
  capacity: {systems?: number; effort?: number}
  systems: number
  toMove: number
  done: number
  retained: number
  byReadiness: Record<Readiness, number>
  shareReady: number
  findings: number
  bySeverity: Record<Severity, number>
  byStrategy: Record<Strategy, number>
  /** Waves the column's systems move in (for a whole plan, all its waves). */
  waves: number
  /** The last wave any of its systems moves in; null when none moves. */
  lastWave: number | null
  effort: {low: number; high: number; unit: string}
  completion: string
  daysPastDeadline: number
  /** Share of systems moved by the deadline, as the plan counts it (0–1). */
  shareDoneByDeadline: number
  annualRunGbp: number
  /** Run cost a year in named parts (README "Money"). */
  runCost: RunCost
  /** Systems with an OS, database or runtime past its end of security support. */
  pastEndOfSupport: number
  sharePastEndOfSupport: number
  /** Share of systems already migrated or retired, at the as-of date (0–1). */
  shareDone: number
  /** Of the systems still to move, how many are `ready` to move as they are, and their share (0–1; 0 when none is left). */
  readyToMove: {count: number; share: number}
  /** Systems `ready` and not yet migrated or retired, retained ones included: what an earlier audit JSON can be compared on. */
  readyNotDone: number
  /** The completion under the low and high effort estimates, where the plan gives them; else null. */
  completionRange: {early: string; late: string} | null
  /** Run cost a year of systems still to move on a platform past end of security support, and how many of those have no cost recorded (runCost.pastSecuritySupport). */
  unsupportedRunCost: {gbp: number; noCostRecorded: number}
  /** Data completeness: the mean confidence of the systems' assessments (0–1); null from a plan JSON. */
  confidence: number | null
}

const round1 = (x: number) => Math.round(x * 10) / 10
const round3 = (x: number) => Math.round(x * 1000) / 1000

function countPastEndOfSupport(source: PlanSource, department: string | null, share: number, systems: number): number {
  // With the audit at hand, count; a plan JSON has only the share, exact to 1/1000 (so below 1,000 systems).
  if (source.audit) return source.audit.systems.filter((s) => s.pastEndOfSupport && (department === null || s.department === department)).length
  return Math.round(share * systems)
}

type Scope = (s: {department: string}) => boolean

/** Share done, ready to move of those left, run cost on unsupported platforms, confidence: the league table's figures. */
function progressFigures(source: PlanSource, inScope: Scope): Pick<CompareColumn, 'shareDone' | 'readyToMove' | 'readyNotDone' | 'confidence'> {
  const mine = source.plan.systems.filter(inScope)
  const done = mine.filter((s) => s.status === 'done').length
  const left = mine.filter((s) => s.status === 'planned')
  const ready = left.filter((s) => s.readiness === 'ready').length
  let confidence: number | null = null
  if (source.audit) {
    const audited = source.audit.systems.filter(inScope)
    confidence = audited.length ? round3(audited.reduce((sum, s) => sum + s.confidence, 0) / audited.length) : null
  }
  return {
    shareDone: mine.length ? round3(done / mine.length) : 0,
    readyToMove: {count: ready, share: left.length ? round3(ready / left.length) : 0},
    readyNotDone: mine.filter((s) => s.status !== 'done' && s.readiness === 'ready').length,
    confidence,
  }
}

/** A department's completion range, where the plan gives one (a plan made before ranges existed does not). */
function departmentRange(plan: PlanReport, id: string): {early: string; late: string} | null {
  const found = (plan.departmentRanges ?? []).find((d) => d.department === id)
  return found ? {early: found.early, late: found.late} : null
}

function sumSeverity(counts: Record<Severity, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0)
}

/** The whole plan as one column. */
export function planColumn(source: PlanSource, label: string, kind: ColumnKind, inputs: string[], scenario: string | null = null): CompareColumn {
  const {plan} = source
  const a = plan.audit.summary
  const [only, ...others] = plan.audit.departments
  return {
    label,
    kind,
    inputs,
    // A plan of one department names it, so its column reads "DWP", not a file path.
    department: only && others.length === 0 ? {id: only.id, name: only.name} : null,
    scenario,
    asOf: plan.asOf,
    deadline: plan.deadline,
    start: plan.start,
    waveLengthMonths: plan.waveLengthMonths,
    capacity: {...plan.capacity},
    systems: plan.summary.systems,
    toMove: plan.summary.toMove,
    done: plan.summary.done,
    retained: plan.summary.retained,
    byReadiness: {...a.byReadiness},
    shareReady: a.shareReady,
    findings: sumSeverity(a.bySeverity),
    bySeverity: {...a.bySeverity},
    byStrategy: {...plan.summary.byStrategy},
    waves: plan.summary.waves,
    lastWave: plan.summary.waves > 0 ? plan.summary.waves : null,
    effort: {...plan.summary.effort},
    completion: plan.completion,
    daysPastDeadline: plan.daysPastDeadline,
    shareDoneByDeadline: plan.summary.shareDoneByDeadline,
    annualRunGbp: a.annualRunGbp,
    runCost: structuredClone(a.runCost),
    unsupportedRunCost: {gbp: a.runCost.pastSecuritySupport.gbp, noCostRecorded: a.runCost.pastSecuritySupport.noCostRecorded},
    pastEndOfSupport: countPastEndOfSupport(source, null, a.sharePastEndOfSupport, plan.summary.systems),
    sharePastEndOfSupport: a.sharePastEndOfSupport,
    // A plan made before completion ranges existed has none.
    completionRange: plan.completionRange ? {early: plan.completionRange.early, late: plan.completionRange.late} : null,
    ...progressFigures(source, () => true),
  }
}

/**
 * One department of a plan as a column: its audit summary as the plan carries it, and its plan
 * numbers derived from its systems — the waves they move in, the effort of those that move, the end of the last
 * of those waves as its completion (the plan's as-of date when none of its systems moves).
 */
export function departmentColumn(source: PlanSource, departmentId: string, inputs: string[]): CompareColumn {
  const {plan} = source
  const dept = plan.audit.departments.find((d) => d.id === departmentId)
  if (!dept) throw new RangeError(`departmentColumn: ${departmentId} is not in the plan`)
  const a = dept.summary
  const mine: PlannedSystem[] = plan.systems.filter((s) => s.department === departmentId)
  const byStrategy = Object.fromEntries(STRATEGIES.map((k) => [k, 0])) as Record<Strategy, number>
  let low = 0
  let high = 0
  const waves = new Set<number>()
  let doneByDeadline = 0
  for (const s of mine) {
    if (s.strategy !== null) byStrategy[s.strategy]++
    // The effort of moving: systems retained or already moved take none (as the plan's own total).
    if (s.status === 'planned') {
      low += s.effort.low
      high += s.effort.high
    }
    if (s.wave !== null) waves.add(s.wave)
    // As the plan counts progress: a done system from when it got there (the as-of date when not recorded), the others at their wave's end.
    const finished = s.status === 'done' ? (s.completed ?? plan.asOf) <= plan.deadline : s.wave !== null && plan.waves[s.wave - 1].end <= plan.deadline
    if (finished) doneByDeadline++
  }
  // A department completes when its last move ends (a move may run on past the wave it starts in).
  let completion = plan.asOf
  for (const s of mine) if (s.end !== null && s.end !== undefined && s.end > completion) completion = s.end
  const lastWave = waves.size ? plan.waves.findIndex((w) => w.end === completion) + 1 || null : null
  const done = mine.filter((s) => s.status === 'done').length
  const retained = mine.filter((s) => s.status === 'retained').length
  return {
    label: dept.id,
    kind: 'department',
    inputs,
    department: {id: dept.id, name: dept.name},
    scenario: null,
    asOf: plan.asOf,
    deadline: plan.deadline,
    start: plan.start,
    waveLengthMonths: plan.waveLengthMonths,
    capacity: {...plan.capacity},
    systems: mine.length,
    toMove: mine.length - done - retained,
    done,
    retained,
    byReadiness: {...a.byReadiness},
    shareReady: a.shareReady,
    findings: sumSeverity(a.bySeverity),
    bySeverity: {...a.bySeverity},
    byStrategy,
    waves: waves.size,
    lastWave,
    effort: {low: round1(low), high: round1(high), unit: plan.summary.effort.unit},
    completion,
    daysPastDeadline: Math.max(0, daysBetween(plan.deadline, completion)),
    shareDoneByDeadline: mine.length ? round3(doneByDeadline / mine.length) : 0,
    annualRunGbp: a.annualRunGbp,
    runCost: structuredClone(a.runCost),
    unsupportedRunCost: {gbp: a.runCost.pastSecuritySupport.gbp, noCostRecorded: a.runCost.pastSecuritySupport.noCostRecorded},
    pastEndOfSupport: countPastEndOfSupport(source, departmentId, a.sharePastEndOfSupport, mine.length),
    sharePastEndOfSupport: a.sharePastEndOfSupport,
    completionRange: departmentRange(plan, departmentId),
    ...progressFigures(source, (s) => s.department === departmentId),
  }
}

const MAX_NAMED_DEPARTMENTS = 3

/** What a plan covers, in a few words: its departments' ids, or how many there are. */
function coverage(plan: PlanSource['plan']): string {
  const ids = plan.audit.departments.map((d) => d.id)
  if (ids.length === 0) return 'no department'
  return ids.length <= MAX_NAMED_DEPARTMENTS ? ids.join(' + ') : `${ids.length} departments`
}

/** The planning parameters a reader tells plans of the same departments apart by. */
function parameters(plan: PlanSource['plan']): string[] {
  const c = plan.capacity
  return [
    c.systems !== undefined ? `capacity ${c.systems}` : `capacity ${c.effort ?? 0} person-months`,
    `waves of ${plan.waveLengthMonths} months`,
    `from ${plan.start}`,
    `as of ${plan.asOf}`,
  ]
}

/**
 * Labels for whole plans side by side, naming what each compares: its departments ("dwp"), then,
 * where two columns would read the same, the first planning parameter that tells them apart
 * ("dwp · capacity 12"), and the input's path only when nothing else does.
 */
export function sideBySideLabels(sources: Array<PlanSource & {inputs: string[]}>): string[] {
  const base = sources.map((s) => coverage(s.plan))
  const params = sources.map((s) => parameters(s.plan))
  return base.map((label, i) => {
    const twins = base.map((l, j) => j).filter((j) => j !== i && base[j] === label)
    if (twins.length === 0) return label
    const k = params[i].findIndex((p, n) => twins.every((j) => params[j][n] !== p))
    if (k !== -1) return `${label} · ${params[i][k]}`
    return `${label} · ${sources[i].inputs.join(', ')}`
  })
}
