import type {Summary} from '../../core/assess/index.js'
import type {AuditView} from '../../core/assess/report.js'
import {daysBetween} from '../../core/dates.js'
import {MONEY_NOTE, moneyLines} from '../money.js'
import {gbp, percent, plural} from '../text.js'

/** The few lines a department's IT lead pastes into an email; shared by the human formats. */
export function summaryLines(report: AuditView): string[] {
  const s = report.summary
  const late = daysBetween(report.deadline, report.asOf)
  const depts = report.departments.length
  const lines = [
    `cloudready audit of ${plural(depts, 'department')}, ${plural(s.systems, 'system')}, as of ${report.asOf} (deadline ${report.deadline}${late > 0 ? `, passed ${plural(late, 'day')} ago` : late < 0 ? `, in ${plural(-late, 'day')}` : ', today'})`,
    `Readiness: ${readinessLine(s)}${toMoveLine(report)}`,
    `Deadline:  ${deadlineLine(s, late)}`,
    `Findings:  ${(['critical', 'high', 'medium', 'low', 'info'] as const).map((k) => `${s.bySeverity[k]} ${k}`).join(', ')}`,
    `Platform:  ${plural(Math.round(s.sharePastEndOfSupport * s.systems), 'system')} (${percent(s.sharePastEndOfSupport)}) on an OS, database or runtime past end of security support (lifecycle snapshot ${report.lifecycleSnapshot})`,
    `Run cost:  ${gbp(s.annualRunGbp)} a year recorded in all; ${moneyLines(s.runCost).join('; ')}. ${MONEY_NOTE}`,
  ]
  return lines
}

/** Readiness of the systems still to move: the ones a spending review is about. */
function toMoveLine(report: AuditView): string {
  const left = report.stillToMove
  if (left.systems === report.summary.systems) return ''
  const n = left.byReadiness
  return `; of the ${left.systems} still to move: ${n.ready} ready, ${n['ready-with-conditions']} with conditions, ${n['not-ready']} not ready, ${n.unknown} unknown`
}

export function readinessLine(s: Summary): string {
  const r = s.byReadiness
  return `${r.ready} ready (${percent(s.shareReady)}), ${r['ready-with-conditions']} ready with conditions, ${r['not-ready']} not ready, ${r.unknown} unknown`
}

export function deadlineLine(s: Summary, daysPast: number): string {
  const d = s.byDeadlineStatus
  const byDeadline = s.doneByDeadline
  const done = `${s.done} migrated or retired: ${byDeadline.count} (${percent(byDeadline.share)} of all systems) by the deadline, ${d['met-late']} after it${byDeadline.undated ? `, ${byDeadline.undated} with no date recorded` : ''}`
  const retained = s.retained ? `; ${s.retained} retained${d.exempt ? ` (${d.exempt} exempt by classification)` : ''}` : ''
  if (daysPast > 0) return `${plural(s.toMove, 'system')} still to move, ${plural(daysPast, 'day')} after the deadline; ${done}${retained}`
  return `${d['on-track']} on track, ${d['at-risk']} at risk; ${done}${retained}`
}
