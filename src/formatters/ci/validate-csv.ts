import {csvRow} from '../text.js'
import type {Formatter, ValidateReport} from '../types.js'

const HEADER = ['file', 'line', 'column', 'severity', 'code', 'pointer', 'message']

/** `validate` as a sheet: one row per diagnostic, errors and warnings in file order (audit's csv is in audit/). */
export const format: Formatter<ValidateReport> = (report) => {
  const all = [...report.errors, ...report.warnings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
  const rows = [csvRow(HEADER), ...all.map((d) => csvRow([d.file, d.line, d.column, d.severity, d.code, d.pointer, d.message]))]
  return `${rows.join('\r\n')}\r\n`
}
