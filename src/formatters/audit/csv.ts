import type {AuditReport} from '../../core/assess/report.js'
import {csvRow} from '../text.js'
import type {Formatter} from '../types.js'

const HEADER = ['file', 'line', 'column', 'department', 'system', 'name', 'readiness', 'score', 'confidence', 'deadlineStatus', 'rule', 'category', 'severity', 'message']

/** One row per finding; a system with none still has one row, so every system is in the sheet. */
export const format: Formatter<AuditReport> = (report) => {
  const rows = [csvRow(HEADER)]
  for (const s of report.systems) {
    const base = [s.department, s.id, s.name, s.readiness, s.score, s.confidence, s.deadlineStatus]
    if (s.findings.length === 0) rows.push(csvRow([s.file, s.line, s.column, ...base, '', '', '', '']))
    for (const f of s.findings) rows.push(csvRow([f.file, f.line, f.column, ...base, f.rule, f.category, f.severity, f.message]))
  }
  return `${rows.join('\r\n')}\r\n`
}
