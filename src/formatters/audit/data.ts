import type {SystemAssessment} from '../../core/assess/index.js'
import type {AuditView} from '../../core/assess/report.js'
import {MappedList} from '../json-chunks.js'

/**
 * The machine-readable audit (json and yaml), with a fixed key order: the keys CI scripts and
 * dashboards rely on are described by schemas/audit-report.schema.json.
 */
export function auditData(report: AuditView) {
  return auditView(report, Array.from(report.systems, systemData))
}

/** How many members of a system's dependency cycle its JSON lists. */
export const CYCLE_LISTED = 10

/** The same, its systems made one at a time as they are written (see MappedList). */
export function auditDataLazy(report: AuditView) {
  return auditView(report, new MappedList(report.systems, systemData))
}

function auditView<S>(report: AuditView, systems: S) {
  return {
    tool: report.tool,
    asOf: report.asOf,
    deadline: report.deadline,
    failOn: report.failOn,
    lifecycle: {snapshot: report.lifecycleSnapshot, source: report.lifecycleSource},
    files: report.files,
    summary: report.summary,
    departments: report.departments,
    systems,
    warnings: report.warnings.map((w) => ({code: w.code, message: w.message, file: w.file, line: w.line, column: w.column, pointer: w.pointer})),
    ...(report.baseline ? {baseline: report.baseline} : {}),
  }
}

function systemData(s: SystemAssessment) {
  return {
    ref: s.ref,
    department: s.department,
    id: s.id,
    name: s.name,
    file: s.file,
    line: s.line,
    column: s.column,
    criticality: s.criticality,
    hosting: s.hosting,
    migrationStatus: s.migrationStatus,
    readiness: s.readiness,
    score: s.score,
    confidence: s.confidence,
    deadlineStatus: s.deadlineStatus,
    daysLate: s.daysLate,
    targetDate: s.targetDate,
    completed: s.completed,
    retainedBy: s.retainedBy,
    plannedDaysLate: s.plannedDaysLate,
    annualRunGbp: s.annualRunGbp,
    pastEndOfSupport: s.pastEndOfSupport,
    platform: s.platform,
    // The first 10 members of its cycle and how many there are: listing a cycle of 5,000 in each of its 5,000 systems was 739 MB of JSON.
    cycle: s.cycle.length > CYCLE_LISTED ? s.cycle.slice(0, CYCLE_LISTED) : s.cycle,
    cycleSize: s.cycle.length,
    blockers: s.blockers,
    pathToReady: s.pathToReady,
    findings: s.findings.map((f) => ({rule: f.rule, category: f.category, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column, pointer: f.pointer})),
  }
}
