import type {AuditView} from '../../core/assess/report.js'
import {csvRow} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'

const HEADER = ['file', 'line', 'column', 'department', 'system', 'name', 'readiness', 'score', 'confidence', 'deadlineStatus', 'rule', 'category', 'severity', 'message']

/** One row per finding; a system with none still has one row, so every system is in the sheet. Row by row: a million systems make no single string. */
export const chunks: ChunkFormatter<AuditView> = function* (report) {
  yield `${csvRow(HEADER)}\r\n`
  for (const s of report.systems) {
    const base = [s.department, s.id, s.name, s.readiness, s.score, s.confidence, s.deadlineStatus]
    if (s.findings.length === 0) yield `${csvRow([s.file, s.line, s.column, ...base, '', '', '', ''])}\r\n`
    for (const f of s.findings) yield `${csvRow([f.file, f.line, f.column, ...base, f.rule, f.category, f.severity, f.message])}\r\n`
  }
}

export const format: Formatter<AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')
