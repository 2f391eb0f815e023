/**
 * The base-versus-head gate: given a previous `audit --format json` (the base, e.g. from main), keep
 * only what the head adds or makes worse — new findings, systems whose readiness dropped, systems
 * whose deadline status got worse — so a pull request fails for what it changed, not for old debt.
 */
import type {RuleMeta} from '../../rules/types.js'
import {UsageError} from '../errors.js'
import type {DeadlineStatus, Finding, Readiness} from '../model/types.js'
import {summarise, type SystemAssessment} from './index.js'
import type {AuditReport} from './report.js'

export interface BaselineSummary {
  file: string
  asOf: string
  newFindings: number
  resolvedFindings: number
  readinessDropped: Array<{ref: string; from: Readiness; to: Readiness}>
  deadlineWorse: Array<{ref: string; from: DeadlineStatus; to: DeadlineStatus}>
  newSystems: string[]
  /** Per department of the base (by id): its systems, how many were done, and how many not yet done were `ready` — the league table's change. */
  departments: Record<string, BaseDepartment>
}

export interface BaseDepartment {
  systems: number
  done: number
  readyNotDone: number
}

interface BaseSystem {
  ref: string
  readiness: Readiness
  deadlineStatus: DeadlineStatus
  findings: Array<{rule: string; pointer: string; message?: string}>
  /** Present in every `audit --format json`; an older or trimmed base may lack them. */
  department?: unknown
  migrationStatus?: unknown
}

const READINESS_RANK: Record<Readiness, number> = {ready: 0, 'ready-with-conditions': 1, unknown: 2, 'not-ready': 3}
const DEADLINE_RANK: Record<DeadlineStatus, number> = {met: 0, 'met-late': 1, exempt: 1, 'on-track': 1, 'at-risk': 2, missed: 3}

/** A finding's identity across runs: rule, system and where in the system — not the line, not the system's index. */
export function findingKey(ref: string, rule: string, pointer: string): string {
  return `${rule}\u0000${ref}\u0000${pointer.replace(/^\/systems\/\d+/, '')}`
}

export interface Baseline {
  asOf: string
  systems: Map<string, BaseSystem>
  /** Validation warnings of the base, by code and message: old ones are not repeated. */
  warnings: Set<string>
}

const warningKey = (w: {code?: unknown; message?: unknown}) => `${String(w.code)}\u0000${String(w.message)}`

export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`--baseline ${file} is not JSON (${(error as Error).message.replace(/\s+/g, ' ')}): give the output of 'cloudready audit --format json'`)
  }
  const d = data as {asOf?: unknown; systems?: unknown; warnings?: unknown}
  if (!d || typeof d !== 'object' || !Array.isArray(d.systems)) {
    throw new UsageError(`--baseline ${file} has no systems[]: give the output of 'cloudready audit --format json'`)
  }
  const systems = new Map<string, BaseSystem>()
  d.systems.forEach((s: unknown, i: number) => {
    const sys = s as Partial<BaseSystem>
    if (!sys || typeof sys.ref !== 'string' || !Object.hasOwn(READINESS_RANK, String(sys.readiness)) || !Object.hasOwn(DEADLINE_RANK, String(sys.deadlineStatus)) || !Array.isArray(sys.findings)) {
      throw new UsageError(`--baseline ${file}: systems[${i}] is not an audited system (ref, readiness, deadlineStatus, findings[])`)
    }
    for (const f of sys.findings) {
      if (!f || typeof f.rule !== 'string' || typeof f.pointer !== 'string') throw new UsageError(`--baseline ${file}: systems[${i}] has a finding without rule and pointer`)
    }
    systems.set(sys.ref, sys as BaseSystem)
  })
  const warnings = new Set(Array.isArray(d.warnings) ? d.warnings.filter((w) => w && typeof w === 'object').map(warningKey) : [])
  return {asOf: typeof d.asOf === 'string' ? d.asOf : '', systems, warnings}
}

const DONE_STATUS = new Set(['migrated', 'retired'])

/** The base's figures per department, from each system's department and migration status. */
export function baseDepartments(base: Baseline): Record<string, BaseDepartment> {
  const out: Record<string, BaseDepartment> = {}
  for (const s of base.systems.values()) {
    const id = typeof s.department === 'string' ? s.department : s.ref.split('/')[0]
    const d = Object.hasOwn(out, id) ? out[id] : (out[id] = {systems: 0, done: 0, readyNotDone: 0})
    d.systems++
    const done = DONE_STATUS.has(String(s.migrationStatus))
    if (done) d.done++
    else if (s.readiness === 'ready') d.readyNotDone++
  }
  return out
}

/** The head report narrowed to what is new or worse than the base. */
export function applyBaseline(head: AuditReport, base: Baseline, file: string): AuditReport & {baseline: BaselineSummary} {
  const summary: BaselineSummary = {file, asOf: base.asOf, newFindings: 0, resolvedFindings: 0, readinessDropped: [], deadlineWorse: [], newSystems: [], departments: baseDepartments(base)}
  const headKeys = new Set<string>()
  const systems: SystemAssessment[] = head.systems.map((s) => {
    const before = base.systems.get(s.ref)
    for (const f of s.findings) headKeys.add(findingKey(s.ref, f.rule, f.pointer))
    if (!before) {
      summary.newSystems.push(s.ref)
      summary.newFindings += s.findings.length
      return s
    }
    const old = new Set(before.findings.map((f) => findingKey(s.ref, f.rule, f.pointer)))
    const findings: Finding[] = s.findings.filter((f) => !old.has(findingKey(s.ref, f.rule, f.pointer)))
    summary.newFindings += findings.length
    const at = {file: s.file, line: s.line, column: s.column, pointer: s.pointer, ref: s.ref}
    if (READINESS_RANK[s.readiness] > READINESS_RANK[before.readiness]) {
      summary.readinessDropped.push({ref: s.ref, from: before.readiness, to: s.readiness})
      findings.push({rule: 'baseline-readiness-dropped', category: 'architecture', severity: 'high', message: `readiness dropped from ${before.readiness} to ${s.readiness} since the baseline`, ...at})
    }
    if (DEADLINE_RANK[s.deadlineStatus] > DEADLINE_RANK[before.deadlineStatus]) {
      summary.deadlineWorse.push({ref: s.ref, from: before.deadlineStatus, to: s.deadlineStatus})
      findings.push({rule: 'baseline-deadline-worse', category: 'deadline', severity: 'high', message: `deadline status went from ${before.deadlineStatus} to ${s.deadlineStatus} since the baseline`, ...at})
    }
    return {...s, findings}
  })
  for (const [ref, before] of base.systems) {
    for (const f of before.findings) if (!headKeys.has(findingKey(ref, f.rule, f.pointer))) summary.resolvedFindings++
  }
  const warnings = head.warnings.filter((w) => !base.warnings.has(warningKey(w)))
  return {...head, systems, warnings, summary: summarise(systems), rules: [...head.rules, ...BASELINE_RULES], baseline: summary}
}

const GATE = {title: 'cloudready base-versus-head gate (audit --baseline)'}

/** The two findings the gate itself makes, documented like any rule so SARIF can name them. */
export const BASELINE_RULES: RuleMeta[] = [
  {
    id: 'baseline-readiness-dropped',
    category: 'architecture',
    severity: 'high',
    description: 'A system is less ready than in the baseline.',
    rationale: 'A change that makes a system less able to move to the cloud works against the cloud-first policy; the gate catches it in the pull request that causes it.',
    sources: [GATE],
    remedy: 'Look at the new findings of this system in the same run, and fix them or explain them in the review.',
    fields: [],
    example: '',
  },
  {
    id: 'baseline-deadline-worse',
    category: 'deadline',
    severity: 'high',
    description: "A system's deadline status is worse than in the baseline.",
    rationale: 'A later or missing target date, or a system that became overdue, moves the estate further from the deadline.',
    sources: [GATE],
    remedy: 'Restore the target date, or record why it moved.',
    fields: [],
    example: '',
  },
]
