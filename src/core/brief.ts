/**
 * The one-page brief (`report --brief`): what a permanent secretary reads and nothing else — the
 * verdict, five figures, the league table, the five largest risks with their owners, and the
 * planning lever that would move the completion date most. Pure: built from a plan run's results;
 * the levers re-plan the estate already read (no file is read twice).
 */
import type {BaseDepartment} from './assess/baseline.js'
import type {SystemAssessment} from './assess/index.js'
import {departmentColumn, leagueTable, type LeagueTable, planColumn} from './compare/index.js'
import {daysBetween} from './dates.js'
import type {PlanResult} from './index.js'
import {type PlanOptions, plan} from './plan/index.js'
import type {PlanReport} from './plan/report.js'
import {SEVERITIES} from './model/types.js'

export interface BriefRisk {
  ref: string
  name: string
  department: string
  /** The system's `owner` as the inventory records it; null when none is recorded (itself a gap to fix). */
  owner: string | null
  readiness: SystemAssessment['readiness']
  annualRunGbp: number | null
  /** The most severe finding: what the risk is. */
  rule: string
  severity: string
  message: string
  /** How many other findings of this system are critical or high. */
  more: number
}

export interface BriefLever {
  /** What changes, in words that follow "with" ("twice the capacity (20 systems a wave instead of 10)"). */
  change: string
  completion: string
  /** Days earlier (negative) or later than the plan as it stands. */
  days: number
}

export interface Brief {
  plan: PlanReport
  columnOfAll: ReturnType<typeof planColumn>
  league: LeagueTable | null
  risks: BriefRisk[]
  levers: BriefLever[]
}

/** How many risks the brief lists. */
export const BRIEF_RISKS = 5

const SEVERITY_RANK = new Map(SEVERITIES.map((s, i) => [s, i]))
const CRITICALITY_RANK: Record<string, number> = {critical: 0, high: 1, medium: 2, low: 3}
const READINESS_RANK: Record<string, number> = {'not-ready': 0, unknown: 1, 'ready-with-conditions': 2, ready: 3}

/**
 * The largest risks: systems still to move, ranked by their worst finding outside the deadline
 * category (lateness is the verdict's subject, not a risk to a move), then blocked before not, then
 * criticality, then run cost — one line per system, so five lines name five systems and their owners.
 */
function largestRisks(result: PlanResult): BriefRisk[] {
  const candidates: Array<{s: SystemAssessment; worst: SystemAssessment['findings'][number]}> = []
  for (const s of result.report.systems) {
    if (s.migrationStatus === 'migrated' || s.migrationStatus === 'retired') continue
    const serious = s.findings.filter((f) => f.category !== 'deadline')
    if (!serious.length) continue
    const worst = serious.reduce((a, b) => (SEVERITY_RANK.get(b.severity)! < SEVERITY_RANK.get(a.severity)! ? b : a))
    candidates.push({s, worst})
  }
  candidates.sort(
    (a, b) =>
      SEVERITY_RANK.get(a.worst.severity)! - SEVERITY_RANK.get(b.worst.severity)! ||
      READINESS_RANK[a.s.readiness] - READINESS_RANK[b.s.readiness] ||
      (CRITICALITY_RANK[a.s.criticality] ?? 9) - (CRITICALITY_RANK[b.s.criticality] ?? 9) ||
      (b.s.annualRunGbp ?? 0) - (a.s.annualRunGbp ?? 0) ||
      (a.s.ref < b.s.ref ? -1 : 1),
  )
  return candidates.slice(0, BRIEF_RISKS).map(({s, worst}) => ({
    ref: s.ref,
    name: s.name,
    department: s.department,
    owner: result.estate.systems.get(s.ref)?.system.owner ?? null,
    readiness: s.readiness,
    annualRunGbp: s.annualRunGbp,
    rule: worst.rule,
    severity: worst.severity,
    message: worst.message,
    more: s.findings.filter((f) => f !== worst && f.category !== 'deadline' && (f.severity === 'critical' || f.severity === 'high')).length,
  }))
}

/**
 * The planning levers a programme controls, each re-planned on the same estate and audit: more
 * capacity a wave, shorter waves. Sorted by how much earlier each finishes; the first is "what would
 * change the completion date most".
 */
function levers(result: PlanResult, options: PlanOptions): BriefLever[] {
  const p = result.planReport
  const variants: Array<{change: string; options: PlanOptions}> = []
  if (p.capacity.systems !== undefined) {
    const c = p.capacity.systems
    variants.push({change: `half as much capacity again (${Math.ceil(c * 1.5)} systems a wave instead of ${c})`, options: {capacity: Math.ceil(c * 1.5), capacityEffort: undefined}})
    variants.push({change: `twice the capacity (${c * 2} systems a wave instead of ${c})`, options: {capacity: c * 2, capacityEffort: undefined}})
  } else if (p.capacity.effort !== undefined) {
    const e = p.capacity.effort
    variants.push({change: `twice the capacity (${e * 2} person-months a wave instead of ${e})`, options: {capacityEffort: e * 2, capacity: undefined}})
  }
  if (p.waveLengthMonths > 1) variants.push({change: `waves of ${Math.ceil(p.waveLengthMonths / 2)} months instead of ${p.waveLengthMonths} (the same capacity a wave)`, options: {waveLengthMonths: Math.ceil(p.waveLengthMonths / 2)}})
  return variants
    .map((v) => {
      const other = plan(result.estate, result.report, {...options, start: p.start, ...v.options})
      return {change: v.change, completion: other.completion, days: daysBetween(p.completion, other.completion)}
    })
    .sort((a, b) => a.days - b.days || (a.change < b.change ? -1 : 1))
}

/** Everything the brief prints; `options` are the plan's own (flags and config), so each lever changes one thing. */
export function buildBrief(result: PlanResult, options: PlanOptions, baseline?: {file: string; departments: Record<string, BaseDepartment>}): Brief {
  options = {...options, planning: options.planning ?? result.config.planning}
  const p = result.planReport
  const source = {plan: p, audit: result.report}
  const depts = p.audit.departments
  return {
    plan: p,
    columnOfAll: planColumn(source, 'all', 'inventory', p.files),
    league: depts.length > 1 ? leagueTable(depts.map((d) => departmentColumn(source, d.id, p.files)), baseline) : null,
    risks: largestRisks(result),
    levers: p.summary.toMove > 0 ? levers(result, options) : [],
  }
}
