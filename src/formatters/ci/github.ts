/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=…::message`
 * line per result, which the runner turns into annotations on the pull request, then one plain line
 * with the counts for the log.
 */
import type {AuditView} from '../../core/assess/report.js'
import {SEVERITIES} from '../../core/model/types.js'
import {plural} from '../text.js'
import type {ChunkFormatter, Formatter, ValidateReport} from '../types.js'
import {type CiLevel, position, resultText, toCiReport} from './results.js'

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
  for (const r of ci.results) {
    const props = [`file=${escapeProperty(r.file)}`, `line=${position(r.line)}`, `col=${position(r.column)}`, `title=${escapeProperty(`${r.ruleId} (${r.severity})`)}`]
    yield `::${COMMAND[r.level]} ${props.join(',')}::${escapeData(resultText(r))}\n`
  }
  yield `${summary(ci)}\n`
}

export const format: Formatter<ValidateReport | AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')

function summary(ci: ReturnType<typeof toCiReport>): string {
  const files = plural(ci.files.length, 'file')
  const warnings = ci.results.filter((r) => r.severity === 'warning').length
  if (ci.command === 'validate') {
    const errors = ci.results.length - warnings
    return ci.results.length === 0 ? `cloudready validate: ${files} valid` : `cloudready validate: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${files}`
  }
  const findings = ci.results.filter((r) => r.systemRef !== undefined)
  const bySeverity = SEVERITIES.map((s) => `${findings.filter((r) => r.severity === s).length} ${s}`).join(', ')
  const failing = findings.filter((r) => r.failing).length
  const threshold = ci.failOn === 'none' ? 'none fail (--fail-on none)' : `${failing} at or above --fail-on ${ci.failOn}`
  return `cloudready audit: ${plural(findings.length, 'finding')} (${bySeverity}) in ${plural(ci.subjects.length, 'system')} from ${files}; ${threshold}${warnings > 0 ? `; ${plural(warnings, 'warning')}` : ''}`
}
