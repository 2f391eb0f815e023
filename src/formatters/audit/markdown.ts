import {SEVERITIES} from '../../core/model/types.js'
import type {AuditView} from '../../core/assess/report.js'
import {moneyFigure, MONEY_NOTE} from '../money.js'
import {mdCell, mdTable, mdTableLines, percent, sanitizeTerminal} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {summaryLines} from './summary.js'

/** A report for a pull-request comment or a wiki page: summary, departments, systems, findings; in pieces. */
export const chunks: ChunkFormatter<AuditView> = function* (report) {
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
  // The long tables line by line: a million systems make no single string.
  out.push('## Systems', '')
  yield sanitizeTerminal(`${out.join('\n')}\n`)
  for (const l of mdTableLines(['system', 'readiness', 'score', 'confidence', 'deadline', 'blockers', 'findings'], systemRows(report))) yield `${sanitizeTerminal(l)}\n`
  yield '\n## Findings\n\n'
  if (SEVERITIES.some((k) => report.summary.bySeverity[k] > 0)) {
    for (const l of mdTableLines(['where', 'system', 'severity', 'finding', 'rule'], findingRows(report))) yield `${sanitizeTerminal(l)}\n`
  } else yield 'No findings.\n'
  yield '\n'
}

export const format: Formatter<AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')

function* systemRows(report: AuditView): Generator<unknown[]> {
  for (const s of report.systems) yield [`${s.ref} — ${s.name}`, s.readiness, s.score, s.confidence, s.deadlineStatus, s.blockers.join(', '), s.findings.length]
}

function* findingRows(report: AuditView): Generator<unknown[]> {
  for (const s of report.systems) for (const f of s.findings) yield [`${f.file}:${f.line}:${f.column}`, s.ref, f.severity, f.message, f.rule]
}
