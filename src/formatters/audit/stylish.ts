import {Chalk} from 'chalk'

import type {AuditView} from '../../core/assess/report.js'
import type {Finding, Severity} from '../../core/model/types.js'
import {atOrAbove} from '../../core/assess/report.js'
import {sanitizeLine} from '../text.js'
import type {ChunkFormatter, Formatter} from '../types.js'
import {summaryLines} from './summary.js'
import {placedAboveItsSystem, systemsInPlaceOrder} from '../../core/assess/index.js'

/**
 * Findings grouped by file as `line:col  severity  system: message  rule-id`, sorted by line, then the
 * summary; under --quiet only the findings at or above --fail-on. Line by line, a system at a time (a
 * million systems' findings make no single string, nor a list): the systems are read in the order they
 * are written in their files, twice — once for each file's column width and the few findings placed
 * above their system (a value shared through an alias), once to write, those few merged in at their line.
 */
export const chunks: ChunkFormatter<AuditView> = function* (report, ctx) {
  const c = new Chalk({level: ctx.color ? 1 : 0})
  const paint: Record<Severity, (s: string) => string> = {critical: c.red.bold, high: c.red, medium: c.yellow, low: c.cyan, info: c.dim}
  const shown = (f: Finding) => !ctx.quiet || atOrAbove(f.severity, report.failOn)
  const width = new Map<string, number>()
  const above: Item[] = []
  for (const s of systemsInPlaceOrder(report.systems)) {
    for (const f of s.findings) {
      if (!shown(f)) continue
      width.set(f.file, Math.max(width.get(f.file) ?? 0, `${f.line}:${f.column}`.length))
      if (placedAboveItsSystem(f, s)) above.push({f, id: s.id, ref: s.ref})
    }
  }
  above.sort(itemOrder)
  let file: string | undefined
  let next = 0
  const line = function* (item: Item): Generator<string> {
    const {f} = item
    if (f.file !== file) {
      if (file !== undefined) yield '\n'
      file = f.file
      yield `${c.underline(sanitizeLine(file))}\n`
    }
    yield `  ${c.dim(`${f.line}:${f.column}`.padEnd(width.get(file)!))}  ${paint[f.severity](f.severity.padEnd(8))}  ${sanitizeLine(`${item.id}: ${f.message}`)}  ${c.dim(f.rule)}\n`
  }
  for (const s of systemsInPlaceOrder(report.systems)) {
    for (const f of s.findings) {
      if (!shown(f) || placedAboveItsSystem(f, s)) continue
      const item = {f, id: s.id, ref: s.ref}
      while (next < above.length && itemOrder(above[next], item) < 0) yield* line(above[next++])
      yield* line(item)
    }
  }
  while (next < above.length) yield* line(above[next++])
  if (file !== undefined) yield '\n'
  if (ctx.quiet) return
  for (const w of report.warnings) yield `${c.yellow(`warning  ${sanitizeLine(`${w.file}:${w.line}:${w.column}  ${w.message}`)}`)}\n`
  if (report.warnings.length > 0) yield '\n'
  const [head, ...rest] = summaryLines(report)
  yield `${[c.bold(sanitizeLine(head)), ...rest.map(sanitizeLine)].join('\n')}\n`
}

interface Item {
  f: Finding
  id: string
  ref: string
}

/** By file, line and column; then by system, as the systems are listed. */
function itemOrder(a: Item, b: Item): number {
  if (a.f.file !== b.f.file) return a.f.file < b.f.file ? -1 : 1
  return a.f.line - b.f.line || a.f.column - b.f.column || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)
}

export const format: Formatter<AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')
