/**
 * The one line on standard error after `-o FILE` (unless --quiet): what was written, and why the exit
 * code is what it is — the terminal shows nothing else.
 */
import {type AuditView, failingFindings} from '../core/assess/report.js'
import type {PlanReport} from '../core/plan/report.js'
import type {TrendReport} from '../core/trend/report.js'
import {count, plural} from '../formatters/text.js'
import type {ValidateReport} from '../formatters/types.js'

export function auditSummary(report: AuditView): string {
  const failing = failingFindings(report)
  const exit = report.failOn === 'none' || failing === 0 ? `exit 0 (none at or above --fail-on ${report.failOn})` : `exit 1 because of --fail-on ${report.failOn}`
  return `${plural(report.systems.length, 'system')}, ${plural(failing, 'finding')} at ${report.failOn} or above; ${exit}`
}

export function planSummary(plan: PlanReport): string {
  return `${plural(plan.summary.systems, 'system')}, ${count(plan.summary.toMove)} to move, completion ${plan.completion} (${plan.completionRange.early} – ${plan.completionRange.late})`
}

export function validateSummary(report: ValidateReport): string {
  return `${plural(report.files.length, 'file')}, ${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}${report.valid ? '' : '; exit 2'}`
}

export function trendSummary(report: TrendReport): string {
  const gaps = report.points.filter((p) => p.gap !== null).length
  return `${plural(report.points.length, 'point')} (${plural(gaps, 'gap')}), ${report.measures.throughputPerQuarter ?? 'no'} moved a quarter, forecast slipping ${report.measures.slippageDaysPerMonth ?? '–'} days a month`
}
