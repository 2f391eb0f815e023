import {Chalk} from 'chalk'

import type {Diagnostic} from '../../core/model/types.js'
import {plural, sanitizeLine} from '../text.js'
import type {Formatter, ValidateReport} from '../types.js'

/** ESLint's stylish layout: problems grouped by file, `line:col  severity  message  code`, then a total. */
export const format: Formatter<ValidateReport> = (report, ctx) => {
  const c = new Chalk({level: ctx.color ? 1 : 0})
  // --quiet: the errors only, and no total (ESLint's --quiet).
  const all = [...report.errors, ...(ctx.quiet ? [] : report.warnings)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
  const byFile = new Map<string, Diagnostic[]>()
  for (const d of all) {
    const list = byFile.get(d.file)
    if (list) list.push(d)
    else byFile.set(d.file, [d])
  }
  const lines: string[] = []
  for (const [file, diagnostics] of byFile) {
    lines.push(c.underline(sanitizeLine(file)))
    // A reduce, not Math.max(...): a spread of 200,000 diagnostics overflows the stack.
    const width = diagnostics.reduce((w, d) => Math.max(w, `${d.line}:${d.column}`.length), 0)
    for (const d of diagnostics) {
      const pos = `${d.line}:${d.column}`.padEnd(width)
      const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning')
      lines.push(`  ${c.dim(pos)}  ${sev}  ${sanitizeLine(d.message)}  ${c.dim(d.code)}`)
    }
    lines.push('')
  }
  if (ctx.quiet) return lines.length ? `${lines.join('\n')}\n` : ''
  const files = plural(report.files.length, 'file')
  if (all.length === 0) {
    lines.push(c.green(`✔ ${files} valid`))
  } else {
    const mark = report.errors.length > 0 ? c.red.bold('✖') : c.yellow.bold('⚠')
    lines.push(`${mark} ${plural(all.length, 'problem')} (${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}) in ${files}`)
  }
  return `${lines.join('\n')}\n`
}
