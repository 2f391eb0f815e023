import type {Diagnostic} from '../../core/model/types.js'
import type {Formatter, ValidateReport} from '../types.js'

const entry = (d: Diagnostic) => ({file: d.file, line: d.line, column: d.column, pointer: d.pointer, code: d.code, message: d.message})

/** `{valid, errors[], warnings[], files[]}` as SPEC.md and schemas/validate-result.schema.json define it. */
export const format: Formatter<ValidateReport> = (report) =>
  `${JSON.stringify({valid: report.valid, errors: report.errors.map(entry), warnings: report.warnings.map(entry), files: report.files}, null, 2)}\n`
