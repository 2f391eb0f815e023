import {Chalk} from 'chalk'

import type {AuditReport} from '../../core/assess/report.js'
import type {Finding, Severity} from '../../core/model/types.js'
import {atOrAbove} from '../../core/assess/report.js'
import {sanitizeLine} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {summaryLines} from './summary.js'

/** Findings grouped by file as `line:col  severity  system: message  rule-id`, then the summary; under --quiet only the findings at or above --fail-on. */
export const chunks: ChunkFormatter<AuditReport> = function* (report, ctx) {
  const c = new Chalk({level: ctx.color ? 1 : 0})
  const paint: Record<Severity, (s: string) => string> = {critical: c.red.bold, high: c.red, medium: c.yellow, low: c.cyan, info: c.dim}
  const byFile = new Map<string, Array<{f: Finding; id: string}>>()
  for (const s of report.systems) {
    for (const f of s.findings) {
      if (ctx.quiet && !atOrAbove(f.severity, report.failOn)) continue
      const list = byFile.get(f.file)
      const item = {f, id: s.id}
      if (list) list.push(item)
      else byFile.set(f.file, [item])
    }
  }
  // Line by line: a million systems' findings make no single string.
  for (const file of [...byFile.keys()].sort()) {
    const items = byFile.get(file)!.sort((a, b) => a.f.line - b.f.line || a.f.column - b.f.column)
    yield `${c.underline(sanitizeLine(file))}\n`
    // A reduce, not Math.max(...): a spread of 300,000 findings overflows the stack.
    const width = items.reduce((w, {f}) => Math.max(w, `${f.line}:${f.column}`.length), 0)
    for (const {f, id} of items) {
      yield `  ${c.dim(`${f.line}:${f.column}`.padEnd(width))}  ${paint[f.severity](f.severity.padEnd(8))}  ${sanitizeLine(`${id}: ${f.message}`)}  ${c.dim(f.rule)}\n`
    }
    yield '\n'
  }
  if (ctx.quiet) return
  for (const w of report.warnings) yield `${c.yellow(`warning  ${sanitizeLine(`${w.file}:${w.line}:${w.column}  ${w.message}`)}`)}\n`
  if (report.warnings.length > 0) yield '\n'
  const [head, ...rest] = summaryLines(report)
  yield `${[c.bold(sanitizeLine(head)), ...rest.map(sanitizeLine)].join('\n')}\n`
}

export const format: Formatter<AuditReport> = (report, ctx) => [...chunks(report, ctx)].join('')
