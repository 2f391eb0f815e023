/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=…::message`
 * line per result, which the runner turns into annotations on the pull request, then one plain line
 * with the counts for the log.
 */
import type {AuditView} from '../../core/assess/report.js'
import {SEVERITIES} from '../../core/model/types.js'
import {plural} from '../text.js'
import type {ChunkFormatter, Formatter, ValidateReport} from '../types.js'
import {type CiLevel, type CiReport, position, resultText, toCiReport} from './results.js'

const COMMAND: Record<CiLevel, string> = {error: 'error', warning: 'warning', note: 'notice'}

/**
 * Control characters other than tab, CR and LF become visible `\xNN` text: the log viewer renders
 * ANSI sequences, and annotations must carry no colour or cursor codes from an inventory.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** @actions/core's `escapeData`. */
export function escapeData(text: string): string {
  return visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** @actions/core's `escapeProperty`: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A workflow command per result, line by line (a million findings make no single string), then the summary. */
export const chunks: ChunkFormatter<ValidateReport | AuditView> = function* (report) {
  const ci = toCiReport(report)
  const counts = {results: 0, warnings: 0, findings: 0, failing: 0, bySeverity: new Map<string, number>()}
  for (const r of ci.results) {
    const props = [`file=${escapeProperty(r.file)}`, `line=${position(r.line)}`, `col=${position(r.column)}`, `title=${escapeProperty(`${r.ruleId} (${r.severity})`)}`]
    yield `::${COMMAND[r.level]} ${props.join(',')}::${escapeData(resultText(r))}\n`
    // Counted as written: an audit's results are made as they are read, once.
    counts.results++
    if (r.severity === 'warning') counts.warnings++
    if (r.systemRef === undefined) continue
    counts.findings++
    if (r.failing) counts.failing++
    counts.bySeverity.set(r.severity, (counts.bySeverity.get(r.severity) ?? 0) + 1)
  }
  yield `${summary(ci, counts)}\n`
}

export const format: Formatter<ValidateReport | AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')

function summary(ci: CiReport, n: {results: number; warnings: number; findings: number; failing: number; bySeverity: Map<string, number>}): string {
  const files = plural(ci.files.length, 'file')
  if (ci.command === 'validate') {
    const errors = n.results - n.warnings
    return n.results === 0 ? `cloudready validate: ${files} valid` : `cloudready validate: ${plural(errors, 'error')}, ${plural(n.warnings, 'warning')} in ${files}`
  }
  const bySeverity = SEVERITIES.map((s) => `${n.bySeverity.get(s) ?? 0} ${s}`).join(', ')
  const threshold = ci.failOn === 'none' ? 'none fail (--fail-on none)' : `${n.failing} at or above --fail-on ${ci.failOn}`
  return `cloudready audit: ${plural(n.findings, 'finding')} (${bySeverity}) in ${plural(ci.subjects, 'system')} from ${files}; ${threshold}${n.warnings > 0 ? `; ${plural(n.warnings, 'warning')}` : ''}`
}
