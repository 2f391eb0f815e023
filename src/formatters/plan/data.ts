import type {PlanReport} from '../../core/plan/report.js'

/** The machine-readable plan with a fixed key order (json and yaml). */
export function planData(r: PlanReport) {
  return {
    tool: r.tool,
    asOf: r.asOf,
    deadline: r.deadline,
    lifecycle: r.lifecycle,
    files: r.files,
    start: r.start,
    waveLengthMonths: r.waveLengthMonths,
    capacity: r.capacity,
    completion: r.completion,
    daysPastDeadline: r.daysPastDeadline,
    completionRange: r.completionRange,
    departmentRanges: r.departmentRanges,
    constraint: r.constraint,
    summary: r.summary,
    progress: r.progress,
    waves: r.waves,
    moveGroups: r.moveGroups,
    systems: r.systems,
    criticalPath: r.criticalPath,
    blockers: r.blockers,
    bridges: r.bridges,
    externalConstraints: r.externalConstraints,
    hybridPeriods: r.hybridPeriods,
    warnings: r.warnings,
    audit: r.audit,
    pilot: r.pilot,
  }
}
