/**
 * `report --brief`: the one-page brief as HTML, laid out for one A4 sheet (a Chromium print test
 * holds it to one page) and for a screen the width of that sheet.
 */
import type {Brief} from '../../core/brief.js'
import {escapeHtml} from '../html/escape.js'
import {dataTable, kpis, page} from '../html/page.js'
import {LEAGUE_NUMERIC, leagueCells, leagueHeader, leagueNotes} from '../league.js'
import type {FormatContext} from '../types.js'
import {briefFigures, briefLevers, briefRiskCells, briefVerdict, RISK_HEADER} from './lines.js'

/** The most departments the brief's league lists: one page holds about this many rows beside the rest. */
export const BRIEF_LEAGUE_ROWS = 12

const STYLE = `
.page{max-width:210mm;padding:14mm 12mm}
body{font-size:13px}
h1{font-size:24px}
h2{font-size:16px;margin:14px 0 4px;padding-bottom:3px}
.masthead{padding-bottom:6px;margin-bottom:8px;border-bottom-width:4px}
.subtitle{font-size:13px}
.verdict{font-size:16px;margin:8px 0;padding:8px 12px}
.kpis{grid-template-columns:repeat(5,minmax(0,1fr));gap:6px;margin:0 0 6px}
.kpi{padding:5px 8px}
.kpi .value{font-size:18px}
.kpi .label{font-size:11px;line-height:1.25}
table{font-size:11px}
th,td{padding:2px 4px}
caption{font-size:12px;padding:0 0 2px}
.note{font-size:10.5px;margin:2px 0}
ul.notes{font-size:12.5px;margin:4px 0}
footer{margin-top:10px;font-size:10px;padding-top:4px}
footer p{margin:1px 0}
@media print{
@page{size:A4;margin:0}
.page{padding:8mm 11mm 0}
body{font-size:9.5pt}
h1{font-size:16pt;margin:2px 0}
h2{font-size:11pt;margin:6px 0 2px}
.eyebrow,.subtitle{font-size:9pt}
.verdict{font-size:11.5pt;padding:5px 10px;margin:5px 0}
.kpis{grid-template-columns:repeat(5,minmax(0,1fr))}
.kpi .value{font-size:13pt}
.kpi .label{font-size:8pt}
table{font-size:7.5pt}
caption{font-size:8.5pt}
.note{font-size:7.5pt}
ul.notes{font-size:8.5pt}
footer{font-size:7pt;margin-top:6px}
}
`

export function briefHtml(b: Brief, ctx: FormatContext): string {
  const v = briefVerdict(b)
  const p = b.plan
  const league = b.league
  const leagueBlock = league
    ? (() => {
        const rows = leagueCells(league)
        const shown = rows.slice(0, BRIEF_LEAGUE_ROWS)
        const cut = rows.length > shown.length ? `<p class="note">The first ${BRIEF_LEAGUE_ROWS} of ${rows.length} departments; cloudready report lists them all.</p>` : ''
        const notes = leagueNotes(league)
        return `<h2>League table</h2>${dataTable('Departments ranked (= is a tie)', leagueHeader(league).map((head, i) => ({head, num: LEAGUE_NUMERIC.has(i)})), shown)}${cut}<p class="note">${escapeHtml(notes[0])} ${escapeHtml(notes[1])}</p>`
      })()
    : ''
  const risks = b.risks.length
    ? dataTable('Systems still to move, by their most severe finding (deadline findings aside), then blocked first, criticality, run cost', RISK_HEADER.map((head) => ({head})), briefRiskCells(b))
    : '<p>No finding stands against a system still to move.</p>'
  const body = [
    `<p class="verdict${v.late ? '' : ' good'}">${escapeHtml(v.line)}</p>`,
    kpis(briefFigures(b)),
    leagueBlock,
    `<h2>The five largest risks</h2>${risks}`,
    `<h2>What would change the completion date most</h2><ul class="notes">${briefLevers(b).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
  ].filter(Boolean)
  return page({
    title: 'Cloud migration: the brief',
    eyebrow: 'cloudready report --brief',
    subtitle: `${p.audit.departments.map((d) => d.name).join(', ') || 'No departments'} · as of ${p.asOf} · deadline ${p.deadline}`,
    body,
    // One line of provenance: the page has no room for the report's three.
    footer: [escapeHtml(`cloudready ${ctx.version} · assessed as of ${p.asOf} against the ${p.deadline} deadline · end-of-support dates: lifecycle snapshot of ${p.lifecycle.snapshot} (endoflife.date) · self-contained, no script · the same inputs give the same page`)],
    style: STYLE,
  })
}

export const format = (b: Brief, ctx: FormatContext): string => briefHtml(b, ctx)
