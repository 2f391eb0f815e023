import type {AuditReport} from '../../core/assess/report.js'
import {moneyFigure, MONEY_NOTE} from '../money.js'
import {mdCell, mdTable, percent, sanitizeTerminal} from '../text.js'
import type {Formatter} from '../types.js'
import {summaryLines} from './summary.js'

/** A report for a pull-request comment or a wiki page: summary, departments, systems, findings. */
export const format: Formatter<AuditReport> = (report) => {
  const [head, ...lines] = summaryLines(report)
  const out = [`# ${mdCell(head)}`, '', ...lines.map((l) => `- ${mdCell(l)}`), '']
  out.push('## Departments', '')
  out.push(
    mdTable(
      ['department', 'systems', 'ready', 'with conditions', 'not ready', 'unknown', 'past end of support', 'run cost on platforms past security support'],
      report.departments.map((d) => {
        const s = d.summary
        return [`${d.name} (${d.id})`, s.systems, s.byReadiness.ready, s.byReadiness['ready-with-conditions'], s.byReadiness['not-ready'], s.byReadiness.unknown, percent(s.sharePastEndOfSupport), moneyFigure(s.runCost.pastSecuritySupport)]
      }),
    ),
    '',
  )
  out.push(`<sub>${MONEY_NOTE}</sub>`, '')
  out.push('## Systems', '')
  out.push(
    mdTable(
      ['system', 'readiness', 'score', 'confidence', 'deadline', 'blockers', 'findings'],
      report.systems.map((s) => [`${s.ref} — ${s.name}`, s.readiness, s.score, s.confidence, s.deadlineStatus, s.blockers.join(', '), s.findings.length]),
    ),
    '',
  )
  out.push('## Findings', '')
  const rows = report.systems.flatMap((s) => s.findings.map((f) => [`${f.file}:${f.line}:${f.column}`, s.ref, f.severity, f.message, f.rule]))
  out.push(rows.length ? mdTable(['where', 'system', 'severity', 'finding', 'rule'], rows) : 'No findings.', '')
  // Escape sequences in any name or message (a department's, a lifecycle table's) shown, never obeyed by a terminal or a viewer.
  return sanitizeTerminal(`${out.join('\n')}\n`)
}
