import type {CompareReport} from '../../core/compare/index.js'
import {leagueCells, leagueHeader, leagueNotes} from '../league.js'
import {mdCell, mdTable, sanitizeTerminal} from '../text.js'
import type {Formatter} from '../types.js'
import {CHANGE_HEADER, changeCells, columnTitle, diffSummary, FINDING_HEADER, findingRows, metricRows, MODE_TITLE, verdict} from './rows.js'

/** GitHub refuses comments over 65,536 characters: long lists are cut, and say so. */
const MAX_ROWS = 150

const ICON = {bad: '❌', good: '✅', neutral: 'ℹ️'}

function capped(rows: string[][], what: string): {rows: string[][]; note: string[]} {
  if (rows.length <= MAX_ROWS) return {rows, note: []}
  return {rows: rows.slice(0, MAX_ROWS), note: ['', `…and ${rows.length - MAX_ROWS} more ${what}: see \`cloudready compare --format json\`.`]}
}

/** For a pull-request comment: the verdict line first, then the tables. */
export const format: Formatter<CompareReport> = (r) => {
  const v = verdict(r)
  const out = [`${ICON[v.tone]} **${mdCell(v.line)}**`, '']
  const diff = r.diff
  if (diff) {
    out.push(...diffSummary(r).map((l) => `- ${mdCell(l)}`), '')
    for (const reason of diff.regressions) out.push(`> **Regression:** ${mdCell(reason)}`, '')
    if (diff.systems.length) {
      const rows = capped(diff.systems.map((s) => changeCells(s, diff.findingsCompared)), 'systems')
      out.push('### Systems that changed', '', mdTable(CHANGE_HEADER, rows.rows), ...rows.note, '')
    }
    const findings = capped(findingRows(r), 'findings')
    if (findings.rows.length) out.push('### Findings', '', mdTable(FINDING_HEADER, findings.rows), ...findings.note, '')
  }
  if (r.league) out.push('### League table', '', mdTable(leagueHeader(r.league), leagueCells(r.league)), '', ...leagueNotes(r.league).map((n) => `<sub>${mdCell(n)}</sub>`), '')
  const header = `| | ${r.columns.map((c) => mdCell(columnTitle(c))).join(' | ')} |${diff ? ' change |' : ''}`
  const sep = `|---|${r.columns.map(() => '---:').join('|')}|${diff ? '---:|' : ''}`
  const body = metricRows(r).map((m) => `| ${m.group ? `**${mdCell(m.label)}**` : mdCell(m.label)} | ${m.values.map(mdCell).join(' | ')} |${m.change === undefined ? '' : ` ${mdCell(m.change)} |`}`)
  // In a pull request the changes come first; the numbers fold away.
  if (diff) out.push('<details><summary>All numbers, base and head</summary>', '', header, sep, ...body, '', '</details>', '')
  else out.push(`### ${MODE_TITLE[r.mode]}`, '', header, sep, ...body, '')
  if (r.notes.length) out.push(...r.notes.map((n) => `> ${mdCell(n)}`), '')
  out.push(`<sub>cloudready ${mdCell(r.tool.version)}${r.asOf ? ` · as of ${r.asOf}` : ''}${r.deadline ? ` · deadline ${r.deadline}` : ''}</sub>`)
  // Escape sequences in any name or message (a department's, a lifecycle table's) shown, never obeyed by a terminal or a viewer.
  return sanitizeTerminal(`${out.join('\n')}\n`)
}
