import {Chalk} from 'chalk'

import type {CompareReport} from '../../core/compare/index.js'
import {LEAGUE_NUMERIC, leagueCells, leagueHeader, leagueNotes} from '../league.js'
import {alignColumns, sanitizeTerminal} from '../text.js'
import type {Formatter} from '../types.js'
import {CHANGE_HEADER, changeCells, columnTitle, diffSummary, FINDING_HEADER, findingRows, metricRows, MODE_TITLE, verdict} from './rows.js'

const table = alignColumns

/** The comparison for a terminal: the verdict, one column per input, then what changed. */
export const format: Formatter<CompareReport> = (r, ctx) => {
  const c = new Chalk({level: ctx.color ? 1 : 0})
  const v = verdict(r)
  const tone = v.tone === 'bad' ? c.red.bold : v.tone === 'good' ? c.green.bold : c.bold
  const out = [tone(sanitizeTerminal(v.line)), '']
  const diff = r.diff
  if (diff) {
    out.push(...diffSummary(r).map(sanitizeTerminal), '')
    for (const reason of diff.regressions) out.push(c.red(`regression: ${sanitizeTerminal(reason)}`))
    if (diff.regressions.length) out.push('')
    if (diff.systems.length) {
      out.push(c.bold('Systems that changed'))
      out.push(...table([CHANGE_HEADER, ...diff.systems.map((s) => changeCells(s, diff.findingsCompared).map(sanitizeTerminal))]), '')
    }
    const findings = findingRows(r)
    if (findings.length) {
      out.push(c.bold('Findings'))
      out.push(...table([FINDING_HEADER, ...findings.map((f) => f.map(sanitizeTerminal))]), '')
    }
  }
  if (r.league) {
    out.push(c.bold('League table'))
    const lines = table([leagueHeader(r.league), ...leagueCells(r.league).map((row) => row.map(sanitizeTerminal))], LEAGUE_NUMERIC)
    out.push(c.bold(lines[0]), ...lines.slice(1), ...leagueNotes(r.league).map((n) => c.dim(sanitizeTerminal(n))), '')
  }
  out.push(c.bold(MODE_TITLE[r.mode]))
  const rows: string[][] = [['', ...r.columns.map((col) => sanitizeTerminal(columnTitle(col))), ...(diff ? ['change'] : [])]]
  for (const m of metricRows(r)) {
    const extra = m.change === undefined ? [] : [m.change]
    rows.push(m.group ? [m.label, ...m.values, ...extra] : [`  ${m.label}`, ...m.values.map(sanitizeTerminal), ...extra])
  }
  const right = new Set(rows[0].map((_, i) => i).filter((i) => i > 0))
  const lines = table(rows, right)
  out.push(c.bold(lines[0]), ...lines.slice(1), '')
  for (const n of r.notes) out.push(c.yellow(`note: ${sanitizeTerminal(n)}`))
  return `${out.join('\n').trimEnd()}\n`
}
